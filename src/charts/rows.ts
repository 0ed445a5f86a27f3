/** Helpers the kinds share to turn figures into chart rows and words. */
import { figureId } from '../analysis/figures.js';
import { findSegment } from '../analysis/segments.js';
import {
  answerCodes,
  type ChartConfig,
  type EditionConfig,
  isClosed,
  OTHER_CODE,
  type Question,
  type Segment,
} from '../edition/schema.js';
import type { FigureIndex } from '../format/figure-index.js';
import {
  formatBase,
  formatInteger,
  formatOutOf,
  formatPercent,
  formatShareOf,
  SMALL_BASE,
} from '../publication/french.js';
import { publication } from '../publication/index.js';
import { normaliseText } from '../text.js';
import type { ChartContext, ChartData, ChartRow, DataTable } from './kind.js';

const columns = publication.tables;

/** A segment as an axis names it: its short label. */
export function segmentName(config: EditionConfig, id: string): string {
  const s = findSegment(config, id);
  return s?.short ?? s?.label ?? id;
}

/** One bar from a share figure: its value, count, base and printed text. */
export function shareRow(
  index: FigureIndex,
  figureId: string,
  group: string,
  extra: Partial<ChartRow> = {},
): ChartRow {
  const f = index.share(figureId);
  return {
    group,
    axisLabel: group,
    value: f.value,
    count: f.count,
    base: f.base,
    low: f.ci?.[0],
    high: f.ci?.[1],
    text: formatShareOf(f),
    figureId,
    ...(f.weighted && { weighted: true }),
    ...extra,
  };
}

/** One dot or bar from a mean figure, printed as everywhere else (FigureIndex.meanText). */
export function meanRow(index: FigureIndex, figureId: string, group: string): ChartRow {
  const f = index.mean(figureId);
  return {
    group,
    axisLabel: `${group}|${formatBase(f.base)}`,
    value: f.value,
    base: f.base,
    low: f.ci?.[0],
    high: f.ci?.[1],
    text: index.meanText(figureId),
    lowText: f.ci ? index.meanText(figureId, f.ci[0]) : undefined,
    highText: f.ci ? index.meanText(figureId, f.ci[1]) : undefined,
    figureId,
  };
}

/** The axis label with the bar's own base on a second line. */
export const withBase = (rows: ChartRow[]): ChartRow[] =>
  rows.map((r) => ({ ...r, axisLabel: `${r.group}|${formatBase(r.base)}` }));

/** "(manipulateurs radio et cadres de santé, utilisateurs de l'IA)": who a base counts. */
export function who({ config, question }: ChartContext, segment: string): string {
  const ids = new Set([segment, ...(question.appliesTo ? [question.appliesTo] : [])]);
  if (question.appliesTo) ids.delete('all');
  // A segment whose conditions already hold the question's (radiologues who use IA, for a question put to users) says it alone.
  const drawn = findSegment(config, segment);
  const asked = question.appliesTo ? findSegment(config, question.appliesTo) : undefined;
  if (drawn && asked && asked.id !== drawn.id && within(drawn, asked)) ids.delete(asked.id);
  const names = [...ids].map((id) => lowerFirst(findSegment(config, id)?.label ?? id));
  return publication.baseNotes.who(withoutRepeats(names));
}

/**
 * Group names as a caption lists them, none said twice: a name read whole
 * within another ("utilisateurs de l'IA" in "radiologues utilisateurs de
 * l'IA") or twice over is left out, whatever the segments' conditions say.
 */
export function withoutRepeats(names: readonly string[]): string[] {
  const words = (name: string) =>
    ` ${normaliseText(name).toLocaleLowerCase(publication.language)} `;
  return names.filter((name, i) =>
    names.every((other, j) => {
      if (j === i) return true;
      const [mine, theirs] = [words(name), words(other)];
      // The same name twice: the first one stays.
      if (mine === theirs) return j > i;
      return !theirs.includes(mine);
    }),
  );
}

