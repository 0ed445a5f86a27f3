/**
 * The export read at the speed of its bytes: records scanned in place in a
 * buffer the file is read into (csv-scan.ts), each handed over as where its
 * fields lie, so a cell becomes an option code without ever being a string.
 * The bytes are checked as UTF-8 a buffer at a time (natively), before any
 * record in them is handed over.
 *
 * Whatever the scanner does not read exactly as csv-parse would (a file in
 * Windows-1252, a stray quote, a lone CR, NUL bytes, spaces around a quoted
 * cell, a file without records) makes it decline: `scanExport` then returns
 * false, having handed over nothing the caller keeps, and the caller reads
 * the export with csv-parse (read-export.ts), which reads such files or
 * says what is wrong with them.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import { ingest as say, tasks } from '../messages/index.js';
import {
  DECLINE,
  Fields,
  fieldText,
  forgetView,
  type LineEnding,
  lineEndingOf,
  scanRecord,
} from './csv-scan.js';
import { detectDelimiter, type ExportBytes } from './read-export.js';

/** Receives the records of the export, as the scanner found them. */
export interface FieldSink {
  header(cells: string[]): void;
  /** `line`: as RecordSink's (the line where the record ends). `fields` is reused: read it now. */
  record(b: Uint8Array, fields: Fields, line: number): void;
}

/** The export's bytes, read into the scanner's buffer. */
export interface ByteSource {
  /** Fills `into` from `at` with the export's next bytes; 0 at its end (or the end of the part read). */
  read(into: Uint8Array, at: number): Promise<number>;
  close(): Promise<void>;
  /** The file the bytes are, when they are read from one as they are (its text can be read back later). */
  file?: string;
  /**
   * For a part of a file that ends before the file does: goes on past that
   * end, to the file's (the part's last record runs past it); false when
   * there is nothing past it.
   */
  readOn?(): boolean;
}

/** A file is read straight into the scanner's buffer; other sources' chunks are copied into it. */
export function byteSource(bytes: ExportBytes): ByteSource {
  const file = (bytes as { file?: string }).file;
  return file === undefined ? chunkSource(bytes) : fileSource(file);
}

/** The file's bytes from `from` to `to` (by default, all of them). */
export function fileSource(file: string, from = 0, to = Number.POSITIVE_INFINITY): ByteSource {
  let fd = -1;
  let position = from;
  let end = to;
  return {
    file,
    // Read synchronously: the scan waits for the bytes either way, and a million rows
    // read through the thread pool spent a tenth of their time idle between reads.
    async read(into, at) {
      if (fd < 0) fd = openSync(file, 'r');
      const length = Math.min(into.length - at, end - position);
      if (length <= 0) return 0;
      const read = readSync(fd, into, at, length, position);
      position += read;
      return read;
    },
    close: async () => {
      if (fd >= 0) closeSync(fd);
      fd = -1;
    },
    readOn() {
      if (end === Number.POSITIVE_INFINITY) return false;
      end = Number.POSITIVE_INFINITY;
      return true;
    },
  };
}

function chunkSource(bytes: ExportBytes): ByteSource {
  const chunks = bytes();
  const iterator =
    Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  let chunk: Uint8Array = new Uint8Array(0);
  let offset = 0;
  return {
    async read(into, at) {
      while (offset === chunk.length) {
        const next = await iterator.next();
        if (next.done) return 0;
        chunk = next.value;
        offset = 0;
      }
      const n = Math.min(chunk.length - offset, into.length - at);
      into.set(chunk.subarray(offset, offset + n), at);
      offset += n;
      return n;
    },
    close: async () => {
      await iterator.return?.();
    },
  };
}

/** A first buffer holds many records; it doubles for a record longer than it. */
const FIRST_BUFFER = 4 << 20;
/** No record is longer than this: a file with one is not an export (a 2 GB cell would not fit in memory). */
export const LONGEST_RECORD = 256 << 20;

const BOM = [0xef, 0xbb, 0xbf];
const BLANKS = [0x20, 0x09, 0x0a, 0x0d, ...BOM];

/** How a file's records are written: found from its header, given to the reader of a later part. */
export interface Layout {
  delimiter: number;
  ending: LineEnding;
}

/** Reads the export into the sink; false when the scanner declines it (nothing handed over is to be kept). */
export async function scanExport(
  source: ByteSource,
  file: string,
  sink: FieldSink,
): Promise<boolean> {
  try {
    return await scanRecords(new Scan(source, file), sink, true);
  } finally {
    await source.close();
    forgetView();
  }
}

/**
 * Reads the records of a part of the export that starts at `from`, where a
 * record starts: no header, and line numbers counted from that record's
 * line as 1. False when the scanner declines it.
 */
export async function scanPart(
  source: ByteSource,
  file: string,
  sink: FieldSink,
  layout: Layout,
  from: number,
): Promise<boolean> {
  try {
    return await scanRecords(new Scan(source, file, layout, from), sink, false);
  } finally {
    await source.close();
    forgetView();
  }
}

/** What the scan of the first part found where the part ends. */
export interface PartEnd {
  /** Line breaks before the part's end (the next part's line 1 is the line after them). */
  breaks: number;
  /** The last record ran past the part's end, so the rest of the file was read too. */
  readOn: boolean;
}

/** `scanExport` of a first part (a source with an end): also says where the part ended. */
export async function scanFirstPart(
  source: ByteSource,
  file: string,
  sink: FieldSink,
): Promise<PartEnd | null> {
  const scan = new Scan(source, file);
  try {
    return (await scanRecords(scan, sink, true))
      ? { breaks: scan.breaks, readOn: scan.readOn }
      : null;
  } finally {
    await source.close();
    forgetView();
  }
}

