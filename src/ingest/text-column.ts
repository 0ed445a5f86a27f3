/**
 * Free text, where it already is. A comment scanned from the export file
 * stays in the file: the column keeps where its bytes lie, their length and
 * a hash, and reads them again when an output prints them. A million
 * comments would otherwise take a hundred megabytes that counting never
 * looks at (it only asks whether a response typed something, and, to find
 * duplicates, whether two typed the same). Text that is not a file's bytes
 * as they are (read by csv-parse, trimmed, holding doubled quotes) is kept
 * as UTF-8 in memory, in parts of a few megabytes.
 *
 * Reading a comment again checks that the file has not changed since it
 * was scanned (its size and time of change), so a new export dropped in
 * while a build runs is an error, never someone else's words.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Question } from '../edition/schema.js';
import { InputError } from '../errors.js';
import { ingest as say, tasks } from '../messages/index.js';
import { hashBytes } from './byte-memo.js';
import { type CellFailure, type ColumnBase, type ColumnPart, grown, utf8 } from './column-base.js';
import { ESCAPED, type Fields, fieldText } from './csv-scan.js';

type TextQuestion = Extract<Question, { type: 'text' }>;

/** The export file text is read back from, as it was when scanned. */
interface ExportFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export class TextColumn implements ColumnBase<TextQuestion> {
  readonly kind = 'text';
  /** Where each answer's bytes start: in the export file when `inFile[i]`, else across the parts in memory. */
  starts: Float64Array;
  /** Their length; 0: no answer (answers are trimmed, so never empty). */
  lengths: Uint32Array;
  /** A hash of each answer's bytes (FNV-1a), to find possible duplicates without reading them. */
  hashes: Int32Array;
  inFile: Uint8Array;
  private file: ExportFile | undefined;
  private parts: TextPart[] = [];
  private readonly encoder = new TextEncoder();

  /** The bytes of the word the form writes for no answer, if any. */
  private readonly noAnswerBytes: Uint8Array | undefined;

  constructor(
    readonly question: TextQuestion,
    capacity: number,
    /** A word the form writes for no answer (Microsoft's « anonymous »): read as none. */
    private readonly noAnswer?: string,
  ) {
    this.noAnswerBytes = noAnswer === undefined ? undefined : this.encoder.encode(noAnswer);
    this.starts = new Float64Array(capacity);
    this.lengths = new Uint32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.inFile = new Uint8Array(capacity);
  }

  /** Response `i` typed something. */
  answered(i: number): boolean {
    return this.lengths[i] !== 0;
  }

  /** Response `i`'s answer; "" when it gave none. */
  text(i: number): string {
    return utf8.decode(this.bytesOf(i));
  }

  /** Every answer given, in response order, the file read through once. */
  forEachText(each: (text: string, i: number) => void, count: number): void {
    const reader = new FileWindow(this.file);
    try {
      for (let i = 0; i < count; i++) {
        const length = this.lengths[i] as number;
        if (length === 0) continue;
        const bytes = this.inFile[i]
          ? reader.bytes(this.starts[i] as number, length)
          : this.inMemory(i);
        each(utf8.decode(bytes), i);
      }
    } finally {
      reader.close();
    }
  }

  /** Responses `i` and `j` typed the same (or both nothing). */
  same(i: number, j: number): boolean {
    if (this.lengths[i] !== this.lengths[j] || this.hashes[i] !== this.hashes[j]) return false;
    if (this.lengths[i] === 0) return true;
    const a = this.bytesOf(i);
    const b = this.bytesOf(j);
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
    return true;
  }

  write(i: number, raw: string): CellFailure | null {
    const text = raw.trim();
    if (text === '' || text === this.noAnswer) return this.clear(i);
    const part = this.room(text.length * 3);
    const at = part.used;
    const { written } = this.encoder.encodeInto(text, part.bytes.subarray(at));
    this.starts[i] = part.base + at;
    this.lengths[i] = written;
    this.hashes[i] = hashBytes(part.bytes, at, at + written);
    this.inFile[i] = 0;
    part.used += written;
    return null;
  }

  /** A file's bytes that need no trimming and hold no doubled quote stay where they are. */
  writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null {
    const start = fields.starts[k] as number;
    const end = fields.ends[k] as number;
    if (start === end || this.isNoAnswer(b, start, end)) return this.clear(i);
    if (
      fields.file === undefined ||
      (fields.flags[k] as number) & ESCAPED ||
      !isPlainEdge(b[start] as number) ||
      !isPlainEdge(b[end - 1] as number)
    )
      return this.write(i, fieldText(b, fields, k, utf8));
    this.file ??= exportFile(fields.file);
    this.starts[i] = fields.offset + start;
    this.lengths[i] = end - start;
    this.hashes[i] = hashBytes(b, start, end);
    this.inFile[i] = 1;
    return null;
  }

  clear(i: number): null {
    this.lengths[i] = 0;
    return null;
  }

