/**
 * Everything `enquete init` decides, as data: the export's file name and
 * the form's own columns that are no question, which column is which
 * question, what became of each option, the new and dropped questions and
 * what goes with a dropped one (its charts, the segments defined on it), the
 * edition's new id and field period. Pure: the files are read before and
 * written after (init.ts), from this plan.
 */
import path from 'node:path';
import type { ChartKindRule, EditionConfig, Question, Segment } from '../edition/schema.js';
import { isClosed } from '../edition/schema.js';
import { isWorkbook } from '../ingest/read-workbook.js';
import { initReport as say } from '../messages/index.js';
import { type InferredQuestion, inferQuestion } from './infer-question.js';
import { type ColumnMatch, matchColumns } from './match-columns.js';
import { matchOptions, type OptionChanges, widenedScale } from './match-options.js';
import { type ExportProfile, fieldPeriodOf } from './profile.js';

export interface InitPlan {
  rows: number;
  /** The new export's file in the edition folder, its sheet, and its columns that are no question. */
  source: { file: string; sheet?: string; metadata: string[] };
  matches: ColumnMatch[];
  options: Map<string, OptionChanges>;
  scales: { id: string; from: { min: number; max: number }; to: { min: number; max: number } }[];
  added: (InferredQuestion & { column: number })[];
  dropped: Question[];
  droppedSegments: { segment: Segment; because: string }[];
  /** Questions asked to a segment that is gone: now counted over everyone asked. */
  appliesToRemoved: { question: string; segment: string }[];
  droppedCharts: { article: string; chart: string; because: string }[];
  trimmedCharts: { article: string; chart: string; segments: string[] }[];
  /** Last year's decisions on comparing with the year before: they do not carry over. */
  staleDecisions: string[];
  edition: {
    id: Change<string>;
    survey: Change<string>;
    fieldPeriod: Change<{ start: string; end: string }>;
    publishUrl?: Change<string>;
    previous: string;
    articleDates: { article: string; from: string; to: string }[];
  };
}

export interface Change<T> {
  from: T;
  to: T;
}

export function planInit(
  config: EditionConfig,
  profile: ExportProfile,
  folders: { previous: string; next: string },
  kinds: readonly ChartKindRule[],
): InitPlan {
  // The form's own identifiers and times other than the response's are read by no question.
  const metadata = profile.columns.filter((c) => c.form === 'metadata');
  const columns = profile.columns.filter((c) => c.form !== 'metadata');
  const { matches, dropped, added: newColumns } = matchColumns(config.questions, columns);
  const droppedIds = new Set(dropped.map((q) => q.id));
  const { droppedSegments, appliesToRemoved } = segmentsLost(config, droppedIds);
  const goneSegments = new Set(droppedSegments.map((d) => d.segment.id));
  return {
    rows: profile.rows,
    source: {
      file: exportFileFor(profile.file),
      ...(profile.sheet !== undefined && { sheet: profile.sheet }),
      metadata: metadata.map((c) => c.header),
    },
    matches,
    ...answersMatched(matches, profile.rows),
    added: newQuestions(config, newColumns, profile.rows),
    dropped,
    droppedSegments,
    appliesToRemoved,
    ...chartsLost(config, kinds, droppedIds, goneSegments),
    staleDecisions: Object.keys(config.comparability),
    edition: editionMoved(config, matches, folders),
  };
}

/** The name the new export is copied in under: responses.csv, or responses.xlsx for a workbook. */
export function exportFileFor(file: string): string {
  return isWorkbook(file) ? 'responses.xlsx' : 'responses.csv';
}

/** Each matched question's options against its column's answers; scales the answers outgrow. */
function answersMatched(matches: ColumnMatch[], rows: number) {
  const options = new Map<string, OptionChanges>();
  const scales: InitPlan['scales'] = [];
  for (const { question: q, column } of matches) {
    if (isClosed(q)) options.set(q.id, matchOptions(q, column, rows));
    if (q.type === 'scale') {
      const to = widenedScale(q, column);
      if (to) scales.push({ id: q.id, from: { min: q.min, max: q.max }, to });
    }
  }
  return { options, scales };
}

