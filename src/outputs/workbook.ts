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
import ExcelJS from 'exceljs';
import { publication } from '../publication/index.js';
import type { Cell, Column, CrossTab, QuestionTables, SurveyTables } from '../tables/model.js';

type Sheet = ExcelJS.Worksheet;

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
/** Printed from a spreadsheet: A4 landscape, as wide as the page. */
const PRINTED: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};
const METHOD_WIDTH = 100;
/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;
const DOS_EPOCH = '1980-01-01';

export async function surveyWorkbook(
  tables: SurveyTables,
  method: WorkbookMethod,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const date = new Date(`${method.date ?? DOS_EPOCH}T00:00:00Z`);
  workbook.creator = tables.survey;
  workbook.title = method.title;
  workbook.created = date;
  workbook.modified = date;
  methodSheet(workbook, tables, method);
  const names = sheetNames(
    tables.questions.map((q) => q.id),
    [words().methodSheet],
  );
  tables.questions.forEach((q, i) => {
    questionSheet(workbook.addWorksheet(names[i] as string, { pageSetup: PRINTED }), q);
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return stampZip(bytes, date);
}

/** The first sheet: the method's title and lines, then the legend. */
function methodSheet(workbook: ExcelJS.Workbook, tables: SurveyTables, method: WorkbookMethod) {
  const sheet = workbook.addWorksheet(words().methodSheet, { pageSetup: PRINTED });
  sheet.getColumn(1).width = METHOD_WIDTH;
  const wrapped = (text: string) => wrap(sheet.addRow([text]), text, METHOD_WIDTH);
  heading(sheet, method.title, 14);
  for (const line of method.lines) wrapped(line);
  // The legend once, should the method's lines already hold some of it.
  const legend = words()
    .legend(tables.survey, tables.respondents, method.date, tables.weighted)
    .filter((line) => !method.lines.includes(line));
  if (legend.length === 0) return;
  sheet.addRow([]);
  heading(sheet, words().legendTitle, 12);
  for (const line of legend) wrapped(line);
}

/**
 * Column A's text wrapped, and its row made tall enough for it: LibreOffice
 * keeps a row's default height whatever it holds.
 */
function wrap(row: ExcelJS.Row, text: string, width: number): void {
  row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  const lines = Math.ceil(text.length / width);
  if (lines > 1) row.height = LINE_HEIGHT * lines;
}

function heading(sheet: Sheet, text: string, size: number): void {
  sheet.addRow([text]).getCell(1).font = { bold: true, size };
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
function questionSheet(sheet: Sheet, q: QuestionTables): void {
  questionHeading(sheet, q);
  const frozen: number[] = [];
  const blocks = [q.topline, ...q.crossTabs].filter((t) => t.rows.length > 0);
  if (blocks.length > 0) {
    frozen.push(blockHeader(sheet, Math.max(...blocks.map((b) => b.columns.length))));
    for (const block of blocks) crossTab(sheet, block);
  }
  if (q.perWeek && q.perWeek.length > 0) frozen.push(perWeek(sheet, q.perWeek));
  if (q.freeText && q.freeText.items.length > 0) frozen.push(freeText(sheet, q.freeText));
  if (frozen.length === 0) sheet.addRow([words().noAnswer]).getCell(1).font = { italic: true };
  const top = frozen[0];
  sheet.views = [
    top === undefined ? { state: 'normal' } : { state: 'frozen', xSplit: 1, ySplit: top },
  ];
  widths(sheet, q);
}

/** The question's label, its wording as asked, whom it was asked, how many gave no answer. */
function questionHeading(sheet: Sheet, q: QuestionTables): void {
  heading(sheet, q.label, 13);
  sheet.addRow([words().asked(q.header)]);
  if (q.askedOf) sheet.addRow([words().askedOf(q.askedOf)]);
  if (q.multiple) sheet.addRow([words().multiple]);
  if (q.freeText) sheet.addRow([words().answers, q.freeText.answers]);
  sheet.addRow([words().missing, q.missing]);
  sheet.addRow([]);
}

/** The row naming the sub-columns of every block below it: the one frozen. Returns its number. */
function blockHeader(sheet: Sheet, columns: number): number {
  const w = words();
  const sub = [w.share, w.count, w.base, w.low, w.high, w.letters];
  const row = sheet.addRow([w.answer, ...Array.from({ length: columns }, () => sub).flat()]);
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.getCell(1).alignment = { horizontal: 'left' };
  row.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  return row.number;
}

/** One block: its title, the columns' headers (merged over their sub-columns), a row per answer. */
function crossTab(sheet: Sheet, tab: CrossTab): void {
  sheet.addRow([]);
  const title = tab.part ? words().part(tab.title, tab.part.index, tab.part.of) : tab.title;
  heading(sheet, title, 11);
  const header = sheet.addRow([]);
  tab.columns.forEach((column, i) => {
    const first = 2 + i * PER_COLUMN;
    header.getCell(first).value = columnHeader(column);
    sheet.mergeCells(header.number, first, header.number, first + PER_COLUMN - 1);
  });
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', wrapText: true };
  for (const row of tab.rows) {
    const line = sheet.addRow([row.label, ...row.cells.flatMap(cellValues)]);
    wrap(line, row.label, ANSWER_WIDTH.max);
    const format = row.code === 'mean' ? DECIMAL : PERCENT;
    row.cells.forEach((_, i) => {
      for (const offset of [0, 3, 4]) line.getCell(2 + i * PER_COLUMN + offset).numFmt = format;
      line.getCell(2 + i * PER_COLUMN + 5).alignment = { horizontal: 'center' };
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
  const header = sheet.addRow([w.week, w.responses]);
  header.font = { bold: true };
  for (const { week, count } of weeks) {
    sheet.addRow([new Date(`${week}T00:00:00Z`), count]).getCell(1).numFmt = DAY;
  }
  sheet.addRow([]);
  return header.number;
}

/** A free-text question's answers, every one, most frequent first. Returns the header row. */
function freeText(sheet: Sheet, text: NonNullable<QuestionTables['freeText']>): number {
  const w = words();
  const header = sheet.addRow([w.answer, w.count]);
  header.font = { bold: true };
  for (const item of text.items)
    wrap(sheet.addRow([item.text, item.count]), item.text, ANSWER_WIDTH.max);
  return header.number;
}

/** Column A as wide as the longest answer (within bounds), the sub-columns narrow. */
function widths(sheet: Sheet, q: QuestionTables): void {
  const labels = [
    ...[q.topline, ...q.crossTabs].flatMap((t) => t.rows.map((r) => r.label)),
    ...(q.freeText?.items.map((i) => i.text) ?? []),
    words().answer,
  ];
  const longest = Math.max(...labels.map((l) => l.length)) + 2;
  sheet.getColumn(1).width = Math.min(ANSWER_WIDTH.max, Math.max(ANSWER_WIDTH.min, longest));
  if (q.freeText) sheet.getColumn(2).width = 10;
  const columns = Math.max(0, ...[q.topline, ...q.crossTabs].map((t) => t.columns.length));
  for (let i = 0; i < columns * PER_COLUMN; i += 1) {
    sheet.getColumn(2 + i).width = SUB_WIDTHS[i % PER_COLUMN];
  }
}

/**
 * Every entry of the zip dated `date` (its local header and its central
 * directory record), so the same tables make the same bytes: the zip
 * library dates them now. MS-DOS time is local time with no zone: the
 * date's calendar day, at midnight.
 */
function stampZip(zip: Buffer, date: Date): Buffer {
  const dos =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return zip;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) break;
    zip.writeUInt16LE(0, at + 12);
    zip.writeUInt16LE(dos, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) === 0x04034b50) {
      zip.writeUInt16LE(0, local + 10);
      zip.writeUInt16LE(dos, local + 12);
    }
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