  private isNoAnswer(b: Uint8Array, start: number, end: number): boolean {
    const word = this.noAnswerBytes;
    if (word === undefined || end - start !== word.length) return false;
    for (let k = 0; k < word.length; k++) if (b[start + k] !== word[k]) return false;
    return true;
  }

  move(from: number, to: number): void {
    this.starts[to] = this.starts[from] as number;
    this.lengths[to] = this.lengths[from] as number;
    this.hashes[to] = this.hashes[from] as number;
    this.inFile[to] = this.inFile[from] as number;
  }

  grow(capacity: number): void {
    this.starts = grown(this.starts, capacity);
    this.lengths = grown(this.lengths, capacity);
    this.hashes = grown(this.hashes, capacity);
    this.inFile = grown(this.inFile, capacity);
  }

  finish(count: number): void {
    this.starts = this.starts.subarray(0, count);
    this.lengths = this.lengths.subarray(0, count);
    this.hashes = this.hashes.subarray(0, count);
    this.inFile = this.inFile.subarray(0, count);
  }

  part(count: number): ColumnPart {
    return {
      kind: 'text',
      starts: this.starts.subarray(0, count),
      lengths: this.lengths.subarray(0, count),
      hashes: this.hashes.subarray(0, count),
      inFile: this.inFile.subarray(0, count),
      parts: this.parts,
      file: this.file,
    };
  }

  append(count: number, part: ColumnPart, added: number): void {
    if (part.kind !== 'text') return;
    this.grow(count + added);
    const last = this.parts.at(-1);
    const base = last ? last.base + last.bytes.length : 0;
    this.parts.push(...part.parts.map((p) => ({ ...p, base: p.base + base })));
    this.file ??= part.file;
    for (let i = 0; i < added; i++) {
      const k = count + i;
      this.inFile[k] = part.inFile[i] as number;
      this.starts[k] = (part.starts[i] as number) + (part.inFile[i] ? 0 : base);
      this.lengths[k] = part.lengths[i] as number;
      this.hashes[k] = part.hashes[i] as number;
    }
  }

  /** Bytes of text held in memory. */
  get byteLength(): number {
    return this.parts.reduce((n, p) => n + p.bytes.length, 0);
  }

  private bytesOf(i: number): Uint8Array {
    const length = this.lengths[i] as number;
    if (length === 0) return NO_BYTES;
    if (!this.inFile[i]) return this.inMemory(i);
    const reader = new FileWindow(this.file);
    try {
      return reader.bytes(this.starts[i] as number, length).slice();
    } finally {
      reader.close();
    }
  }

  private inMemory(i: number): Uint8Array {
    const start = this.starts[i] as number;
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.parts[mid] as TextPart).base <= start) lo = mid;
      else hi = mid - 1;
    }
    const part = this.parts[lo] as TextPart;
    return part.bytes.subarray(start - part.base, start - part.base + (this.lengths[i] as number));
  }

  /** The part with room for `length` more bytes: the last one, or a new one. */
  private room(length: number): TextPart {
    const last = this.parts.at(-1);
    if (last && last.used + length <= last.bytes.length) return last;
    const base = last ? last.base + last.bytes.length : 0;
    const part = { base, bytes: new Uint8Array(Math.max(TEXT_PART_BYTES, length)), used: 0 };
    this.parts.push(part);
    return part;
  }
}

interface TextPart {
  /** Where the part starts, counted across the parts. */
  base: number;
  bytes: Uint8Array;
  used: number;
}

const TEXT_PART_BYTES = 1 << 20;
const NO_BYTES = new Uint8Array(0);

/** An ASCII byte that `trim` leaves: a cell starting and ending with such bytes needs no trimming. */
function isPlainEdge(byte: number): boolean {
  return byte > 0x20 && byte < 0x80;
}

function exportFile(path: string): ExportFile {
  const { size, mtimeMs } = statSync(path);
  return { path, size, mtimeMs };
}

/** The export file read a window at a time, for answers asked for in file order. */
class FileWindow {
  private fd = -1;
  private window = new Uint8Array(WINDOW_BYTES);
  private from = 0;
  private to = 0;

  constructor(private readonly file: ExportFile | undefined) {}

  bytes(start: number, length: number): Uint8Array {
    if (start < this.from || start + length > this.to) this.load(start, length);
    return this.window.subarray(start - this.from, start - this.from + length);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private load(start: number, length: number): void {
    const file = this.file as ExportFile;
    if (this.fd < 0) {
      this.fd = openSync(file.path, 'r');
      const now = fstatSync(this.fd);
      if (now.size !== file.size || now.mtimeMs !== file.mtimeMs) {
        throw new InputError(tasks.readResponses, [{ file: file.path, ...say.changedWhileRead() }]);
      }
    }
    if (length > this.window.length) this.window = new Uint8Array(length);
    const read = readSync(this.fd, this.window, 0, this.window.length, start);
    this.from = start;
    this.to = start + read;
  }
}

const WINDOW_BYTES = 1 << 20;
