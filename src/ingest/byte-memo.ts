import { utf8 } from './column-base.js';
import { type Fields, fieldText, viewOf } from './csv-scan.js';

/**
 * What a column has already read, keyed on a cell's bytes: the few distinct
 * cells an export repeats (option labels, scores) are decoded and read once,
 * and every later cell is found in an open-addressing table by a hash of its
 * length and a few of its bytes, then compared with the stored key byte for
 * byte. No string is made for a cell seen before, and each byte is read once.
 */
/** How many distinct cells of one column are remembered: enough for any list of options, not for free text. */
const MEMO_LIMIT = 4096;
/** Longer cells are not remembered (labels are short; a long cell is typed text, seldom repeated). */
const LONGEST_KEY = 512;

/** What a column has read, by a cell's text (csv-parse, a workbook) or by its bytes (the scanner): each distinct cell read once. */
export class CellMemo<T> {
  private readonly texts = new Map<string, T>();
  private readonly bytes = new ByteMemo<T>(MEMO_LIMIT);

  constructor(private readonly read: (raw: string) => T) {}

  ofText(raw: string): T {
    let read = this.texts.get(raw);
    if (read === undefined) {
      read = this.read(raw);
      if (this.texts.size < MEMO_LIMIT && raw.length <= LONGEST_KEY) this.texts.set(raw, read);
    }
    return read;
  }

  ofField(b: Uint8Array, fields: Fields, k: number): T {
    const start = fields.starts[k] as number;
    const end = fields.ends[k] as number;
    let read = this.bytes.get(b, start, end);
    if (read === undefined) {
      read = this.read(fieldText(b, fields, k, utf8));
      this.bytes.set(b, start, end, read);
    }
    return read;
  }
}

class ByteMemo<T> {
  private keys = new Uint8Array(1024);
  private keyView = new DataView(this.keys.buffer);
  private keysLength = 0;
  /** Per entry: where its key lies in `keys`. */
  private keyStarts: number[] = [];
  private keyEnds: number[] = [];
  private values: T[] = [];
  /** Entry + 1 by hash slot; 0: free. */
  private table = new Int32Array(64);
  private hashes = new Int32Array(64);

  constructor(
    /** Past this many entries, new cells are read each time (a column of free text is not worth remembering). */
    readonly limit: number,
  ) {}

  get size(): number {
    return this.values.length;
  }

  /** The value stored for the bytes `b[start, end)`, or undefined. */
  get(b: Uint8Array, start: number, end: number): T | undefined {
    const h = sampleHash(b, start, end);
    const mask = this.table.length - 1;
    for (let e = h & mask; this.table[e] !== 0; e = (e + 1) & mask) {
      if (this.hashes[e] !== h) continue;
      const entry = (this.table[e] as number) - 1;
      if (this.sameKey(entry, b, start, end)) return this.values[entry];
    }
    return undefined;
  }

  /** Remembers `value` for the bytes `b[start, end)` (not already stored), unless the memo is full. */
  set(b: Uint8Array, start: number, end: number, value: T): void {
    // Labels are short: a long cell is typed text, seldom repeated, and would only fill the memo.
    if (this.values.length >= this.limit || end - start > LONGEST_KEY) return;
    const length = end - start;
    if (this.keysLength + length > this.keys.length) {
      const keys = new Uint8Array(Math.max(this.keys.length * 2, this.keysLength + length));
      keys.set(this.keys.subarray(0, this.keysLength));
      this.keys = keys;
      this.keyView = new DataView(keys.buffer);
    }
    this.keys.set(b.subarray(start, end), this.keysLength);
    this.keyStarts.push(this.keysLength);
    this.keyEnds.push(this.keysLength + length);
    this.keysLength += length;
    this.values.push(value);
    if (this.values.length * 2 > this.table.length) this.rehash();
    else this.place(sampleHash(b, start, end), this.values.length - 1);
  }

  private sameKey(entry: number, b: Uint8Array, start: number, end: number): boolean {
    const from = this.keyStarts[entry] as number;
    const length = end - start;
    if ((this.keyEnds[entry] as number) - from !== length) return false;
    // Four bytes at a time: labels are tens of bytes, and every repeated cell is compared in full.
    const cells = viewOf(b);
    const keys = this.keyView;
    let k = 0;
    for (; k + 4 <= length; k += 4)
      if (keys.getInt32(from + k) !== cells.getInt32(start + k)) return false;
    for (; k < length; k++) if (keys.getUint8(from + k) !== cells.getUint8(start + k)) return false;
    return true;
  }

  private place(h: number, entry: number): void {
    const mask = this.table.length - 1;
    let e = h & mask;
    while (this.table[e] !== 0) e = (e + 1) & mask;
    this.table[e] = entry + 1;
    this.hashes[e] = h;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.hashes = new Int32Array(this.table.length);
    for (let entry = 0; entry < this.values.length; entry++) {
      this.place(
        sampleHash(this.keys, this.keyStarts[entry] as number, this.keyEnds[entry] as number),
        entry,
      );
    }
  }
}

/**
 * A 32-bit hash of bytes, four at a time (a free-text answer is a hundred
 * bytes, and every one is hashed as it is read): only ever compared with
 * another hash made by this function in the same process, to tell answers
 * apart before their bytes are compared.
 */
export function hashBytes(b: Uint8Array, start: number, end: number): number {
  const view = viewOf(b);
  let h = Math.imul(end - start, 0x9e3779b1);
  let k = start;
  for (; k + 4 <= end; k += 4) h = Math.imul(h ^ view.getInt32(k, true), 0x5bd1e995) ^ (h >>> 15);
  for (; k < end; k++) h = Math.imul(h ^ (b[k] as number), 16777619);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) | 0;
}

/**
 * A hash of a cell's length and of its first, second, middle and last bytes:
 * enough to tell apart the labels of a list of options, at the cost of a
 * few reads; cells it confuses are told apart by comparing their bytes.
 */
function sampleHash(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return 0;
  const h =
    Math.imul(n, 0x9e3779b1) ^
    ((b[start] as number) |
      ((b[end - 1] as number) << 8) |
      ((b[start + (n >>> 1)] as number) << 16) |
      ((b[start + (n > 1 ? 1 : 0)] as number) << 24));
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) | 0;
}
