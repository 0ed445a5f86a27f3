/**
 * The responses column by column: one typed array per question, so a
 * million responses take a few bytes each, and counting a figure is a loop
 * over numbers, not over objects.
 *
 * - a closed question: a bit mask per response (bit k: `codes[k]` chosen;
 *   single choice sets one bit), 0 when unanswered; typed "Autre" text on the side;
 * - a scale: the number, NaN when unanswered;
 * - a timestamp: milliseconds since 1970, NaN when blank;
 * - free text: where its bytes are (text-column.ts).
 *
 * A column is written one cell at a time while the export streams in
 * (`write` reads a cell's text into the slot of the response being read,
 * `writeField` a cell's bytes as the CSV scanner found them); the cells most
 * exports repeat (option labels, scores) are read once and remembered, so a
 * repeated cell's bytes go straight to its codes. `finish` trims the arrays
 * to the responses kept.
 */
import { answerCodes, isClosed, OTHER_CODE } from '../edition/codes.js';
import type { ClosedQuestion, Question } from '../edition/schema.js';
import { CellMemo } from './byte-memo.js';
import { GOOGLE_JOIN, readCell } from './cells.js';
import {
  type CellFailure,
  type ColumnBase,
  type ColumnPart,
  grown,
  type Masks,
  utf8,
} from './column-base.js';
import { type Fields, fieldText } from './csv-scan.js';
import { TextColumn } from './text-column.js';
import { formsTimestampBytes } from './timestamp-bytes.js';

export type { CellFailure } from './column-base.js';
export { TextColumn } from './text-column.js';

/** A closed question's cell read: the answers' bits and any typed "Autre" text. */
type ChoiceRead = { mask: Uint32Array; other: string | null } | CellFailure;

export class ChoiceColumn implements ColumnBase<ClosedQuestion> {
  readonly kind = 'choice';
  /** Answer code of each bit, in form order, then "autre" when typed answers are allowed. */
  readonly codes: readonly string[];
  /** 32-bit words per response: one unless a question has more than 32 answers. */
  readonly words: number;
  /** Bytes per word as few as the answers need (a yes/no question's mask is one byte). */
  masks: Masks;
  /** Typed "Autre" text by response slot. */
  readonly other = new Map<number, string>();
  private readonly bit: Map<string, number>;
  private readonly otherBit: number;
  private readonly cells = new CellMemo<ChoiceRead>((raw) => this.read(raw));

  constructor(
    readonly question: ClosedQuestion,
    private readonly timeZone: string,
    capacity: number,
    /** How the export joins several answers in a cell. */
    private readonly join = GOOGLE_JOIN,
  ) {
    const codes = answerCodes(question);
    this.codes = codes;
    this.bit = new Map(codes.map((c, k) => [c, k]));
    this.otherBit = codes.indexOf(OTHER_CODE);
    this.words = Math.max(1, Math.ceil(codes.length / 32));
    const width =
      this.words > 1 || codes.length > 16
        ? Uint32Array
        : codes.length > 8
          ? Uint16Array
          : Uint8Array;
    this.masks = new width(capacity * this.words);
  }

  write(i: number, raw: string): CellFailure | null {
    return this.put(i, this.cells.ofText(raw));
  }

  writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null {
    return this.put(i, this.cells.ofField(b, fields, k));
  }

  private put(i: number, read: ChoiceRead): CellFailure | null {
    if ('ok' in read) return read;
    if (this.words === 1) this.masks[i] = read.mask[0] as number;
    else this.masks.set(read.mask, i * this.words);
    if (read.other !== null) this.other.set(i, read.other);
    return null;
  }

