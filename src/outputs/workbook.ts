/**
 * The survey's tables as a workbook (tableaux.xlsx), for the editors and the
 * partners who ask for "all the results": a first sheet with the method and
 * the legend, then one sheet per question, named by its id, in the
 * codebook's order. It lays out the tables model (tables/model.ts) and
 * decides nothing: every figure, base, interval and letter comes from it.
 *
 * Numbers are numbers: shares and their intervals with a percent format,
 * means with one decimal, counts and bases as integers, weeks as dates; the
 * letters in a column of their own. Every cross-tab is a block of the same
 * shape (the answers in column A, then six columns per column of the
 * cross-tab), so one frozen header row names the columns of every block.
 *
 * The bytes are the same for the same tables: the workbook's dates and
 * those of the zip's entries are the tables' date (or 1980-01-01).
 */
import { publication } from '../publication/index.js';
import type { Cell, Column, CrossTab, QuestionTables, SurveyTables } from '../tables/model.js';
import { type CellStyle, type CellValue, type XlsxRow, type XlsxSheet, xlsxBytes } from './xlsx.js';

/**
 * What the first sheet says before the legend (which the workbook adds:
 * publication.surveyTables.legend): the methodology's title and facts.
 */
export interface WorkbookMethod {
  title: string;
  lines: string[];
  /** The tables' date (YYYY-MM-DD): said under the source, and the file's own dates. */
  date?: string;
}

const words = () => publication.surveyTables;

/** Number formats: Excel's built-in ones, which every reader knows. */
const PERCENT = '0%';
const DECIMAL = '0.0';
const DAY = 'dd/mm/yyyy';

/** The sub-columns under each column of a cross-tab. */
const PER_COLUMN = 6;
const ANSWER_WIDTH = { min: 24, max: 60 };
const SUB_WIDTHS = [8, 9, 8, 11, 11, 8];
const METHOD_WIDTH = 100;
/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;
const DOS_EPOCH = '1980-01-01';