/** Every condition of `outer` is one of `inner`'s, at least as narrow: inner's members are all outer's. */
function within(inner: Segment, outer: Segment): boolean {
  return Object.entries(outer.where).every(([q, codes]) => {
    const mine = inner.where[q];
    const allowed = new Set([codes].flat());
    return mine !== undefined && [mine].flat().every((c) => allowed.has(c));
  });
}

/** Any question's answer codes (edition/schema.ts answerCodes): none for an open question. */
export function optionCodes(question: Question): string[] {
  return isClosed(question) ? answerCodes(question) : [];
}

export function answerLabel(question: Question, code: string): string {
  if (code === OTHER_CODE) return publication.answers.other;
  if (!isClosed(question)) return code;
  const o = question.options.find((x) => x.code === code);
  return o?.short ?? o?.label ?? code;
}

/** A long answer label on two lines ("|" separated), broken at the space nearest its middle. */
export function wrapLabel(label: string, max = 20): string {
  if (label.length <= max) return label;
  const middle = label.length / 2;
  let best = -1;
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) {
    if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return best < 0 ? label : `${label.slice(0, best)}|${label.slice(best + 1)}`;
}

/** "Utilisateurs de l'IA" -> "utilisateurs de l'IA" (acronyms kept). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase(publication.language) + text.slice(1);
}

/** A share's 95 % interval as a table cell: "38 % – 66 %". */
export function shareInterval(r: ChartRow): string {
  return r.low === undefined || r.high === undefined
    ? '–'
    : `${formatPercent(r.low)} – ${formatPercent(r.high)}`;
}

/** A mean's 95 % interval as a table cell: "6,6 – 7,6". */
export function meanInterval(r: ChartRow): string {
  return r.lowText === undefined || r.highText === undefined ? '–' : `${r.lowText} – ${r.highText}`;
}

/**
 * The table of a chart of shares: one line a bar, with count, base, share and
 * interval; a share of fewer than 30 respondents reads "8 sur 14", as
 * everywhere else (the interval stays: it says how little 14 tell).
 */
export function shareTable(first: string, data: ChartData): DataTable {
  return {
    columns: [first, columns.count, columns.base, columns.share, columns.interval],
    rows: data.rows.map((r) => [
      r.group,
      formatInteger(r.count ?? 0),
      formatInteger(r.base),
      formatShareOf({ ...r, count: r.count ?? 0 }),
      shareInterval(r),
    ]),
  };
}

/**
 * A table cell for a part of a stack or group: "12 (52 %)", or "5 sur 8"
 * under 30 respondents; a weighted share, its estimate ("52 %").
 */
export function countCell(r: ChartRow): string {
  const count = r.count ?? 0;
  if (r.weighted) return formatShareOf({ ...r, count });
  return r.base < SMALL_BASE
    ? formatOutOf(count, r.base)
    : `${formatInteger(count)} (${formatPercent(r.value)})`;
}

/** The table of a chart of means: one line a group, with base and interval. */
export function meanTable(data: ChartData): DataTable {
  return {
    columns: [columns.group, columns.mean, columns.base, columns.interval],
    rows: data.rows.map((r) => [r.group, r.text, formatInteger(r.base), meanInterval(r)]),
  };
}

/** The rows of a chart split by a second variable, gathered by bar group, in their order. */
export function byGroup(data: ChartData): [string, ChartRow[]][] {
  const groups = [...new Set(data.rows.map((r) => r.group))];
  return groups.map((g) => [g, data.rows.filter((r) => r.group === g)]);
}

/** The data of a chart of one mean per segment, on the scale's range. */
export function meansData(
  chart: ChartConfig & { segments: string[] },
  { config, index, question }: ChartContext,
  /** The kind's words (publication.charts): what it measures on a scale up to `max`, its base note. */
  words: { measure: (max: number) => string; baseNote: string },
): ChartData {
  const range: [number, number] =
    question.type === 'scale' ? [question.min, question.max] : [0, 10];
  return {
    kind: chart.kind,
    rows: chart.segments.map((s) =>
      meanRow(index, figureId.mean(chart.question, s), segmentName(config, s)),
    ),
    parts: [],
    measure: words.measure(range[1]),
    baseNote: words.baseNote,
    domain: range,
  };
}