async function scanRecords(scan: Scan, sink: FieldSink, withHeader: boolean): Promise<boolean> {
  if (!(await scan.start())) return false;
  const fields = new Fields();
  fields.file = scan.file;
  let sawHeader = !withHeader;
  for (;;) {
    // Records already in the buffer are scanned without awaiting: a million awaits would cost more than the scan.
    let next = scan.next(fields);
    while (next === MORE) next = (await scan.more()) ? scan.next(fields) : 'declined';
    fields.offset = scan.offset;
    // A file of blanks is "empty" to csv-parse's reader, which says so.
    if (next === 'end') return sawHeader && (scan.sawText || !withHeader);
    if (next === 'declined') return false;
    if (fields.isEmptyLine()) continue;
    if (sawHeader) sink.record(scan.bytes, fields, next);
    else {
      sawHeader = true;
      sink.header(
        Array.from({ length: fields.count }, (_, k) =>
          fieldText(scan.bytes, fields, k, new TextDecoder()),
        ),
      );
    }
  }
}

/** The next record is not all in the buffer: read more of the file. */
const MORE = 'more';

/** The buffer the export is read into, and where the scanner stands in it. */
class Scan {
  bytes = new Uint8Array(FIRST_BUFFER);
  private length = 0;
  private pos = 0;
  private final = false;
  /** Bytes before this are checked UTF-8 without NUL. */
  private checked = 0;
  /** Some byte read so far is not a blank (space, tab, line ending, BOM). */
  sawText = false;
  /** Line breaks before the record at `pos`. */
  breaks = 0;
  /** The part's last record ran past its end: the source read on to the file's end. */
  readOn = false;
  private delimiter = 0x2c;
  private ending: LineEnding = 'lf';

  constructor(
    private readonly source: ByteSource,
    private readonly name: string,
    /** How the records are written, when the header is not in the bytes (a later part of the file). */
    private readonly layout?: Layout,
    /** Where the buffer starts in the export. */
    public offset = 0,
  ) {}

  get file(): string | undefined {
    return this.source.file;
  }

  /** Reads the header line in (or the first record of a later part); false when the file is not one the scanner reads. */
  async start(): Promise<boolean> {
    if (this.layout) {
      this.delimiter = this.layout.delimiter;
      this.ending = this.layout.ending;
      return true;
    }
    let ending: ReturnType<typeof lineEndingOf> = null;
    while (!this.final) {
      if (!(await this.more())) return false;
      ending = lineEndingOf(this.bytes, 0, this.length);
      if (ending !== null) break;
    }
    if (ending === 'cr') return false;
    this.ending = ending ?? 'lf';
    if (BOM.every((byte, k) => this.bytes[k] === byte)) this.pos = 3;
    const head = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + (1 << 16)));
    this.delimiter = detectDelimiter(head).charCodeAt(0);
    return true;
  }

  /** How this file's records are written, for the reader of a later part. */
  get layoutFound(): Layout {
    return { delimiter: this.delimiter, ending: this.ending };
  }

  /** Scans the next record into `fields`: its line, the end of the file, MORE (bytes to read first) or declined. */
  next(fields: Fields): number | 'end' | 'declined' | typeof MORE {
    if (this.final && this.pos === this.length) return 'end';
    const end = scanRecord(
      this.bytes,
      this.pos,
      this.checked,
      this.delimiter,
      this.ending,
      this.final && this.checked === this.length,
      fields,
    );
    if (end === DECLINE) return 'declined';
    if (end >= 0) {
      const line = this.breaks + fields.innerBreaks + 1;
      this.breaks += fields.innerBreaks + (this.bytes[end - 1] === 0x0a ? 1 : 0);
      this.pos = end;
      return line;
    }
    return this.final && this.checked === this.length ? 'declined' : MORE;
  }

  /** Reads more of the file behind what is left to scan; false when the new bytes are not UTF-8 text. */
  async more(): Promise<boolean> {
    if (this.pos > 0) {
      this.offset += this.pos;
      this.bytes.copyWithin(0, this.pos, this.length);
      this.length -= this.pos;
      this.checked -= this.pos;
      this.pos = 0;
    }
    if (this.length === this.bytes.length) this.enlarge();
    let n = await this.source.read(this.bytes, this.length);
    // The end of a part with a record begun: that record runs past it, so read on to the file's end.
    if (n === 0 && this.length > 0 && this.source.readOn?.()) {
      this.readOn = true;
      n = await this.source.read(this.bytes, this.length);
    }
    if (n === 0) this.final = true;
    this.length += n;
    // Up to the last line feed: an LF is never inside a UTF-8 character, so the check never cuts one.
    const upTo = this.final ? this.length : this.bytes.lastIndexOf(0x0a, this.length - 1) + 1;
    if (upTo <= this.checked) return true;
    const fresh = this.bytes.subarray(this.checked, upTo);
    // Buffer's indexOf looks for the NUL byte natively (memchr), many times quicker than includes.
    if (!isUtf8(fresh) || Buffer.from(fresh.buffer, fresh.byteOffset, fresh.length).indexOf(0) >= 0)
      return false;
    this.sawText ||= fresh.some((byte) => !BLANKS.includes(byte));
    this.checked = upTo;
    return true;
  }

  private enlarge(): void {
    if (this.bytes.length >= LONGEST_RECORD) {
      throw new InputError(tasks.readResponses, [
        { file: this.name, ...say.recordTooLong(LONGEST_RECORD >> 20) },
      ]);
    }
    const bytes = new Uint8Array(this.bytes.length * 2);
    bytes.set(this.bytes.subarray(0, this.length));
    this.bytes = bytes;
  }
}
