/**
 * The responses column by column: one typed array per question, so a
 * million responses take a few bytes each, and counting a figure is a loop
 * over numbers, not over objects.
 *
 * - a closed question: a bit mask per response (bit k: `codes[k]` chosen;
 *   single choice sets one bit), 0 when unanswered; typed "Autre" text on the side;
 * - a scale: the number, NaN when unanswered;
 * - a timestamp: milliseconds since 1970, NaN when blank;
 * - free text: the text, "" when unanswered.
 *
 * A column is written one cell at a time while the export streams in
 * (`write` reads a cell's text into the slot of the response being read,
 * `writeField` a cell's bytes as the CSV scanner found them); the cells most
 * exports repeat (option labels, scores) are read once and remembered, so a
 * repeated cell's bytes go straight to its codes. `finish` trims the arrays
 * to the responses kept.
 */
import {
  answerCodes,
  type ClosedQuestion,
  isClosed,
  OTHER_CODE,
  type Question,
} from '../edition/schema.js';
import { ByteMemo } from './byte-memo.js';
import { type CellResult, readCell } from './cells.js';
import { ESCAPED, type Fields, fieldText } from './csv-scan.js';
import { formsTimestampBytes } from './timestamp-bytes.js';

/** Why a cell could not be read: what `readCell` says. */
export type CellFailure = Extract<CellResult, { ok: false }>;

/** How many distinct cells of one column are remembered: enough for any list of options, not for free text. */
const MEMO_LIMIT = 4096;

/** The cells' UTF-8 bytes are decoded only for a cell not seen before. */
const utf8 = new TextDecoder();

interface ColumnBase<Q extends Question> {
  readonly question: Q;
  /** Reads `raw` into response slot `i`; a failure leaves the slot blank. */
  write(i: number, raw: string): CellFailure | null;
  /** The same from field `k` of the record the scanner found in `b`. */
  writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null;
  /** Empties slot `i` (a row not kept) so the next row can use it. */
  clear(i: number): void;
  /** Moves slot `from`'s answer to slot `to` (below it), closing the gap an excluded row left. */
  move(from: number, to: number): void;
  /** Keeps room for `capacity` responses. */
  grow(capacity: number): void;
  /** Trims to the first `count` responses. */
  finish(count: number): void;
}

/** A closed question's cell read: the answers' bits and any typed "Autre" text. */
type ChoiceRead = { mask: Uint32Array; other: string | null } | CellFailure;

export class ChoiceColumn implements ColumnBase<ClosedQuestion> {
  readonly kind = 'choice';
  /** Answer code of each bit, in form order, then "autre" when typed answers are allowed. */
  readonly codes: readonly string[];
  /** 32-bit words per response: one unless a question has more than 32 answers. */
  readonly words: number;
  masks: Uint32Array;
  /** Typed "Autre" text by response slot. */
  readonly other = new Map<number, string>();
  private readonly bit: Map<string, number>;
  private readonly otherBit: number;
  private readonly memo = new Map<string, ChoiceRead>();
  private readonly byteMemo = new ByteMemo<ChoiceRead>(MEMO_LIMIT);

  constructor(
    readonly question: ClosedQuestion,
    private readonly timeZone: string,
    capacity: number,
  ) {
    const codes = answerCodes(question);
    this.codes = codes;
    this.bit = new Map(codes.map((c, k) => [c, k]));
    this.otherBit = codes.indexOf(OTHER_CODE);
    this.words = Math.max(1, Math.ceil(codes.length / 32));
    this.masks = new Uint32Array(capacity * this.words);
  }

  write(i: number, raw: string): CellFailure | null {
    let read = this.memo.get(raw);
    if (read === undefined) {
      read = this.read(raw);
      if (this.memo.size < MEMO_LIMIT) this.memo.set(raw, read);
    }
    return this.put(i, read);
  }

  writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null {
    const start = fields.starts[k] as number;
    const end = fields.ends[k] as number;
    let read = this.byteMemo.get(b, start, end);
    if (read === undefined) {
      read = this.read(fieldText(b, fields, k, utf8));
      this.byteMemo.set(b, start, end, read);
    }
    return this.put(i, read);
  }

  private put(i: number, read: ChoiceRead): CellFailure | null {
    if ('ok' in read) return read;
    if (this.words === 1) this.masks[i] = read.mask[0] as number;
    else this.masks.set(read.mask, i * this.words);
    if (read.other !== null) this.other.set(i, read.other);
    return null;
  }

