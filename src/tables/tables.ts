/**
 * The whole survey as tables (model.ts), read from the figures: every
 * question in codebook order, its topline, and its cross-tab by each group
 * of segments, each cell lettered with the columns it is above.
 *
 * The letters are the professionals' convention (SPSS Custom Tables, Q):
 * a cell carries the letter of each column it is significantly above at
 * 95 %, decided by the same comparison as the article's wording helpers
 * (analysis/compare.ts: Newcombe for shares, Welch for means, a group
 * against the rest of a group containing it). Columns under 30 respondents
 * are marked and never lettered nor compared. No correction is made for the
 * many comparisons a table holds: the legend says so.
 */
import { isAhead } from '../analysis/compare.js';
import { figureId } from '../analysis/figures.js';
import type { FreeTextGroup } from '../analysis/free-text.js';
import {
  ALL_SEGMENT,
  answerCodes,
  type EditionConfig,
  OTHER_CODE,
  type Question,
} from '../edition/schema.js';
import { type FigureIndex, FigureProblem } from '../format/figure-index.js';
import { localDate } from '../ingest/timestamp.js';
import { SMALL_BASE } from '../publication/french.js';
import { publication } from '../publication/index.js';
import { segmentGroups } from './groups.js';
import type { Cell, Column, CrossTab, QuestionTables, Row, SurveyTables } from './model.js';

/** Columns in one table, beside the whole; a larger group is split over several. */
export const MAX_COLUMNS = 8;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface TablesInput {
  config: EditionConfig;
  index: FigureIndex;
  freeText: FreeTextGroup[];
  /** Each kept response's time (milliseconds), for the responses per week. */
  times: ArrayLike<number>;
  respondents: number;
}

export function surveyTables(input: TablesInput): SurveyTables {
  const { config } = input;
  const groups = segmentGroups(config);
  return {
    survey: config.edition.survey,
    groups,
    respondents: input.respondents,
    questions: config.questions
      .filter((q) => !q.private)
      .map((q) => questionTables(q, input, groups)),
    ...(isWeighted(input.index) && { weighted: true }),
  };
}

/** The edition's figures are weighted: its estimates say so. */
function isWeighted(index: FigureIndex): boolean {
  return index.figures.some((f) => (f.kind === 'share' || f.kind === 'mean') && f.weighted);
}

function questionTables(
  q: Question,
  input: TablesInput,
  groups: SurveyTables['groups'],
): QuestionTables {
  const { index, config } = input;
  const rows = rowsOf(q);
  const tab = (title: string, segments: string[]) => crossTab(title, segments, q, rows, input);
  const closed = rows.length > 0;
  const asked = q.appliesTo ? config.segments.find((s) => s.id === q.appliesTo) : undefined;
  return {
    id: q.id,
    header: q.header,
    label: q.label ?? q.header,
    type: q.type,
    ...(asked && { askedOf: asked.label }),
    topline: tab(publication.segments.all.label, []),
    missing: closed ? countOf(index, figureId.missing(q.id, ALL_SEGMENT)) : 0,
    multiple: q.type === 'multiple',
    crossTabs: closed
      ? groups
          .filter((g) => !g.questions.includes(q.id))
          .flatMap((g) =>
            splitGroup(g.segments).map((part, i, parts) => ({
              ...tab(g.title, part),
              ...(parts.length > 1 && { part: { index: i + 1, of: parts.length } }),
            })),
          )
      : [],
    ...(q.type === 'text' && { freeText: freeTextOf(q, input.freeText) }),
    ...(q.type === 'timestamp' && { perWeek: perWeek(input.times, config.edition.timezone) }),
  };
}

/** The rows a question's tables have: its answers (and « Autre »), a scale's notes and its mean. */
function rowsOf(q: Question): { code: string; label: string }[] {
  if (q.type === 'scale') {
    const notes = Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i));
    return [
      ...notes.map((n) => ({ code: n, label: n })),
      { code: 'mean', label: publication.tables.mean },
    ];
  }
  if (q.type === 'timestamp' || q.type === 'text') return [];
  return answerCodes(q).map((code) => ({
    code,
    label:
      code === OTHER_CODE
        ? publication.answers.other
        : (q.options.find((o) => o.code === code)?.label ?? code),
  }));
}

/** A group's segments in tables of at most MAX_COLUMNS. */
function splitGroup(segments: string[]): string[][] {
  const parts = Math.ceil(segments.length / MAX_COLUMNS);
  const size = Math.ceil(segments.length / parts);
  return Array.from({ length: parts }, (_, i) => segments.slice(i * size, (i + 1) * size));
}

