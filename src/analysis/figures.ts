/**
 * Every figure a publication may print, each with its base: the single
 * source of numbers for templates, charts and figures.json. Ids are stable
 * and readable: <question>.<answer code>.share.<segment>, <question>.mean.<segment>.
 * Each question is counted in one pass over its column for every segment
 * at once (tallies.ts); weighted figures in one pass per segment (measures.ts).
 */

import { OTHER_CODE } from '../edition/codes.js';
import type { EditionConfig, Question, Segment } from '../edition/schema.js';
import type {
  ChoiceColumn,
  Column,
  Responses,
  ScaleColumn,
  TextColumn,
} from '../ingest/columns.js';
import { localDate } from '../ingest/timestamp.js';
import { publication } from '../publication/index.js';
import type { ComparabilityNote } from './comparability.js';
import {
  type ChoiceTally,
  type ScaleTally,
  share,
  type Tally,
  tallyChoice,
  tallyScale,
  tallyText,
  type WeightedTally,
  weighChoice,
  weighScale,
  weightedShare,
} from './measures.js';
import { allSegments, type Group, Membership } from './segments.js';
import type { Interval, MeanStats } from './stats.js';
import { Tallies } from './tallies.js';

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
/**
 * What a weighted figure adds (edition.yaml `weighting:`): its `value` and
 * `ci` are the weighted estimate and its interval, while `count` and `base`
 * stay the respondents, as the reader is told them ("n = 46").
 */
export interface Weighted {
  weighted?: true;
  /** Kish's effective base of the respondents behind it, (Σw)² / Σw²: its interval's base. */
  effectiveBase?: number;
  /** base / effectiveBase: the design effect of the weights on it. */
  designEffect?: number;
}
export interface ShareFigure extends FigureBase, Weighted {
  kind: 'share';
  /** count / base, unrounded; null when the base is 0. */
  value: number | null;
  count: number;
  base: number;
  /** Wilson 95 % interval. */
  ci: Interval | null;
  answer: string;
}
export interface MeanFigure extends FigureBase, Weighted {
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
/** A figure's value in each of two editions, and the difference to − from (change.ts). */
export interface ChangeFigure extends FigureBase {
  kind: 'change';
  /** The kind of the figure that changed. */
  of: 'count' | 'share' | 'mean';
  /** to − from; null when either edition has no value. */
  value: number | null;
  from: ChangeEnd;
  to: ChangeEnd;
  /** 95 % interval of the difference: Newcombe for shares, Welch for means; null for counts. */
  ci: Interval | null;
  /** The previous edition's id. */
  previous: string;
  /** False when the question, its answers or the group no longer measure the same as last year. */
  comparable: boolean;
  /** What differs since the previous edition, each with the editor's decision when one is recorded. */
  notes: ComparabilityNote[];
}
export interface ChangeEnd {
  value: number | null;
  count?: number;
  base?: number;
  /** A weighted figure: its effective base, which the interval of the change is computed on. */
  weighted?: true;
  effectiveBase?: number;
}
/** A figure followed over every edition of the `previous` chain (series.ts). */
export interface SeriesFigure extends FigureBase {
  kind: 'series';
  /** The kind of the figure followed. */
  of: 'count' | 'share' | 'mean';
  /** This edition's value: the last point's. */
  value: number | null;
  /** One per edition that has the figure, oldest first; the last is this edition's. */
  points: SeriesPoint[];
}
export interface SeriesPoint {
  /** The edition's id. */
  edition: string;
  /** Its year, as texts name it ("depuis 2024"). */
  year: string;
  value: number | null;
  count?: number;
  base?: number;
  /** A mean's standard deviation: the interval of a difference between two points needs it (Welch). */
  sd?: number | null;
  /** Wilson 95 % interval (a share), Student's (a mean); null for a count. */
  ci: Interval | null;
  /** A weighted edition's share or mean: its effective base, which intervals between points use. */
  weighted?: true;
  effectiveBase?: number;
  /** The edition of the point before, which `comparable` and `notes` compare with; none on the first. */
  previous?: string;
  /** False when the figure no longer measures the same as at the point before. */
  comparable: boolean;
  notes: ComparabilityNote[];
}
export type Figure =
  | CountFigure
  | ShareFigure
  | MeanFigure
  | DateFigure
  | ChangeFigure
  | SeriesFigure;

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
  change: (figure: string) => `${figure}.change`,
  series: (figure: string) => `${figure}.series`,
};

