/**
 * A workbook export (.xlsx) -> the same records as a CSV export: the header
 * row, then each row with its row number in the sheet, fed to the same
 * RecordSink as read-export.ts feeds, so every check, exclusion and figure
 * downstream is the CSV's. Google Sheets' download of a form's responses and
 * Microsoft Forms' export are workbooks; the columns read a Microsoft
 * export's cells as it writes them (response-reader.ts, form-columns.ts).
 *
 * Each cell becomes the text a CSV of the sheet would hold: a number as
 * written, a date cell as Google Sheets writes it (23/04/2024 09:15:32, read
 * in the edition's time zone), a formula as its last result, rich text as
 * its text. Empty rows are not records.
 *
 * exceljs is loaded here only, when a workbook is read (a CSV never loads
 * it), and reads the one sheet wanted (open-workbook.ts). A file that is not
 * a whole zip is turned away before it is opened, with what it is instead.
 */
import { Buffer } from 'node:buffer';
import { type FileHandle, open } from 'node:fs/promises';
import { InputError, type Problem } from '../errors.js';
import { ingest as say, tasks } from '../messages/index.js';
import { MissingPart, openWorkbook, type SheetRow } from './open-workbook.js';
import type { RecordSink } from './read-export.js';
import { sheetsText } from './timestamp.js';

/** A workbook by its name; anything else is read as CSV. */
export function isWorkbook(file: string): boolean {
  return /\.xlsx$/i.test(file);
}

export interface WorkbookOptions {
  /** The sheet holding the responses; the first sheet when not given. */
  sheet?: string | undefined;
  /** Read the first sheet when the workbook has none named `sheet` (init, with last year's setting). */
  orFirst?: boolean;
}

/** The most problems of its own the reader lists (the sink lists its own). */
const MOST_PROBLEMS = 100;

/**
 * Reads the sheet into the sink, then returns what `finish` makes of it (told
 * the sheet's name); every problem, the sink's and `finish`'s included, is
 * placed in the sheet.
 */
export async function readWorkbook<T>(
  file: string,
  options: WorkbookOptions,
  sink: RecordSink,
  finish: (sheet: string) => T,
): Promise<T> {
  const tailSize = await checkContainer(file);
  const rows = new SheetRows(file, sink);
  const { sheet, sheets } = await readSheets(file, tailSize, options, rows);
  if (sheet === undefined) {
    const missing = options.sheet !== undefined && sheets.length > 0;
    throw new InputError(tasks.readResponses, [
      { file, ...(missing ? say.sheetMissing(options.sheet as string, sheets) : say.noSheet()) },
    ]);
  }
  let result: T;
  try {
    rows.end();
    result = finish(sheet);
  } catch (e) {
    throw rows.placed(e, sheet);
  }
  if (rows.hasProblems()) throw rows.placed(new InputError(tasks.readResponses, []), sheet);
  return result;
}

/**
 * Feeds the wanted sheet's rows to `rows`, up to the first that fails it
 * (a problem the sink cannot list and go on), then lets go of the file.
 * Returns the sheet read, if any, and the workbook's sheets.
 */
async function readSheets(
  file: string,
  tailSize: number,
  { sheet: named, orFirst = false }: WorkbookOptions,
  rows: SheetRows,
): Promise<{ sheet?: string; sheets: readonly string[] }> {
  const corrupt = (e: unknown) =>
    new InputError(tasks.readResponses, [{ file, ...say.workbookCorrupt(reason(e)) }]);
  let book: Awaited<ReturnType<typeof openWorkbook>> | undefined;
  let failure: unknown;
  try {
    book = await openWorkbook(file, tailSize);
    const { sheets } = book;
    const sheet = named !== undefined && !(orFirst && !sheets.includes(named)) ? named : sheets[0];
    if (sheet === undefined || !sheets.includes(sheet)) return { sheets };
    for await (const row of book.rows(sheet)) {
      try {
        rows.add(row);
      } catch (e) {
        failure = e instanceof MissingPart ? corrupt(e) : rows.placed(e, sheet);
        break;
      }
    }
    if (failure === undefined) return { sheet, sheets };
  } catch (e) {
    throw corrupt(e);
  } finally {
    await book?.close();
  }
  throw failure;
}

/** The sheet's rows as records: the first that holds anything is the header. */
class SheetRows {
  private headerRow = 0;
  private width = 0;
  private readonly problems: Problem[] = [];
  private omitted = 0;

  constructor(
    private readonly file: string,
    private readonly sink: RecordSink,
  ) {}

  add(row: SheetRow): void {
    const cells = rowTexts(row);
    if (cells.length === 0) return;
    if (this.headerRow === 0) {
      this.headerRow = row.number;
      this.width = cells.length;
      this.sink.header(cells);
      return;
    }
    if (cells.length > this.width) {
      this.problem(row.number, columnName(cells.length));
      cells.length = this.width;
    }
    while (cells.length < this.width) cells.push('');
    this.sink.row(cells, row.number);
  }