function crossTab(
  title: string,
  segments: string[],
  q: Question,
  rows: { code: string; label: string }[],
  { index, config }: TablesInput,
): CrossTab {
  const ids = [ALL_SEGMENT, ...segments];
  const columns = lettered(
    ids.map((segment) => {
      const s = config.segments.find((x) => x.id === segment);
      const base = countOf(index, figureId.answered(q.id, segment));
      return {
        segment,
        // The group's title says what they share: « Profession × Utilisation », then « Radiologues ».
        label: s ? (s.short ?? s.label) : publication.segments.all.short,
        letter: '',
        base,
        small: base < SMALL_BASE,
      };
    }),
  );
  const tableRows: Row[] = rows.map((r) => {
    const cells = columns.map((c) => cellOf(index, idOf(q.id, r.code, c.segment)));
    return { ...r, cells: withLetters(cells, columns, index) };
  });
  return { title, columns, rows: tableRows };
}

function idOf(question: string, code: string, segment: string): string {
  return code === 'mean'
    ? figureId.mean(question, segment)
    : figureId.share(question, code, segment);
}

/** Letters for the columns that may be compared: every one but the whole and the small ones. */
function lettered(columns: Column[]): Column[] {
  let next = 0;
  return columns.map((c, i) =>
    i === 0 || c.small ? c : { ...c, letter: LETTERS[next++ % LETTERS.length] as string },
  );
}

function cellOf(index: FigureIndex, id: string): Cell {
  const f = index.find(id);
  if (!f || (f.kind !== 'share' && f.kind !== 'mean'))
    return { figure: id, value: null, base: 0, ci: null, letters: '' };
  return {
    figure: id,
    value: f.value,
    ...(f.kind === 'share' && { count: f.count }),
    base: f.base,
    ci: f.ci,
    letters: '',
  };
}

/** Each lettered cell with the letters of the lettered columns it is above, beyond the interval. */
function withLetters(cells: Cell[], columns: Column[], index: FigureIndex): Cell[] {
  return cells.map((cell, i) => {
    const mine = columns[i] as Column;
    if (!mine.letter || cell.value === null) return cell;
    const above = columns.flatMap((other, j) => {
      const theirs = cells[j] as Cell;
      if (j === i || !other.letter || theirs.value === null) return [];
      return isAboveOf(index, cell.figure, theirs.figure) ? [other.letter] : [];
    });
    return { ...cell, letters: above.join('') };
  });
}

function isAboveOf(index: FigureIndex, a: string, b: string): boolean {
  try {
    return isAhead(index.compare(a, b));
  } catch (e) {
    // Groups that only partly overlap have no interval: no letter, as no claim.
    if (e instanceof FigureProblem) return false;
    throw e;
  }
}

function countOf(index: FigureIndex, id: string): number {
  const f = index.find(id);
  return f?.kind === 'count' && typeof f.value === 'number' ? f.value : 0;
}

function freeTextOf(q: Question, groups: FreeTextGroup[]): QuestionTables['freeText'] {
  const items = groups
    .filter((g) => g.question.id === q.id && g.kind === 'comment')
    .flatMap((g) => g.items.map((i) => ({ text: i.text, count: i.count })));
  return { answers: items.reduce((n, i) => n + i.count, 0), items };
}

/** Responses per week, each week named by its Monday in the edition's time zone. */
export function perWeek(
  times: ArrayLike<number>,
  timeZone: string,
): { week: string; count: number }[] {
  // ingest's localDate asks Intl once per quarter of an hour, not once per response.
  const dayOf = (t: number) => Date.parse(`${localDate(t, timeZone)}T00:00:00Z`) / DAY;
  const days = new Map<number, number>();
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (Number.isNaN(t)) continue;
    const d = dayOf(t);
    days.set(d, (days.get(d) ?? 0) + 1);
  }
  const weeks = new Map<string, number>();
  for (const [d, count] of days) {
    // 1970-01-01, day 0, was a Thursday: back to the Monday of its week.
    const monday = d - ((((d + 3) % 7) + 7) % 7);
    const week = new Date(monday * DAY).toISOString().slice(0, 10);
    weeks.set(week, (weeks.get(week) ?? 0) + count);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, count]) => ({ week, count }));
}

const DAY = 86_400_000;