/** The columns no question matches, as new questions with ids of their own. */
function newQuestions(
  config: EditionConfig,
  columns: ExportProfile['columns'],
  rows: number,
): InitPlan['added'] {
  const taken = new Set(config.questions.map((q) => q.id));
  return columns.map((column) => {
    const inferred = inferQuestion(column, taken, rows);
    taken.add(inferred.question.id);
    return { ...inferred, column: column.index };
  });
}

/** What a dropped question takes with it: the segments defined on it, and the `appliesTo` naming those. */
function segmentsLost(config: EditionConfig, droppedIds: Set<string>) {
  const droppedSegments = config.segments.flatMap((s) => {
    const on = Object.keys(s.where).filter((q) => droppedIds.has(q));
    return on.length > 0 ? [{ segment: s, because: say.segmentOnDropped(on[0] as string) }] : [];
  });
  const goneSegments = new Set(droppedSegments.map((d) => d.segment.id));
  const appliesToRemoved = config.questions.flatMap((q) =>
    !droppedIds.has(q.id) && q.appliesTo && goneSegments.has(q.appliesTo)
      ? [{ question: q.id, segment: q.appliesTo }]
      : [],
  );
  return { droppedSegments, appliesToRemoved };
}

/**
 * The charts of a dropped question or segment: dropped, or trimmed of the
 * segments that are gone when a list of others remains.
 */
function chartsLost(
  config: EditionConfig,
  kinds: readonly ChartKindRule[],
  droppedIds: Set<string>,
  goneSegments: Set<string>,
): Pick<InitPlan, 'droppedCharts' | 'trimmedCharts'> {
  const droppedCharts: InitPlan['droppedCharts'] = [];
  const trimmedCharts: InitPlan['trimmedCharts'] = [];
  for (const a of config.articles) {
    for (const c of a.charts) {
      const drop = (because: string) =>
        droppedCharts.push({ article: a.slug, chart: c.id, because });
      if (droppedIds.has(c.question)) {
        drop(say.chartOnDropped(c.question));
        continue;
      }
      const keys = kinds.find((k) => k.kind === c.kind)?.segmentKeys ?? [];
      const gone = keys.flatMap((key) =>
        [c[key] as string | string[]].flat().filter((s) => goneSegments.has(s)),
      );
      if (gone.length === 0) continue;
      const lists = keys.filter((key) => Array.isArray(c[key]));
      const left = lists.flatMap((key) => (c[key] as string[]).filter((s) => !goneSegments.has(s)));
      if (left.length === 0) drop(say.chartOnDroppedSegment(gone[0] as string));
      else trimmedCharts.push({ article: a.slug, chart: c.id, segments: gone });
    }
  }
  return { droppedCharts, trimmedCharts };
}

/** The edition's own values a year on: its id, survey name, field period (from the export's times) and dates. */
function editionMoved(
  config: EditionConfig,
  matches: ColumnMatch[],
  folders: { previous: string; next: string },
): InitPlan['edition'] {
  const timestamp = matches.find((m) => m.question.type === 'timestamp')?.column.times;
  const old = config.edition;
  const fieldPeriod = timestamp ? fieldPeriodOf(timestamp, old.timezone) : old.fieldPeriod;
  const oldYear = /^\d{4}$/.test(old.id) ? old.id : old.fieldPeriod.start.slice(0, 4);
  const newYear = fieldPeriod.start.slice(0, 4);
  const yearShift = Number(newYear) - Number(oldYear);
  const withYear = (s: string) => s.split(oldYear).join(newYear);
  return {
    id: { from: old.id, to: /^\d{4}$/.test(old.id) ? newYear : withYear(old.id) },
    survey: { from: old.survey, to: withYear(old.survey) },
    fieldPeriod: { from: old.fieldPeriod, to: fieldPeriod },
    ...(old.publishUrl && { publishUrl: { from: old.publishUrl, to: withYear(old.publishUrl) } }),
    previous: path.relative(folders.next, folders.previous).split(path.sep).join('/'),
    articleDates: config.articles.map((a) => ({
      article: a.slug,
      from: a.date,
      to: `${Number(a.date.slice(0, 4)) + yearShift}${a.date.slice(4)}`,
    })),
  };
}
