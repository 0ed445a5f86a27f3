/**
 * One CSV record at a time, straight from the bytes: where each field lies,
 * whether it was quoted and holds doubled quotes, and how many line breaks
 * the record spans. No string is made: the caller maps a field's bytes to
 * what it means (an option code, a score) and decodes only what it must.
 *
 * It reads exactly what csv-parse reads with the options of read-export.ts
 * (RFC 4180 quoting, empty lines skipped, one kind of line ending per file),
 * and nothing else: whatever csv-parse would reject, trim or read in some
 * other way (a stray quote, a lone carriage return, mixed line endings) makes
 * the scan decline, and the export is read by csv-parse instead, with its
 * messages. A property test holds the two to the same records and lines.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The record is cut by the end of the bytes given: call again with more. */
export const NEED_MORE = -1;
/** The bytes are not read the way csv-parse would read them: read the export with csv-parse. */
export const DECLINE = -2;

/** How records end in a file: set by the first record (the header). */
export type LineEnding = 'lf' | 'crlf';

/** Where the fields of the record just scanned lie: reused from record to record. */
export class Fields {
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Bit 1: the field was quoted; bit 2: it holds doubled quotes to undo. */
  flags = new Uint8Array(64);
  /** Line breaks inside the record's quoted fields (the record spans that many more lines). */
  innerBreaks = 0;
  /** Whether the quoted field being scanned holds doubled quotes. */
  doubledQuotes = false;
  /** The export file the bytes are read from, when they are a file's as they are (not a stream's copy). */
  file: string | undefined;
  /** Where in that file the scanned bytes start: a field's place in the file is `offset + starts[k]`. */
  offset = 0;

  push(start: number, end: number, flags: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.flags[this.count] = flags;
    this.count++;
  }

  /** A line with nothing on it: csv-parse skips it (an empty quoted field `""` is a record). */
  isEmptyLine(): boolean {
    return this.count === 1 && this.starts[0] === this.ends[0] && this.flags[0] === 0;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const flags = new Uint8Array(n);
    starts.set(this.starts);
    ends.set(this.ends);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

export const QUOTED = 1;
export const ESCAPED = 2;

/**
 * Scans the record starting at `p` into `fields`. Returns the position after
 * it (after its line ending), NEED_MORE when the bytes before `end` do not
 * hold the whole record and more may come (`final` false), or DECLINE.
 */
export function scanRecord(
  b: Uint8Array,
  p: number,
  end: number,
  delimiter: number,
  ending: LineEnding,
  final: boolean,
  fields: Fields,
): number {
  fields.count = 0;
  fields.innerBreaks = 0;
  for (;;) {
    if (p < end && b[p] === QUOTE) {
      const closing = closingQuote(b, p + 1, end, fields);
      if (closing < 0) return closing === NEED_MORE && !final ? NEED_MORE : DECLINE;
      if (closing + 1 === end && !final) return NEED_MORE;
      fields.push(p + 1, closing, fields.doubledQuotes ? QUOTED | ESCAPED : QUOTED);
      p = closing + 1;
      if (p === end) return end;
      const c = b[p];
      if (c === delimiter) {
        p++;
        continue;
      }
      return recordEnd(b, p, end, ending, final);
    }
    let q = p;
    while (q < end) {
      const c = b[q];
      if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
      q++;
    }
    if (q === end) {
      if (!final) return NEED_MORE;
      fields.push(p, q, 0);
      return end;
    }
    const c = b[q];
    if (c === QUOTE) return DECLINE;
    fields.push(p, q, 0);
    if (c === delimiter) {
      p = q + 1;
      continue;
    }
    return recordEnd(b, q, end, ending, final);
  }
}

/**
 * The position of the quote closing a quoted field whose text starts at `p`
 * (doubled quotes are part of the text: `fields.doubledQuotes` says whether
 * there were any), counting line breaks as csv-parse counts them inside
 * quotes: each CR and each LF, so a CRLF in a cell counts two lines (outside
 * quotes it counts one). Line numbers are then the same whichever reads the file.
 */
function closingQuote(b: Uint8Array, p: number, end: number, fields: Fields): number {
  fields.doubledQuotes = false;
  const view = viewOf(b);
  for (;;) {
    // Four bytes at a time while none is a quote, a line feed or a carriage return
    // (a word has a byte equal to x when (v ^ x) has a zero byte: the bit trick below).
    while (p + 4 <= end) {
      const v = view.getUint32(p, true);
      const q = v ^ 0x22222222;
      const l = v ^ 0x0a0a0a0a;
      const r = v ^ 0x0d0d0d0d;
      if (
        (((q - 0x01010101) & ~q) | ((l - 0x01010101) & ~l) | ((r - 0x01010101) & ~r)) &
        0x80808080
      )
        break;
      p += 4;
    }
    while (p < end) {
      const c = b[p];
      if (c === QUOTE) break;
      if (c === LF || c === CR) fields.innerBreaks++;
      p++;
    }
    if (p >= end) return NEED_MORE;
    if (p + 1 < end && b[p + 1] === QUOTE) {
      fields.doubledQuotes = true;
      p += 2;
      continue;
    }
    return p;
  }
}

/**
 * A view of the last bytes scanned or hashed: the scanner reads many cells of
 * one buffer in turn. `forgetView` lets go of the buffer once a scan is over
 * (a long-running preview would keep it otherwise).
 */
let viewed: Uint8Array | null = null;
let lastView: DataView = new DataView(new ArrayBuffer(0));
export function forgetView(): void {
  viewed = null;
  lastView = new DataView(new ArrayBuffer(0));
}

export function viewOf(b: Uint8Array): DataView {
  if (b !== viewed) {
    viewed = b;
    lastView = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  return lastView;
}

/** At `p`, a line ending of the file's kind must end the record; anything else declines. */
function recordEnd(
  b: Uint8Array,
  p: number,
  end: number,
  ending: LineEnding,
  final: boolean,
): number {
  const c = b[p];
  if (ending === 'lf') return c === LF ? p + 1 : DECLINE;
  if (c !== CR) return DECLINE;
  if (p + 1 === end) return final ? DECLINE : NEED_MORE;
  return b[p + 1] === LF ? p + 2 : DECLINE;
}

/** The line ending of the first record of `b` (from `p`), outside quotes; null when it is neither LF nor CRLF, or not in `b`. */
export function lineEndingOf(b: Uint8Array, p: number, end: number): LineEnding | 'cr' | null {
  let quoted = false;
  for (; p < end; p++) {
    const c = b[p];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === LF) return 'lf';
    else if (!quoted && c === CR) {
      if (p + 1 === end) return null;
      return b[p + 1] === LF ? 'crlf' : 'cr';
    }
  }
  return null;
}

/** A field's text: its bytes decoded, doubled quotes undone. */
export function fieldText(b: Uint8Array, fields: Fields, k: number, decoder: TextDecoder): string {
  const text = decoder.decode(b.subarray(fields.starts[k], fields.ends[k]));
  return (fields.flags[k] as number) & ESCAPED ? text.replaceAll('""', '"') : text;
}
