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
 * (its reader's per-part methods), so cells' values are exceljs's. Each
 * part's bytes are checked against the CRC-32 and size the directory gives
 * them, which unzipper does not: a damaged part that still inflates is said,
 * not read as other answers.
 */
import { close, createReadStream, fstat, open, type ReadStream, read } from 'node:fs';
import { createRequire } from 'node:module';
import { pipeline, type Readable, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { crc32 } from '../crc32.js';

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
  files: ZipPart[];
}

interface ZipPart {
  path: string;
  /** The CRC-32 and size of its bytes once inflated, as the directory gives them. */
  crc32: number;
  uncompressedSize: number;
  stream(): Readable;
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

/** What makes a workbook unreadable that is no fault of its zip: a part it needs is not there. */
export class MissingPart extends Error {}

/** A part whose bytes are not those its zip's directory says it holds. */
export class DamagedPart extends Error {}

/**
 * Opens the workbook and reads its own parts (relations, sheet list, shared
 * strings, styles). Every part is read through one file handle, which
 * `close` lets go of, with whatever part is still being read, however the
 * reading ended. `tailSize`: how far from the file's end its zip's end
 * record starts (further than unzipper looks by default when the zip has a
 * comment).
 */
export async function openWorkbook(
  file: string,
  tailSize: number,
): Promise<OpenedWorkbook & { close(): Promise<void> }> {
  const require = createRequire(import.meta.url);
  const { Open } = require('unzipper') as {
    Open: { custom(source: FileSource, options: { tailSize: number }): Promise<ZipDirectory> };
  };
  const { default: ExcelJS } = await import('exceljs');
  const source = new FileSource(await promisify(open)(file, 'r'));
  try {
    const directory = await source.failing(Open.custom(source, { tailSize }));
    const parts = new Map(directory.files.map((f) => [f.path, f]));
    const part = (name: string) => {
      const found = parts.get(name);
      if (!found) return undefined;
      const entry = found.stream();
      source.feeds(entry);
      return checked(entry, found);
    };
    const reader = await readOwnParts(
      new ExcelJS.stream.xlsx.WorkbookReader(file, READER_OPTIONS) as unknown as PartReader,
      part,
    );
    const sheets = reader.model?.sheets ?? [];
    return {
      sheets: sheets.map((s) => s.name),
      close: () => source.close(),
      async *rows(name) {
        const sheet = sheets.find((s) => s.name === name);
        const target = reader.workbookRels?.find((r) => r.Id === sheet?.rId)?.Target;
        if (target === undefined) throw new MissingPart(`no relation for the sheet "${name}"`);
        const path = partPath(target);
        const entry = part(path);
        if (entry === undefined) throw new MissingPart(`${path} is missing`);
        for (const { value: worksheet } of reader._parseWorksheet(entry, sheetNumber(path)))
          yield* worksheet;
        await toItsEnd(entry);
      },
    };
  } catch (e) {
    await source.close();
    throw e;
  }
}

/** A part's bytes as they come, checked at their end against its CRC-32 and size in the directory. */
function checked(entry: Readable, part: ZipPart): Readable {
  let crc = 0;
  let size = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      done(
        crc === part.crc32 >>> 0 && size === part.uncompressedSize
          ? null
          : new DamagedPart(`${part.path}: its bytes do not match the zip's checksum`),
      );
    },
  });
  // Either failing fails both; every error of the part's stream is taken, however many it says.
  return pipeline(entry, check, () => {});
}

/**
 * A part read to its end, so that its check is made: exceljs stops pulling
 * a part once its XML's root element is closed.
 */
async function toItsEnd(part: Readable): Promise<void> {
  part.resume();
  await finished(part);
}

/** The workbook's own parts, parsed by exceljs: its sheet list is required, the rest read when there. */
async function readOwnParts(
  reader: PartReader,
  part: (name: string) => Readable | undefined,
): Promise<PartReader> {
  // Each part parsed, then read to its end for its check; false when the zip does not have it.
  const read = async (name: string, parse: (entry: Readable) => Promise<unknown>) => {
    const entry = part(name);
    if (entry) {
      await parse(entry);
      await toItsEnd(entry);
    }
    return entry !== undefined;
  };
  await read('xl/_rels/workbook.xml.rels', (e) => reader._parseRels(e));
  if (!(await read('xl/workbook.xml', (e) => reader._parseWorkbook(e))))
    throw new MissingPart('xl/workbook.xml is missing');
  await read('xl/sharedStrings.xml', async (e) => {
    for await (const _ of reader._parseSharedStrings(e));
  });
  await read('xl/styles.xml', (e) => reader._parseStyles(e));
  return reader;
}

/**
 * The file as unzipper reads it: byte ranges, each a stream of its own,
 * all through one handle. A range that fails to read fails the part it
 * feeds (or the reading of the zip's directory), never the process.
 */
class FileSource {
  private readonly streams = new Set<ReadStream>();
  /** The range stream made last: unzipper makes one per part, as the part is opened. */
  private latest: ReadStream | undefined;
  private readonly fed = new Map<ReadStream, Readable>();
  private fail: (e: Error) => void = () => {};
  private readonly failed = new Promise<never>((_, reject) => {
    this.fail = reject;
  });

  /** `fd`: the file, opened once; a number, as ranges read it at their own positions. */
  constructor(private readonly fd: number) {
    this.failed.catch(() => {});
  }

  size = async (): Promise<number> => (await promisify(fstat)(this.fd)).size;

  stream = (offset: number, length?: number): ReadStream => {
    // Reads at its own positions, so ranges share the file; closed with it, not by itself.
    const stream = createReadStream('', {
      fd: this.fd,
      // A range that ends (unzipper destroys it) must not close the file the others read.
      fs: { read, close: (_: number, done: (e: null) => void) => done(null) },
      start: offset,
      ...(length !== undefined && { end: offset + length }),
      autoClose: false,
    });
    this.streams.add(stream);
    stream.once('close', () => this.streams.delete(stream));
    stream.once('error', (e) => {
      const part = this.fed.get(stream);
      if (part) part.destroy(e);
      else this.fail(e);
    });
    this.latest = stream;
    return stream;
  };

  /** `part` was just opened: the range stream made for it feeds it. */
  feeds(part: Readable): void {
    if (this.latest) this.fed.set(this.latest, part);
  }

  /** `work`, or the failure of a range read meanwhile that feeds no part. */
  failing<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.failed]);
  }

  /** Lets go of every range still open, and of the file. */
  async close(): Promise<void> {
    for (const stream of this.streams) stream.destroy();
    await promisify(close)(this.fd);
  }
}

/** A relation's target as a path in the zip: relative to xl/, or from the root when it starts with "/". */
export function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** exceljs names a sheet's reader by the number in its part's name (xl/worksheets/sheet2.xml -> 2). */
function sheetNumber(path: string): string {
  return /(\d+)\.xml$/.exec(path)?.[1] ?? '1';
}