/** What a figure id names, read back from it: parseFigureId undoes figureId, figureIdFrom redoes it. */
export type FigureIdParts = { segment: string; change: boolean } & (
  | { measure: 'respondents' }
  | { measure: 'answered' | 'missing' | 'otherDistinct' | 'mean'; question: string }
  | { measure: 'share'; question: string; answer: string }
  | { measure: 'date'; question: string; which: 'first' | 'last' }
);

const COUNTS = {
  answered: 'answered',
  missing: 'missing',
  autre_distinct: 'otherDistinct',
} as const;

/** The parts of an id made by figureId, or null if it is not one. */
export function parseFigureId(id: string): FigureIdParts | null {
  const parts = id.split('.');
  const change = parts.at(-1) === 'change';
  if (change) parts.pop();
  if (!parts.every((p) => /^[a-z0-9_]+$/.test(p))) return null;
  const [question, second, third, fourth] = parts as [string, string, string?, string?];
  if (parts.length === 3) {
    const segment = third as string;
    if (question === 'respondents' && second === 'count')
      return { measure: 'respondents', segment, change };
    return second === 'mean' ? { measure: 'mean', question, segment, change } : null;
  }
  if (parts.length !== 4) return null;
  const segment = fourth as string;
  if (third === 'share') return { measure: 'share', question, answer: second, segment, change };
  if (third === 'date' && (second === 'first' || second === 'last') && segment === 'all')
    return { measure: 'date', question, which: second, segment, change };
  const count = COUNTS[second as keyof typeof COUNTS];
  return third === 'count' && count ? { measure: count, question, segment, change } : null;
}

/** The id these parts name (parseFigureId's inverse). */
export function figureIdFrom(p: FigureIdParts): string {
  const id =
    p.measure === 'respondents'
      ? figureId.respondents(p.segment)
      : p.measure === 'share'
        ? figureId.share(p.question, p.answer, p.segment)
        : p.measure === 'date'
          ? figureId.date(p.question, p.which)
          : figureId[p.measure](p.question, p.segment);
  return p.change ? figureId.change(id) : id;
}

/** The question a figure id counts, if it counts one. */
export function questionOf(p: FigureIdParts): string | undefined {
  return p.measure === 'respondents' ? undefined : p.question;
}

const words = publication.figures;

export function buildFigures(
  config: EditionConfig,
  responses: Responses,
  /** Who is in each segment: worked out once, shared with what compares the figures afterwards. */
  membership: Membership = new Membership(config, responses),
  /** Each kept response's weight (analysis/weights.ts), or null: shares and means unweighted. */
  weights: Float64Array | null = null,
): Figure[] {
  const figures: Figure[] = [];
  // Unweighted counts come from one pass per question over every segment (tallies.ts).
  const tallies = weights ? null : Tallies.of(config, responses);
  for (const segment of allSegments(config)) {
    figures.push({
      id: figureId.respondents(segment.id),
      kind: 'count',
      label: words.respondents(segment.label),
      segment: segment.id,
      value: tallies ? tallies.members(segment) : membership.of(segment).length,
    });
    for (const q of config.questions) {
      const column = responses.columns.get(q.id);
      if (!column || column.kind === 'time') continue;
      const tally: Tallier = {
        asked: () => membership.asked(q, segment),
        choice: (c) =>
          tallies?.choice(c, segment, q) ?? tallyChoice(c, membership.asked(q, segment)),
        scale: (c) => tallies?.scale(c, segment, q) ?? tallyScale(c, membership.asked(q, segment)),
        text: (c) => tallies?.text(c, segment, q) ?? tallyText(c, membership.asked(q, segment)),
      };
      figures.push(...questionFigures(q, column, segment, tally, weights));
    }
  }
  figures.push(...fieldDates(config, responses));
  return figures;
}

/** How one question is counted in one segment: its tallies, and who was asked it (for weights). */
interface Tallier {
  asked(): Group;
  choice(column: ChoiceColumn): ChoiceTally;
  scale(column: ScaleColumn): ScaleTally;
  text(column: TextColumn): Tally;
}