  private read(raw: string): ChoiceRead {
    const result = readCell(this.question, raw, this.timeZone, this.join);
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

  /**
   * Adds one to `counts[offset + k]` for each answer `k` slot `i` chose;
   * whether it chose any. Counting answers walks the set bits only.
   */
  addChoices(i: number, counts: Int32Array | number[], offset: number): boolean {
    let any = false;
    for (let w = 0; w < this.words; w++) {
      let mask = this.masks[i * this.words + w] as number;
      if (mask === 0) continue;
      any = true;
      while (mask !== 0) {
        const at = offset + w * 32 + 31 - Math.clz32(mask & -mask);
        counts[at] = (counts[at] as number) + 1;
        mask &= mask - 1;
      }
    }
    return any;
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

  part(count: number): ColumnPart {
    const other = [...this.other].filter(([i]) => i < count);
    return { kind: 'choice', masks: this.masks.subarray(0, count * this.words), other };
  }

  append(count: number, part: ColumnPart, added: number): void {
    if (part.kind !== 'choice') return;
    this.grow(count + added);
    this.masks.set(part.masks.subarray(0, added * this.words), count * this.words);
    for (const [i, text] of part.other) this.other.set(count + i, text);
  }

  finish(count: number): void {
    this.masks = this.masks.subarray(0, count * this.words);
    // Typed answers of rows excluded after the last one kept.
    for (const i of this.other.keys()) if (i >= count) this.other.delete(i);
  }
}

/** A column of one number per response, NaN where there is none: a scale's scores, the timestamps. */
abstract class NumberColumn<Q extends Question> implements ColumnBase<Q> {
  abstract readonly question: Q;
  protected numbers: Float64Array;

  constructor(capacity: number) {
    this.numbers = new Float64Array(capacity).fill(Number.NaN);
  }

  abstract write(i: number, raw: string): CellFailure | null;
  abstract writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null;

  clear(i: number): void {
    this.numbers[i] = Number.NaN;
  }

  move(from: number, to: number): void {
    this.numbers[to] = this.numbers[from] as number;
  }

  grow(capacity: number): void {
    this.numbers = grown(this.numbers, capacity, Number.NaN);
  }

  part(count: number): ColumnPart {
    return { kind: 'numbers', numbers: this.numbers.subarray(0, count) };
  }

  append(count: number, part: ColumnPart, added: number): void {
    if (part.kind !== 'numbers') return;
    this.grow(count + added);
    this.numbers.set(part.numbers.subarray(0, added), count);
  }

  finish(count: number): void {
    this.numbers = this.numbers.subarray(0, count);
  }
}

export class ScaleColumn extends NumberColumn<Extract<Question, { type: 'scale' }>> {
  readonly kind = 'scale';
  private readonly cells = new CellMemo<number | CellFailure>((raw) => this.read(raw));

  constructor(
    readonly question: Extract<Question, { type: 'scale' }>,
    private readonly timeZone: string,
    capacity: number,
  ) {
    super(capacity);
  }

  /** The score; NaN: no answer. */
  get values(): Float64Array {
    return this.numbers;
  }

  write(i: number, raw: string): CellFailure | null {
    return this.put(i, this.cells.ofText(raw));
  }

  writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null {
    return this.put(i, this.cells.ofField(b, fields, k));
  }

  private read(raw: string): number | CellFailure {
    const result = readCell(this.question, raw, this.timeZone);
    if (!result.ok) return result;
    return result.answer?.kind === 'number' ? result.answer.value : Number.NaN;
  }

  private put(i: number, read: number | CellFailure): CellFailure | null {
    if (typeof read !== 'number') return read;
    this.numbers[i] = read;
    return null;
  }
}

export class TimeColumn extends NumberColumn<Extract<Question, { type: 'timestamp' }>> {
  readonly kind = 'time';

  constructor(
    readonly question: Extract<Question, { type: 'timestamp' }>,
    private readonly timeZone: string,
    capacity: number,
  ) {
    super(capacity);
  }

  /** Milliseconds since 1970; NaN: blank. */
  get epochMs(): Float64Array {
    return this.numbers;
  }

  write(i: number, raw: string): CellFailure | null {
    const result = readCell(this.question, raw, this.timeZone);
    if (!result.ok) return result;
    this.numbers[i] = result.answer?.kind === 'time' ? result.answer.epochMs : Number.NaN;
    return null;
  }

  /** Google Forms' own form is read from the bytes; any other goes through the text. */
  writeField(i: number, b: Uint8Array, fields: Fields, k: number): CellFailure | null {
    const epochMs = formsTimestampBytes(b, fields.starts[k] as number, fields.ends[k] as number);
    if (Number.isNaN(epochMs)) return this.write(i, fieldText(b, fields, k, utf8));
    this.numbers[i] = epochMs;
    return null;
  }
}

export type Column = ChoiceColumn | ScaleColumn | TimeColumn | TextColumn;

/** How a column's cells are written by the form that made the export (form-columns.ts). */
export interface CellStyle {
  /** How several answers are joined in a cell: Google's ", " unless said. */
  join?: string;
  /** A word the form writes for no answer (Microsoft's « anonymous » for no e-mail). */
  noAnswer?: string;
}

export function columnFor(
  question: Question,
  timeZone: string,
  capacity: number,
  style: CellStyle = {},
): Column {
  if (isClosed(question)) return new ChoiceColumn(question, timeZone, capacity, style.join);
  switch (question.type) {
    case 'scale':
      return new ScaleColumn(question, timeZone, capacity);
    case 'timestamp':
      return new TimeColumn(question, timeZone, capacity);
    case 'text':
      return new TextColumn(question, capacity, style.noAnswer);
  }
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
    for (const c of this.texts) h = Math.imul(h ^ (c.hashes[i] as number), 16777619);
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
    for (const c of this.texts) if (!c.same(i, j)) return false;
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
