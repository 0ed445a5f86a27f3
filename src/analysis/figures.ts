/**
 * Every figure a publication may print, each with its base: the single
 * source of numbers for templates, charts and figures.json. Ids are stable
 * and readable: <question>.<answer code>.share.<segment>, <question>.mean.<segment>.
 */
import { type EditionConfig, isClosed } from '../edition/schema.js';
import { localDate } from '../ingest/timestamp.js';
import type { Response } from '../ingest/types.js';
import {
  askedIn,
  distribution,
  meanScore,
  nonResponse,
  otherAnswers,
  scaleDistribution,
} from './measures.js';
import { allSegments, membersOf } from './segments.js';
import type { Interval } from './stats.js';

interface FigureBase {
  id: string;
  label: string;
  question?: string;
  segment: string;
}
export interface CountFigure extends FigureBase {
  kind: 'count';
  value: number;
}
export interface ShareFigure extends FigureBase {
  kind: 'share';
  /** count / base, unrounded; null when the base is 0. */
  value: number | null;
  count: number;
  base: number;
  /** Wilson 95 % interval. */
  ci: Interval | null;
  answer: string;
}
export interface MeanFigure extends FigureBase {
  kind: 'mean';
  value: number | null;
  base: number;
  sd: number | null;
  ci: Interval | null;
}
export interface DateFigure extends FigureBase {
  kind: 'date';
  /** YYYY-MM-DD in the edition's time zone. */
  value: string;
}
export type Figure = CountFigure | ShareFigure | MeanFigure | DateFigure;

/** The figure id grammar, in one place: figures.json, the charts and the templates all read these ids. */
export const figureId = {
  respondents: (segment: string) => `respondents.count.${segment}`,
  answered: (question: string, segment: string) => `${question}.answered.count.${segment}`,
  missing: (question: string, segment: string) => `${question}.missing.count.${segment}`,
  share: (question: string, answer: string, segment: string) =>
    `${question}.${answer}.share.${segment}`,
  otherDistinct: (question: string, segment: string) =>
    `${question}.autre_distinct.count.${segment}`,
  mean: (question: string, segment: string) => `${question}.mean.${segment}`,
  date: (question: string, which: 'first' | 'last') => `${question}.${which}.date.all`,
};

export function buildFigures(config: EditionConfig, responses: readonly Response[]): Figure[] {
  const figures: Figure[] = [];
  for (const segment of allSegments(config)) {
    const seg = segment.id;
    const segLabel = segment.label;
    figures.push({
      id: figureId.respondents(seg),
      kind: 'count',
      label: `Répondants — ${segLabel}`,
      segment: seg,
      value: membersOf(responses, segment).length,
    });
    for (const q of config.questions) {
      if (q.type === 'timestamp') continue;
      const qLabel = q.label ?? q.header;
      const asked = askedIn(config, responses, q, segment);
      const nr = nonResponse(asked, q.id);
      const common = { question: q.id, segment: seg };
      figures.push(
        {
          id: figureId.answered(q.id, seg),
          kind: 'count',
          label: `${qLabel} : répondants — ${segLabel}`,
          ...common,
          value: nr.answered,
        },
        {
          id: figureId.missing(q.id, seg),
          kind: 'count',
          label: `${qLabel} : sans réponse — ${segLabel}`,
          ...common,
          value: nr.missing,
        },
      );
      if (isClosed(q) || q.type === 'scale') {
        const shares = q.type === 'scale' ? scaleDistribution(asked, q) : distribution(asked, q);
        for (const s of shares) {
          figures.push({
            id: figureId.share(q.id, s.code, seg),
            kind: 'share',
            label: `${qLabel} : ${s.label} — ${segLabel}`,
            ...common,
            answer: s.code,
            value: s.value,
            count: s.count,
            base: s.base,
            ci: s.ci,
          });
        }
      }
      if (isClosed(q) && q.type !== 'yesno' && q.other) {
        figures.push({
          id: figureId.otherDistinct(q.id, seg),
          kind: 'count',
          label: `${qLabel} : réponses «\u00a0Autre\u00a0» distinctes — ${segLabel}`,
          ...common,
          value: otherAnswers(asked, q.id).size,
        });
      }
      if (q.type === 'scale') {
        const m = meanScore(asked, q.id);
        figures.push({
          id: figureId.mean(q.id, seg),
          kind: 'mean',
          label: `${qLabel} : moyenne — ${segLabel}`,
          ...common,
          value: m?.mean ?? null,
          base: m?.base ?? 0,
          sd: m?.sd ?? null,
          ci: m?.ci ?? null,
        });
      }
    }
  }
  figures.push(...fieldDates(config, responses));
  return figures;
}

/** First and last submission day (F13), from the timestamps themselves. */
function fieldDates(config: EditionConfig, responses: readonly Response[]): DateFigure[] {
  const tsId = config.questions.find((q) => q.type === 'timestamp')?.id as string;
  const days = responses
    .map((r) => r.answers[tsId])
    .flatMap((a) => (a?.kind === 'time' ? [localDate(a.epochMs, config.edition.timezone)] : []))
    .sort();
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return [];
  return [
    {
      id: figureId.date(tsId, 'first'),
      kind: 'date',
      label: 'Première réponse',
      question: tsId,
      segment: 'all',
      value: first,
    },
    {
      id: figureId.date(tsId, 'last'),
      kind: 'date',
      label: 'Dernière réponse',
      question: tsId,
      segment: 'all',
      value: last,
    },
  ];
}
