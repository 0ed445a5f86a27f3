/** What every column of answers has (columns.ts, text-column.ts). */
import type { Question } from '../edition/schema.js';
import type { CellResult } from './cells.js';
import type { Fields } from './csv-scan.js';

/** Why a cell could not be read: what `readCell` says. */
export type CellFailure = Extract<CellResult, { ok: false }>;

/** The cells' UTF-8 bytes are decoded only for a cell not seen before. */
export const utf8 = new TextDecoder();

export interface ColumnBase<Q extends Question> {
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
  /** Ends at the first `count` responses (a view: the arrays are not copied). */
  finish(count: number): void;
  /** The first `count` responses' answers, to send to another thread (views: transfer their buffers). */
  part(count: number): ColumnPart;
  /** Appends `added` responses of a part (read by another thread from later in the file) after the first `count`. */
  append(count: number, part: ColumnPart, added: number): void;
}

/** A column's answers as a thread sends them to another: typed arrays and the few strings beside them. */
export type ColumnPart =
  | { kind: 'choice'; masks: Masks; other: [number, string][] }
  | { kind: 'numbers'; numbers: Float64Array }
  | {
      kind: 'text';
      starts: Float64Array;
      lengths: Uint32Array;
      hashes: Int32Array;
      inFile: Uint8Array;
      parts: { base: number; bytes: Uint8Array; used: number }[];
      file: { path: string; size: number; mtimeMs: number } | undefined;
    };

/** The buffers of a part, to transfer rather than copy. */
export function partBuffers(part: ColumnPart): ArrayBuffer[] {
  const arrays =
    part.kind === 'choice'
      ? [part.masks]
      : part.kind === 'numbers'
        ? [part.numbers]
        : [part.starts, part.lengths, part.hashes, part.inFile, ...part.parts.map((p) => p.bytes)];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** A closed question's answers, a bit per answer: one byte, two or four per word. */
export type Masks = Uint8Array | Uint16Array | Uint32Array;

type Column1D = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** The array, or a longer copy of it whose new places hold `blank` (what "no answer" is in it). */
export function grown<T extends Column1D>(array: T, length: number, blank = 0): T {
  if (array.length >= length) return array;
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  next.fill(blank, array.length);
  return next;
}
