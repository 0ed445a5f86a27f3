/**
 * An export's bytes -> its records, streamed: the header first, then each
 * row with its line number, handed over as csv-parse reads them, so no copy
 * of the file is ever held whole.
 *
 * Exports arrive as Google's UTF-8 (with or without BOM) or re-saved by
 * Excel in Windows-1252, separated by "," (Google) or ";" (French Excel).
 * The bytes are checked as UTF-8 as they come; if they turn out not to be,
 * the file is read again as Windows-1252 (the caller's sink starts afresh).
 * Likewise a hand-edited file with spaces around quoted cells ("a" , "b")
 * is read again with csv-parse trimming them, which costs a tenth of the
 * parse on every other file. Anything with NUL bytes is not a text export.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { CsvError, Parser } from 'csv-parse';
import { InputError } from '../errors.js';
import { ingest as say, tasks } from '../messages/index.js';

type Encoding = 'utf-8' | 'windows-1252';

/** Receives the records of one reading of the export. */
export interface RecordSink {
  header(cells: string[]): void;
  /** `line`: 1-based line of the file where the record ends (its start for one-line records). */
  row(cells: string[], line: number): void;
}

/** How one reading goes: a file that does not fit them is read again with the next. */
interface Reading {
  encoding: Encoding;
  /** Trim spaces around cells outside quotes. */
  trim: boolean;
}

/** Thrown when the bytes do not fit the reading: read again with these changes. */
class ReadAgain {
  constructor(readonly change: Partial<Reading>) {}
}

/** The export's bytes, from the start, each time it is called: a file streamed, or bytes in memory. */
export type ExportBytes = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** A file's bytes; `file` lets a reader that wants them in its own buffer read the file itself. */
export const fileBytes = (file: string): ExportBytes & { file: string } =>
  Object.assign(() => createReadStream(file, { highWaterMark: 1 << 20 }), { file });

/** Reads the export into a sink, a fresh one for each reading until one fits the bytes. */
export async function readExport(
  bytes: ExportBytes,
  file: string,
  sink: () => RecordSink,
): Promise<void> {
  let reading: Reading = { encoding: 'utf-8', trim: false };
  // Loaded only here: the byte scanner reads most exports, and csv-parse only those it declines.
  const csv = await import('csv-parse');
  for (;;) {
    try {
      const reader = new ExportReader(file, reading, sink(), csv);
      for await (const chunk of bytes()) reader.feed(chunk);
      reader.end();
      return;
    } catch (e) {
      if (!(e instanceof ReadAgain)) throw e;
      reading = { ...reading, ...e.change };
    }
  }
}

/**
 * The push-style core under csv-parse's stream (`parser.api`, untyped but the
 * same since csv-parse 5; the version is pinned in package.json): records
 * reach the sink as they are read, with `parser.info.lines` current, and
 * nothing queues up behind a stream. Its `info` and `on_record` options
 * would cost a third of the parse time in objects made per record.
 */
interface PushParser {
  api: {
    parse(
      chunk: Buffer | undefined,
      end: boolean,
      push: (record: string[]) => void,
      close: () => void,
    ): Error | undefined;
  };
}

type CsvParse = typeof import('csv-parse');

/** One reading of the export; `feed` and `end` throw ReadAgain when the bytes do not fit it. */
class ExportReader {
  private parser: Parser | undefined;
  /** The bytes of a UTF-8 character cut by the end of the last chunk. */
  private pending = Buffer.alloc(0);
  private readonly windows1252 = new TextDecoder('windows-1252');
  private sawText = false;
  private sawHeader = false;
  private readonly push = (record: string[]) => {
    if (this.sawHeader) this.sink.row(record, (this.parser as Parser).info.lines);
    else {
      this.sawHeader = true;
      this.sink.header(record);
    }
  };

  constructor(
    private readonly file: string,
    private readonly reading: Reading,
    private readonly sink: RecordSink,
    private readonly csv: CsvParse,
  ) {}

  feed(chunk: Uint8Array): void {
    if (chunk.includes(0)) {
      throw problem(this.file, say.binary());
    }
    this.sawText ||= !isBlank(chunk);
    let text: Buffer;
    if (this.reading.encoding === 'utf-8') {
      const bytes =
        this.pending.length > 0
          ? Buffer.concat([this.pending, chunk])
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const whole = wholeCharacters(bytes);
      text = bytes.subarray(0, whole);
      if (!isUtf8(text)) throw new ReadAgain({ encoding: 'windows-1252' });
      this.pending = Buffer.from(bytes.subarray(whole));
    } else {
      text = Buffer.from(this.windows1252.decode(chunk, { stream: true }), 'utf8');
    }
    this.parse(text, false);
  }

  end(): void {
    if (this.pending.length > 0) throw new ReadAgain({ encoding: 'windows-1252' });
    if (!this.sawText) {
      throw problem(this.file, say.empty());
    }
    this.parse(undefined, true);
    if (!this.sawHeader) {
      throw problem(this.file, say.noRows());
    }
  }

  private parse(text: Buffer | undefined, end: boolean): void {
    if (!this.parser) {
      if (!text) return;
      this.parser = new this.csv.Parser({
        delimiter: detectDelimiter(text.toString('utf8', 0, 1 << 16)),
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: this.reading.trim,
      });
    }
    const error = (this.parser as unknown as PushParser).api.parse(text, end, this.push, () => {});
    if (!error) return;
    if (!(error instanceof this.csv.CsvError)) throw error;
    // A quote after spaces, or spaces after a closing quote: perhaps only spaces around a quoted cell.
    if (!this.reading.trim && QUOTE_ERRORS.has(error.code)) throw new ReadAgain({ trim: true });
    throw csvProblem(error, this.file);
  }
}

const QUOTE_ERRORS = new Set(['CSV_INVALID_OPENING_QUOTE', 'CSV_INVALID_CLOSING_QUOTE']);

/** The separator is whichever of "," and ";" occurs more often outside quotes in the header line. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** How many bytes make whole UTF-8 characters: a character cut by the chunk's end waits for the next. */
function wholeCharacters(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const byte = bytes[n - back] as number;
    if ((byte & 0xc0) !== 0x80) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return length > back ? n - back : n;
    }
  }
  return n;
}

function isBlank(bytes: Uint8Array): boolean {
  return bytes.every(
    (b) =>
      b === 0x20 ||
      b === 0x09 ||
      b === 0x0a ||
      b === 0x0d ||
      b === 0xef ||
      b === 0xbb ||
      b === 0xbf,
  );
}

function problem(
  file: string,
  words: { expected: string; found: string; fix: string },
  line?: number,
): InputError {
  return new InputError(tasks.readResponses, [{ file, line, ...words }]);
}

function csvProblem(e: CsvError, file: string): InputError {
  const line = (e as CsvError & { lines?: number }).lines;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return problem(file, say.quoteNotClosed(line), line);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return problem(file, say.strayQuote(), line);
    default:
      return problem(file, say.badCsv(e.message.split('\n')[0] as string), line);
  }
}