/** One question's figures in one segment: who answered it, each answer's share, a scale's mean. */
function questionFigures(
  q: Question,
  column: Exclude<Column, { kind: 'time' }>,
  segment: Segment,
  tally: Tallier,
  weights: Float64Array | null,
): Figure[] {
  const make = figuresOf(q, segment);
  if (column.kind === 'choice') {
    const t = tally.choice(column);
    const w = weights && weighChoice(column, tally.asked(), weights);
    const labels = new Map(column.question.options.map((o) => [o.code, o.short ?? o.label]));
    const answers = column.codes.map((code, k) => ({
      code,
      label: labels.get(code) ?? publication.answers.other,
      count: t.chose[k] as number,
    }));
    return [
      ...make.counts(t),
      ...make.shares(answers, t.answered, w),
      ...(column.codes.includes(OTHER_CODE)
        ? [
            make.count(
              figureId.otherDistinct(q.id, segment.id),
              words.otherDistinct,
              t.otherTexts.size,
            ),
          ]
        : []),
    ];
  }
  if (column.kind === 'scale') {
    const t = tally.scale(column);
    const w = weights && weighScale(column, tally.asked(), weights);
    const { min } = column.question;
    const answers = t.gave.map((n, k) => ({
      code: String(min + k),
      label: String(min + k),
      count: n,
    }));
    return [
      ...make.counts(t),
      ...make.shares(answers, t.answered, w),
      make.mean(w ? w.mean : t.mean, w !== null),
    ];
  }
  return make.counts(tally.text(column));
}

/** What makes the figures of one question in one segment: their ids, labels and values. */
function figuresOf(q: Question, segment: Segment) {
  const seg = segment.id;
  const qLabel = q.label ?? q.header;
  const common = { question: q.id, segment: seg };
  const count = (id: string, label: string, value: number): CountFigure => ({
    id,
    kind: 'count',
    label: words.about(qLabel, label, segment.label),
    ...common,
    value,
  });
  const shares = (
    answers: { code: string; label: string; count: number }[],
    base: number,
    /** The answers' weights when the edition is weighted. */
    weighed: WeightedTally | null,
  ) =>
    answers.map((a, k): ShareFigure => {
      const s = weighed
        ? weightedShare(a.count, base, weighed.chose[k] as number, weighed)
        : share(a.count, base);
      return {
        id: figureId.share(q.id, a.code, seg),
        kind: 'share',
        label: words.about(qLabel, a.label, segment.label),
        ...common,
        answer: a.code,
        value: s.value,
        count: s.count,
        base: s.base,
        ci: s.ci,
        ...weightedFields(s),
      };
    });
  const counts = (t: Tally) => [
    count(figureId.answered(q.id, seg), words.answered, t.answered),
    count(figureId.missing(q.id, seg), words.missing, t.asked - t.answered),
  ];
  const mean = (
    m: (MeanStats & { effectiveBase?: number }) | null,
    /** Weighted: an empty group's mean is weighted too, on no one. */
    weighted = false,
  ): MeanFigure => ({
    id: figureId.mean(q.id, seg),
    kind: 'mean',
    label: words.about(qLabel, words.mean, segment.label),
    ...common,
    value: m?.mean ?? null,
    base: m?.base ?? 0,
    sd: m?.sd ?? null,
    ci: m?.ci ?? null,
    ...(weighted
      ? weightedFields({ base: m?.base ?? 0, effectiveBase: m?.effectiveBase ?? 0 })
      : {}),
  });
  return { count, counts, shares, mean };
}

/** A weighted estimate's own keys in figures.json; nothing for an unweighted one. */
function weightedFields(s: { base: number; effectiveBase?: number }): Weighted {
  if (s.effectiveBase === undefined) return {};
  return {
    weighted: true,
    effectiveBase: s.effectiveBase,
    designEffect: s.effectiveBase > 0 ? s.base / s.effectiveBase : 1,
  };
}

/** First and last submission day (F13), from the timestamps themselves. */
function fieldDates(config: EditionConfig, responses: Responses): DateFigure[] {
  const { epochMs, question } = responses.timestamp;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  // Indexed: a typed array's iterator is slower on a million timestamps.
  for (let i = 0; i < epochMs.length; i++) {
    const t = epochMs[i] as number;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  if (first > last) return [];
  const day = (t: number) => localDate(t, config.edition.timezone);
  const date = (which: 'first' | 'last', label: string, t: number): DateFigure => ({
    id: figureId.date(question.id, which),
    kind: 'date',
    label,
    question: question.id,
    segment: 'all',
    value: day(t),
  });
  return [date('first', words.firstAnswer, first), date('last', words.lastAnswer, last)];
}
