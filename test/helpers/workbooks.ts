/**
 * The 2024 answers saved as the workbooks editors get, written with exceljs
 * from the committed CSV (no binary checked in): Google Sheets' download of
 * the form's responses, and Microsoft Forms' export of the same answers
 * (its own columns first, multiple answers joined with ";", times as serial
 * numbers), with the edition config that reads the latter.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { parseEditionConfig } from '../../src/edition/parse-config.js';
import type { EditionConfig } from '../../src/edition/schema.js';
import { choicePieces } from '../../src/ingest/cells.js';
import { parseTimestamp, sheetsText } from '../../src/ingest/timestamp.js';

export const CSV_2024 = 'data/2024/responses.csv';
export const CONFIG_2024 = 'data/2024/edition.yaml';

/** Microsoft Forms' own columns, in French, as its export opens. */
export const MICROSOFT_COLUMNS_FR = [
  'ID',
  'Heure de début',
  'Heure de fin',
  'Adresse de messagerie',
  'Nom',
];
export const MICROSOFT_COLUMNS_EN = ['ID', 'Start time', 'Completion time', 'Email', 'Name'];

export interface Answers {
  config: EditionConfig;
  header: string[];
  rows: string[][];
}

export async function answers2024(): Promise<Answers> {
  const config = parseEditionConfig(
    await readFile(CONFIG_2024, 'utf8'),
    'edition.yaml',
    CHART_KINDS,
  );
  const [header, ...rows] = parse(await readFile(CSV_2024), { bom: true }) as string[][];
  return { config, header: header as string[], rows };
}

/** A response's time as a wall clock of Paris, kept in a Date's UTC fields (how exceljs takes a date). */
function wallClock(text: string, timeZone: string): Date {
  const t = parseTimestamp(text, timeZone);
  if (!t) throw new Error(`not a timestamp: ${text}`);
  return new Date(t.epochMs + t.offsetMinutes * 60_000);
}

/** Days since 30 December 1899, the time as the fraction: a spreadsheet's serial date. */
const serial = (wall: Date) => wall.getTime() / 86_400_000 + 25_569;

/** A cell as a spreadsheet keeps it: a score as a number, a blank as no cell. */
function value(config: EditionConfig, header: string, cell: string): string | number | null {
  if (cell === '') return null;
  const q = config.questions.find((x) => x.header === header);
  return q?.type === 'scale' ? Number(cell) : cell;
}

export async function bytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Google Sheets' download: the linked sheet, « Horodateur » as date cells,
 * the rest as the CSV has it; after `before`, sheets an editor added first.
 */
export async function googleSheetsWorkbook(
  { config, header, rows }: Answers,
  before: string[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const name of before) workbook.addWorksheet(name).addRow([name, 12]);
  const sheet = workbook.addWorksheet('Réponses au formulaire 1');
  sheet.addRow(header);
  for (const row of rows) {
    const [time, ...rest] = row;
    sheet.addRow([
      wallClock(time as string, config.edition.timezone),
      ...rest.map((c, i) => value(config, header[i + 1] as string, c)),
    ]);
  }
  sheet.getColumn(1).numFmt = 'dd/mm/yyyy hh:mm:ss';
  return bytes(workbook);
}

/**
 * Microsoft Forms' export: ID, start and completion times (serial numbers,
 * the start a few minutes before), e-mail « anonymous », no name, then the
 * questions, checked boxes joined with ";" after each.
 */
export async function microsoftFormsWorkbook(
  answers: Answers,
  own = MICROSOFT_COLUMNS_FR,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([...own, ...answers.header.slice(1)]);
  for (const { id, start, end, cells } of microsoftResponses(answers))
    sheet.addRow([id, serial(start), serial(end), 'anonymous', null, ...cells]);
  return bytes(workbook);
}

/**
 * The same export opened in Excel and saved as CSV: the times as Excel shows
 * them (23/04/2024 09:15:32), every cell quoted, fields separated by `sep`
 * (« CSV UTF-8 »: ","; French Excel's « CSV (point-virgule) »: ";").
 */
export function microsoftFormsCsv(
  answers: Answers,
  sep: ',' | ';',
  own = MICROSOFT_COLUMNS_FR,
): string {
  const quote = (cell: unknown) => `"${String(cell ?? '').replaceAll('"', '""')}"`;
  const lines = [[...own, ...answers.header.slice(1)].map(quote).join(sep)];
  for (const { id, start, end, cells } of microsoftResponses(answers)) {
    const row = [id, sheetsText(start), sheetsText(end), 'anonymous', null, ...cells];
    lines.push(row.map(quote).join(sep));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Each 2024 response as Microsoft Forms records it: its ID, start and
 * completion times (wall clocks, the start a few minutes before), and the
 * questions' cells, checked boxes joined with ";" after each.
 */
function microsoftResponses({ config, header, rows }: Answers) {
  return rows.map((row, i) => {
    const [time, ...rest] = row;
    const end = wallClock(time as string, config.edition.timezone);
    const start = new Date(end.getTime() - (3 + (i % 7)) * 60_000);
    const cells = rest.map((c, k) => microsoftCell(config, header[k + 1] as string, c));
    return { id: i + 1, start, end, cells };
  });
}

function microsoftCell(config: EditionConfig, header: string, cell: string) {
  const q = config.questions.find((x) => x.header === header);
  if (q?.type !== 'multiple' || cell === '') return value(config, header, cell);
  return `${choicePieces(q, cell, ', ')
    .map((p) => `${p.text};`)
    .join('')}`;
}

/** The 2024 config reading Microsoft Forms' export of the same answers: what `init` makes of it. */
export function microsoftFormsConfig(yaml: string, own = MICROSOFT_COLUMNS_FR): string {
  const [, start, end, email, name] = own as [string, string, string, string, string];
  const replaced = yaml
    .replace('file: responses.csv', `file: responses.xlsx\n  metadata: ["ID", "${start}"]`)
    .replace('header: "Horodateur"', `header: "${end}"`)
    .replace(
      'questions:\n',
      `questions:\n  - { id: email, header: "${email}", type: text, private: true }\n  - { id: nom, header: "${name}", type: text, private: true }\n`,
    );
  if (!replaced.includes(`header: "${end}"`)) throw new Error('the 2024 config has changed');
  return replaced;
}