export async function surveyWorkbook(
  tables: SurveyTables,
  method: WorkbookMethod,
): Promise<Buffer> {
  const names = sheetNames(
    tables.questions.map((q) => q.id),
    [words().methodSheet],
  );
  const bytes = xlsxBytes({
    title: method.title,
    creator: tables.survey,
    date: new Date(`${method.date ?? DOS_EPOCH}T00:00:00Z`),
    sheets: [
      methodSheet(tables, method),
      ...tables.questions.map((q, i) => questionSheet(names[i] as string, q)),
    ],
  });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A sheet as it is laid out, a row after another. */
class Sheet implements XlsxSheet {
  readonly rows: XlsxRow[] = [];
  readonly widths: (number | undefined)[] = [];
  readonly merges: XlsxSheet['merges'] = [];
  frozen?: XlsxSheet['frozen'];

  constructor(readonly name: string) {}

  /** A row of values from column A, every cell in `style`; returns it (its number: `rows.length`). */
  add(values: CellValue[], style?: CellStyle): XlsxRow {
    const row: XlsxRow = { cells: values.map((value) => ({ value, ...(style && { style }) })) };
    this.rows.push(row);
    return row;
  }
}

/** A cell's style changed: `change` added to what it has (the cell made, empty, if it was not there). */
function restyle(row: XlsxRow, column: number, change: CellStyle): void {
  const cell = row.cells[column] ?? { value: null };
  row.cells[column] = { ...cell, style: { ...cell.style, ...change } };
}

/** The first sheet: the method's title and lines, then the legend. */
function methodSheet(tables: SurveyTables, method: WorkbookMethod): Sheet {
  const sheet = new Sheet(words().methodSheet);
  sheet.widths[0] = METHOD_WIDTH;
  const wrapped = (text: string) => wrap(sheet.add([text]), text, METHOD_WIDTH);
  heading(sheet, method.title, 14);
  for (const line of method.lines) wrapped(line);
  // The legend once, should the method's lines already hold some of it.
  const legend = words()
    .legend(tables.survey, tables.respondents, method.date, tables.weighted)
    .filter((line) => !method.lines.includes(line));
  if (legend.length === 0) return sheet;
  sheet.add([]);
  heading(sheet, words().legendTitle, 12);
  for (const line of legend) wrapped(line);
  return sheet;
}

/**
 * Column A's text wrapped, and its row made tall enough for it: LibreOffice
 * keeps a row's default height whatever it holds.
 */
function wrap(row: XlsxRow, text: string, width: number): void {
  restyle(row, 0, { wrap: true, vertical: 'top' });
  const lines = Math.ceil(text.length / width);
  if (lines > 1) row.height = LINE_HEIGHT * lines;
}

function heading(sheet: Sheet, text: string, size: number): void {
  sheet.add([text], { bold: true, size });
}

/**
 * Names Excel accepts for the questions' sheets: their ids without the
 * characters it forbids, 31 characters at most, unique whatever the case
 * (and unlike the reserved ones), a "~2" before the end where two would meet.
 */
export function sheetNames(ids: string[], reserved: string[] = []): string[] {
  const taken = new Set(['history', ...reserved.map((n) => n.toLocaleLowerCase('fr'))]);
  return ids.map((id) => {
    const base =
      id
        .replace(/[[\]:*?/\\]/g, '_')
        .replace(/^'+|'+$/g, '')
        .slice(0, 31) || 'question';
    let name = base;
    for (let n = 2; taken.has(name.toLocaleLowerCase('fr')); n += 1) {
      const suffix = `~${n}`;
      name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    }
    taken.add(name.toLocaleLowerCase('fr'));
    return name;
  });
}

/** A question's sheet: its heading, its blocks (topline, then cross-tabs), its weeks, its free text. */
function questionSheet(name: string, q: QuestionTables): Sheet {
  const sheet = new Sheet(name);
  questionHeading(sheet, q);
  const frozen: number[] = [];
  const blocks = [q.topline, ...q.crossTabs].filter((t) => t.rows.length > 0);
  if (blocks.length > 0) {
    frozen.push(blockHeader(sheet, Math.max(...blocks.map((b) => b.columns.length))));
    for (const block of blocks) crossTab(sheet, block);
  }
  if (q.perWeek && q.perWeek.length > 0) frozen.push(perWeek(sheet, q.perWeek));
  if (q.freeText && q.freeText.items.length > 0) frozen.push(freeText(sheet, q.freeText));
  if (frozen.length === 0) sheet.add([words().noAnswer], { italic: true });
  const top = frozen[0];
  if (top !== undefined) sheet.frozen = { columns: 1, rows: top };
  widths(sheet, q);
  return sheet;
}

/** The question's label, its wording as asked, whom it was asked, how many gave no answer. */
function questionHeading(sheet: Sheet, q: QuestionTables): void {
  heading(sheet, q.label, 13);
  sheet.add([words().asked(q.header)]);
  if (q.askedOf) sheet.add([words().askedOf(q.askedOf)]);
  if (q.multiple) sheet.add([words().multiple]);
  if (q.freeText) sheet.add([words().answers, q.freeText.answers]);
  sheet.add([words().missing, q.missing]);
  sheet.add([]);
}

/** The row naming the sub-columns of every block below it: the one frozen. Returns its number. */
function blockHeader(sheet: Sheet, columns: number): number {
  const w = words();
  const sub = [w.share, w.count, w.base, w.low, w.high, w.letters];
  const row = sheet.add([w.answer, ...Array.from({ length: columns }, () => sub).flat()], {
    bold: true,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
    bottomBorder: true,
  });
  row.cells[0] = { value: w.answer, style: { bold: true, horizontal: 'left', bottomBorder: true } };
  return sheet.rows.length;
}

/** One block: its title, the columns' headers (merged over their sub-columns), a row per answer. */
function crossTab(sheet: Sheet, tab: CrossTab): void {
  sheet.add([]);
  const title = tab.part ? words().part(tab.title, tab.part.index, tab.part.of) : tab.title;
  heading(sheet, title, 11);
  const header = sheet.add([]);
  const row = sheet.rows.length - 1;
  tab.columns.forEach((column, i) => {
    const first = 1 + i * PER_COLUMN;
    header.cells[first] = {
      value: columnHeader(column),
      style: { bold: true, horizontal: 'center', wrap: true },
    };
    sheet.merges.push({ row, from: first, to: first + PER_COLUMN - 1 });
  });
  for (const row of tab.rows) {
    const line = sheet.add([row.label, ...row.cells.flatMap(cellValues)]);
    wrap(line, row.label, ANSWER_WIDTH.max);
    const numFmt = row.code === 'mean' ? DECIMAL : PERCENT;
    row.cells.forEach((_, i) => {
      for (const offset of [0, 3, 4]) restyle(line, 1 + i * PER_COLUMN + offset, { numFmt });
      restyle(line, 1 + i * PER_COLUMN + 5, { horizontal: 'center' });
    });
  }
}

function columnHeader(column: Column): string {
  return words().column(column.label, column.letter, column.small);
}

/** A cell's six values: share or mean, count, base, interval low and high, letters. */
function cellValues(cell: Cell): (number | string | null)[] {
  const known = cell.value !== null;
  return [
    cell.value,
    known ? (cell.count ?? null) : null,
    cell.base,
    cell.ci ? cell.ci[0] : null,
    cell.ci ? cell.ci[1] : null,
    cell.letters === '' ? null : cell.letters,
  ];
}

/** A timestamp question's responses per week: the Monday as a date, the count. Returns the header row. */
function perWeek(sheet: Sheet, weeks: { week: string; count: number }[]): number {
  const w = words();
  heading(sheet, w.perWeek, 11);
  sheet.add([w.week, w.responses], { bold: true });
  const header = sheet.rows.length;
  for (const { week, count } of weeks) {
    restyle(sheet.add([new Date(`${week}T00:00:00Z`), count]), 0, { numFmt: DAY });
  }
  sheet.add([]);
  return header;
}

/** A free-text question's answers, every one, most frequent first. Returns the header row. */
function freeText(sheet: Sheet, text: NonNullable<QuestionTables['freeText']>): number {
  const w = words();
  sheet.add([w.answer, w.count], { bold: true });
  const header = sheet.rows.length;
  for (const item of text.items)
    wrap(sheet.add([item.text, item.count]), item.text, ANSWER_WIDTH.max);
  return header;
}

/** Column A as wide as the longest answer (within bounds), the sub-columns narrow. */
function widths(sheet: Sheet, q: QuestionTables): void {
  const labels = [
    ...[q.topline, ...q.crossTabs].flatMap((t) => t.rows.map((r) => r.label)),
    ...(q.freeText?.items.map((i) => i.text) ?? []),
    words().answer,
  ];
  // A loop, not Math.max(...labels): a free-text question may have a million different answers.
  const longest = labels.reduce((most, l) => Math.max(most, l.length), 0) + 2;
  sheet.widths[0] = Math.min(ANSWER_WIDTH.max, Math.max(ANSWER_WIDTH.min, longest));
  if (q.freeText) sheet.widths[1] = 10;
  const columns = Math.max(0, ...[q.topline, ...q.crossTabs].map((t) => t.columns.length));
  for (let i = 0; i < columns * PER_COLUMN; i += 1) {
    sheet.widths[1 + i] = SUB_WIDTHS[i % PER_COLUMN];
  }
}