  /** After the last row: a sheet with no header is empty. */
  end(): void {
    if (this.headerRow === 0)
      throw new InputError(tasks.readResponses, [{ file: this.file, ...say.emptySheet() }]);
  }

  hasProblems(): boolean {
    return this.problems.length > 0;
  }

  /**
   * A failure while reading the sheet, placed in it: with the reader's own
   * problems, in row order, each of the workbook's problems given the sheet's
   * name, and the header's own row for what the sink says of line 1 (a CSV's
   * header line).
   */
  placed(e: unknown, sheet: string): unknown {
    if (!(e instanceof InputError)) return e;
    const problems = [...e.problems, ...this.problems]
      .map((p) =>
        p.file !== this.file
          ? p
          : { ...p, sheet, ...(p.line === 1 && { line: Math.max(1, this.headerRow) }) },
      )
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return new InputError(e.task, problems, { omitted: e.omitted + this.omitted, cause: e.cause });
  }

  private problem(line: number, column: string): void {
    if (this.problems.length < MOST_PROBLEMS)
      this.problems.push({ file: this.file, line, ...say.beyondHeader(column) });
    else this.omitted++;
  }
}

/** A row's cells as text, without the empty ones that end it: no cells for an empty row. */
function rowTexts(row: SheetRow): string[] {
  const cells: string[] = [];
  let last = 0;
  for (let c = 1; c <= row.cellCount; c++) {
    const cell = row.getCell(c);
    const text = cellText(cell.value, cell.numFmt);
    cells.push(text);
    if (text.trim() !== '') last = c;
  }
  cells.length = last;
  return cells;
}

/** exceljs's value of a cell -> the text a CSV of the sheet would hold. */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return sheetsText(value, showsTime(numFmt));
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return v.richText.map((run: { text?: string }) => run.text ?? '').join('');
    // A formula (shared or not): its result when the file was saved.
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, numFmt);
    if ('error' in v) return String(v.error);
    // A cell pointing into shared strings the workbook does not have.
    if ('sharedString' in v) throw new MissingPart('xl/sharedStrings.xml is missing');
    if ('text' in v) return cellText(v.text, numFmt);
  }
  return String(value);
}

/** A date cell shows its time unless its format has no hours or seconds (text in quotes aside). */
function showsTime(numFmt: string | undefined): boolean {
  return numFmt === undefined || /[hs]/i.test(numFmt.replace(/"[^"]*"/g, ''));
}

/** Column 28 -> "AB", as the spreadsheet names it. */
export function columnName(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The zip's closing record is in its last 22 bytes, or up to a comment of 64 KiB before them. */
const ZIP_TAIL = 22 + 0xffff;
/** Microsoft's compound file: a workbook saved with a password (or an old .xls). */
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an encrypted Office file keeps the workbook in, named in UTF-16. */
const ENCRYPTED = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * The file is a whole zip, or an InputError says what it is instead.
 * Returns how far from the file's end the zip's end record starts.
 */
async function checkContainer(file: string): Promise<number> {
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    const head = await bytesAt(handle, 0, Math.min(size, 512));
    const refuse = (words: { expected: string; found: string; fix: string }) =>
      new InputError(tasks.readResponses, [{ file, ...words }]);
    if (size === 0) throw refuse(say.notWorkbook('empty'));
    if (startsWith(head, COMPOUND))
      throw refuse((await holds(handle, ENCRYPTED)) ? say.workbookEncrypted() : say.workbookOld());
    if (!startsWith(head, ZIP)) throw refuse(say.notWorkbook(isText(head) ? 'text' : 'other'));
    const tail = await bytesAt(handle, Math.max(0, size - ZIP_TAIL), Math.min(size, ZIP_TAIL));
    const end = tail.lastIndexOf(ZIP_END);
    if (end < 0) throw refuse(say.workbookTruncated());
    return tail.length - end;
  } finally {
    await handle.close();
  }
}

async function bytesAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The file holds these bytes somewhere (read a mebibyte at a time, each overlapping the last). */
async function holds(handle: FileHandle, bytes: Buffer): Promise<boolean> {
  const step = 1 << 20;
  for (let position = 0; ; position += step) {
    const chunk = await bytesAt(handle, position, step + bytes.length);
    if (chunk.includes(bytes)) return true;
    if (chunk.length < step + bytes.length) return false;
  }
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Tabs, line ends and printable characters only: a text file (a CSV named .xlsx). */
function isText(bytes: Buffer): boolean {
  return bytes.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20);
}

/** What exceljs or its unzipper said, on one line. */
function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] as string;
}