  private read(raw: string): ChoiceRead {
    const result = readCell(this.question, raw, this.timeZone);
    if (!result.ok) return result;
    const mask = new Uint32Array(this.words);
    const answer = result.answer;
    if (answer?.kind !== 'choice') return { mask, other: null };
    for (const code of answer.codes) {
      const k = this.bit.get(code) as number;
      mask[k >>> 5] = (mask[k >>> 5] as number) | (1 << (k & 31));
    }
    return { mask, other: answer.other };
  }

  /** Slot `i` holds a typed "Autre" answer (its bit is set only then). */
  hasOther(i: number): boolean {
    return this.otherBit >= 0 && this.chose(i, this.otherBit);
  }

  /** Slot `i` chose answer `k` (its bit in `codes`' order). */
  chose(i: number, k: number): boolean {
    return ((this.masks[i * this.words + (k >>> 5)] as number) & (1 << (k & 31))) !== 0;
  }

  /** Slot `i` answered the question (any answer chosen). */
  answered(i: number): boolean {
    for (let w = 0; w < this.words; w++)
      if ((this.masks[i * this.words + w] as number) !== 0) return true;
    return false;
  }

  clear(i: number): void {
    this.masks.fill(0, i * this.words, (i + 1) * this.words);
    this.other.delete(i);
  }

  move(from: number, to: number): void {
    this.masks.copyWithin(to * this.words, from * this.words, (from + 1) * this.words);
    const other = this.other.get(from);
    this.other.delete(to);
    if (other === undefined) return;
    this.other.set(to, other);
    this.other.delete(from);
  }

  grow(capacity: number): void {
    this.masks = grown(this.masks, capacity * this.words);
  }

  finish(count: number): void {
    this.masks = this.masks.slice(0, count * this.words);
    // Typed answers of rows excluded after the last one kept.
    for (const i of this.other.keys()) if (i >= count) this.other.delete(i);
  }
}

export class ScaleColumn implements ColumnBase<Extract<Question, { type: 'scale' }>> {
  readonly kind = 'scale';
  /** The score; NaN: no answer. */
  values: Float64Array;
  private readonly memo = new Map<string, number | CellFailure>();
  private readonly byteMemo = new ByteMemo<number | CellFailure>(MEMO_LIMIT);

  constructor(
    readonly question: Extract<Question, { type: 'scale' }>,
    private readonly timeZone: string,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity).fill(Number.NaN);
  }

  write(i: number, raw: string): CellFailure | null {
    let read = this.memo.get(raw);
    if (read === undefined) {
      read = this.read(raw);
      if (this.memo.size < MEMO_LIMIT) this.memo.set(raw, read);
    }
    return this.put(i, read);
  }

  writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null {
    const start = fields.starts[k] as number;
    const end = fields.ends[k] as number;
    let read = this.byteMemo.get(b, start, end);
    if (read === undefined) {
      read = this.read(fieldText(b, fields, k, utf8));
      this.byteMemo.set(b, start, end, read);
    }
    return this.put(i, read);
  }

  private read(raw: string): number | CellFailure {
    const result = readCell(this.question, raw, this.timeZone);
    if (!result.ok) return result;
    return result.answer?.kind === 'number' ? result.answer.value : Number.NaN;
  }

  private put(i: number, read: number | CellFailure): CellFailure | null {
    if (typeof read !== 'number') return read;
    this.values[i] = read;
    return null;
  }

  clear(i: number): void {
    this.values[i] = Number.NaN;
  }

  move(from: number, to: number): void {
    this.values[to] = this.values[from] as number;
  }

  grow(capacity: number): void {
    this.values = grown(this.values, capacity, Number.NaN);
  }

  finish(count: number): void {
    this.values = this.values.slice(0, count);
  }
}

export class TimeColumn implements ColumnBase<Extract<Question, { type: 'timestamp' }>> {
  readonly kind = 'time';
  /** Milliseconds since 1970; NaN: blank. */
  epochMs: Float64Array;

  constructor(
    readonly question: Extract<Question, { type: 'timestamp' }>,
    private readonly timeZone: string,
    capacity: number,
  ) {
    this.epochMs = new Float64Array(capacity).fill(Number.NaN);
  }

  write(i: number, raw: string): CellFailure | null {
    const result = readCell(this.question, raw, this.timeZone);
    if (!result.ok) return result;
    this.epochMs[i] = result.answer?.kind === 'time' ? result.answer.epochMs : Number.NaN;
    return null;
  }

