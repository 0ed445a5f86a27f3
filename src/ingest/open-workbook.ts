/**
 * A workbook (.xlsx) opened through its zip's central directory: its sheets'
 * names, then the rows of one sheet, streamed.
 *
 * Why not exceljs's streaming WorkbookReader as it comes: it reads the zip
 * in one pass and pauses between entries, and the unzipper under it says
 * the file has ended while entries are still queued, which are then dropped
 * (exceljs#3064, unzipper#234). Which ones depends on timing: most often
 * xl/workbook.xml, which Excel and exceljs store last, so the read fails on
 * « reading 'sheets' », or the shared strings, so text cells would come out
 * empty. Read by name from the central directory, every part is there, the
 * workbook's own parts before any sheet, and a sheet stored before the
 * shared strings needs no temporary file. exceljs still parses each part
 * (its reader's per-part methods), so cells' values are exceljs's.
 */
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

/** What exceljs's row gives: its number in the sheet and its cells. */
export interface SheetRow {
  number: number;
  cellCount: number;
  getCell(column: number): { value: unknown; numFmt?: string };
}

export interface OpenedWorkbook {
  /** The sheets' names, in the workbook's order. */
  readonly sheets: readonly string[];
  /** The named sheet's rows, read from the file as they are asked for. */
  rows(sheet: string): AsyncIterable<SheetRow>;
}

/** The parts of a zip by their paths (unzipper's central directory, typed as far as used here). */
interface ZipDirectory {
  files: { path: string; stream(): Readable }[];
}

/** The per-part methods of exceljs's WorkbookReader (4.4), fed each part's stream. */
interface PartReader {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    entry: AsyncIterable<unknown>,
    sheetNo: string,
  ): Iterable<{ value: AsyncIterable<SheetRow> }>;
}

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  // Styles tell a date cell from a number.
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

/** Opens the workbook and reads its own parts (relations, sheet list, shared strings, styles). */
export async function openWorkbook(file: string): Promise<OpenedWorkbook> {
  const require = createRequire(import.meta.url);
  const { Open } = require('unzipper') as { Open: { file(path: string): Promise<ZipDirectory> } };
  const { default: ExcelJS } = await import('exceljs');
  const directory = await Open.file(file);
  const parts = new Map(directory.files.map((f) => [f.path, f]));
  const part = (name: string) => parts.get(name)?.stream();
  // The file is opened by the parts above only: the reader is never started.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    file,
    READER_OPTIONS,
  ) as unknown as PartReader;
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const book = part('xl/workbook.xml');
  if (book) await reader._parseWorkbook(book);
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);

  const sheets = reader.model?.sheets ?? [];
  return {
    sheets: sheets.map((s) => s.name),
    async *rows(name) {
      const sheet = sheets.find((s) => s.name === name);
      const target = reader.workbookRels?.find((r) => r.Id === sheet?.rId)?.Target;
      const path = target === undefined ? undefined : partPath(target);
      const entry = path === undefined ? undefined : part(path);
      if (path === undefined || entry === undefined) return;
      for (const { value: worksheet } of reader._parseWorksheet(entry, sheetNumber(path)))
        yield* worksheet;
    },
  };
}

/** A relation's target as a path in the zip: relative to xl/, or from the root when it starts with "/". */
export function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** exceljs names a sheet's reader by the number in its part's name (xl/worksheets/sheet2.xml -> 2). */
function sheetNumber(path: string): string {
  return /(\d+)\.xml$/.exec(path)?.[1] ?? '1';
}