  /** Google Forms' own form is read from the bytes; any other goes through the text. */
  writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null {
    const epochMs = formsTimestampBytes(b, fields.starts[k] as number, fields.ends[k] as number);
    if (Number.isNaN(epochMs)) return this.write(i, fieldText(b, fields, k, utf8));
    this.epochMs[i] = epochMs;
    return null;
  }

  clear(i: number): void {
    this.epochMs[i] = Number.NaN;
  }

  move(from: number, to: number): void {
    this.epochMs[to] = this.epochMs[from] as number;
  }

  grow(capacity: number): void {
    this.epochMs = grown(this.epochMs, capacity, Number.NaN);
  }

  finish(count: number): void {
    this.epochMs = this.epochMs.slice(0, count);
  }
}

/**
 * Free text, kept as UTF-8 bytes one after another in parts of a few
 * megabytes (a million comments as a million strings would take twice the
 * memory, and growing one array would copy it each time), and decoded when
 * read. An answer is trimmed, so it is never empty: length 0 is no answer.
 */
export class TextColumn implements ColumnBase<Extract<Question, { type: 'text' }>> {
  readonly kind = 'text';
  /** Where each response's answer starts, counted across the parts one after another. */
  starts: Float64Array;
  /** Its length in bytes; 0: no answer. */
  lengths: Uint32Array;
  private parts: TextPart[] = [];
  private readonly encoder = new TextEncoder();

  constructor(
    readonly question: Extract<Question, { type: 'text' }>,
    capacity: number,
  ) {
    this.starts = new Float64Array(capacity);
    this.lengths = new Uint32Array(capacity);
  }

  /** Response `i`'s answer; "" when it gave none. */
  text(i: number): string {
    const length = this.lengths[i] as number;
    if (length === 0) return '';
    const { bytes, at } = this.locate(i);
    return utf8.decode(bytes.subarray(at, at + length));
  }

  /** Response `i` typed something. */
  answered(i: number): boolean {
    return this.lengths[i] !== 0;
  }

  /** The bytes of response `i`'s answer (a view: not to be kept). */
  bytesOf(i: number): Uint8Array {
    if (this.lengths[i] === 0) return NO_BYTES;
    const { bytes, at } = this.locate(i);
    return bytes.subarray(at, at + (this.lengths[i] as number));
  }

  /** Bytes held, for the memory the responses take. */
  get byteLength(): number {
    return this.parts.reduce((n, p) => n + p.bytes.length, 0);
  }

  write(i: number, raw: string): CellFailure | null {
    const text = raw.trim();
    const part = this.room(text.length * 3);
    const { written } = this.encoder.encodeInto(text, part.bytes.subarray(part.used));
    this.place(i, part, written);
    return null;
  }

  /** Bytes that need no trimming and hold no doubled quote are copied as they are. */
  writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null {
    const start = fields.starts[k] as number;
    const end = fields.ends[k] as number;
    if (start === end) return this.clear(i);
    if (
      (fields.flags[k] as number) & ESCAPED ||
      !isPlainEdge(b[start] as number) ||
      !isPlainEdge(b[end - 1] as number)
    )
      return this.write(i, fieldText(b, fields, k, utf8));
    const part = this.room(end - start);
    part.bytes.set(b.subarray(start, end), part.used);
    this.place(i, part, end - start);
    return null;
  }

  clear(i: number): null {
    this.lengths[i] = 0;
    return null;
  }

  move(from: number, to: number): void {
    this.starts[to] = this.starts[from] as number;
    this.lengths[to] = this.lengths[from] as number;
  }

  grow(capacity: number): void {
    this.starts = grown(this.starts, capacity);
    this.lengths = grown(this.lengths, capacity);
  }

  finish(count: number): void {
    this.starts = this.starts.slice(0, count);
    this.lengths = this.lengths.slice(0, count);
  }

  /** Takes in another column's answers (read by a worker from a later part of the file) after this one's `count`. */
  append(count: number, other: TextColumn, otherCount: number): void {
    const base = this.parts.reduce((n, p) => n + p.bytes.length, 0);
    this.parts.push(...other.parts.map((p) => ({ ...p, base: p.base + base })));
    this.grow(count + otherCount);
    for (let i = 0; i < otherCount; i++) {
      this.starts[count + i] = (other.starts[i] as number) + base;
      this.lengths[count + i] = other.lengths[i] as number;
    }
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

  private place(i: number, part: TextPart, length: number): void {
    this.starts[i] = part.base + part.used;
    this.lengths[i] = length;
    part.used += length;
  }

  private locate(i: number): { bytes: Uint8Array; at: number } {
    const start = this.starts[i] as number;
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.parts[mid] as TextPart).base <= start) lo = mid;
      else hi = mid - 1;
    }
    const part = this.parts[lo] as TextPart;
    return { bytes: part.bytes, at: start - part.base };
  }
}

interface TextPart {
  /** Where the part starts, counted across the parts. */
  base: number;
  bytes: Uint8Array;
  used: number;
}

const TEXT_PART_BYTES = 4 << 20;
const NO_BYTES = new Uint8Array(0);

/** An ASCII byte that `trim` leaves: a cell starting and ending with such bytes needs no trimming. */
function isPlainEdge(byte: number): boolean {
  return byte > 0x20 && byte < 0x80;
}

export type Column = ChoiceColumn | ScaleColumn | TimeColumn | TextColumn;

export function columnFor(question: Question, timeZone: string, capacity: number): Column {
  if (isClosed(question)) return new ChoiceColumn(question, timeZone, capacity);
  switch (question.type) {
    case 'scale':
      return new ScaleColumn(question, timeZone, capacity);
    case 'timestamp':
      return new TimeColumn(question, timeZone, capacity);
    case 'text':
      return new TextColumn(question, capacity);
  }
}

/** The array, or a longer copy of it whose new places hold `blank` (what "no answer" is in it). */
function grown<T extends Uint32Array | Float64Array>(array: T, length: number, blank = 0): T {
  if (array.length >= length) return array;
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  next.fill(blank, array.length);
  return next;
}

/**
 * One response's answers across the columns, the timestamp aside: is it
 * blank, what is its hash, is it the same as another's. Written per kind of
 * column so each loop stays simple for the JIT; run once per row.
 */
export class AnswerRows {
  private readonly choices: ChoiceColumn[];
  private readonly scales: ScaleColumn[];
  private readonly texts: TextColumn[];

  constructor(columns: readonly Column[]) {
    this.choices = columns.filter((c) => c.kind === 'choice');
    this.scales = columns.filter((c) => c.kind === 'scale');
    this.texts = columns.filter((c) => c.kind === 'text');
  }

  /** Response `i` answered nothing. */
  blank(i: number): boolean {
    for (const c of this.choices)
      for (let w = 0; w < c.words; w++) if (c.masks[i * c.words + w] !== 0) return false;
    for (const c of this.scales) if (!Number.isNaN(c.values[i])) return false;
    for (const c of this.texts) if (c.answered(i)) return false;
    return true;
  }

  /**
   * A 32-bit hash of response `i`'s answers (FNV-1a), to find a possible
   * duplicate without keeping every response's answers as a string; a match
   * is then confirmed with `same`, so a collision never excludes a row.
   */
  hash(i: number): number {
    let h = 0x811c9dc5;
    for (const c of this.choices) {
      for (let w = 0; w < c.words; w++)
        h = Math.imul(h ^ (c.masks[i * c.words + w] as number), 16777619);
      const other = c.hasOther(i) ? (c.other.get(i) as string) : '';
      for (let k = 0; k < other.length; k++) h = Math.imul(h ^ other.charCodeAt(k), 16777619);
    }
    for (const c of this.scales) h = Math.imul(h ^ ((c.values[i] as number) | 0), 16777619);
    for (const c of this.texts) {
      const text = c.bytesOf(i);
      for (let k = 0; k < text.length; k++) h = Math.imul(h ^ (text[k] as number), 16777619);
      h = Math.imul(h ^ text.length, 16777619);
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) | 0;
  }

  /** Responses `i` and `j` gave the same answers. */
  same(i: number, j: number): boolean {
    for (const c of this.choices) {
      for (let w = 0; w < c.words; w++)
        if (c.masks[i * c.words + w] !== c.masks[j * c.words + w]) return false;
      if (c.hasOther(i) && c.other.get(i) !== c.other.get(j)) return false;
    }
    for (const c of this.scales) if (!Object.is(c.values[i], c.values[j])) return false;
    for (const c of this.texts) if (!sameBytes(c.bytesOf(i), c.bytesOf(j))) return false;
    return true;
  }
}

/** The kept responses, column by column, in the order of the export. */
export interface Responses {
  count: number;
  /** 1-based line of each response in the export file. */
  lines: Uint32Array;
  /** Each question's column, by question id, in codebook order. */
  columns: ReadonlyMap<string, Column>;
  timestamp: TimeColumn;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
