/**
 * Which read rows are not responses to count, and why, decided row by row
 * as the export streams in. Nothing is dropped silently: each excluded row
 * is listed with its reason.
 *
 * - empty: no question answered;
 * - outside the field period (in the edition's time zone);
 * - duplicate: the same answers as the last kept response with those
 *   answers, submitted within `duplicateWindowMinutes` (a double click on
 *   "Envoyer"). Responses are found by a hash of their answers, then
 *   compared answer by answer.
 */
import type { EditionConfig } from '../edition/schema.js';
import { reconciliation as say } from '../messages/index.js';
import type { AnswerRows, TimeColumn } from './columns.js';
import { localDate } from './timestamp.js';
import type { Exclusion } from './types.js';

const HOUR = 3_600_000;

export class ExclusionRules {
  /** The last kept response of each set of answers. */
  private readonly lastKept: SlotTable;
  /**
   * Bit `h & HASH_BITS_MASK` is set when two rows have hashes with those
   * low bits: the others have answers no other row has, so they can be
   * neither a duplicate nor a duplicate's twin, and need no look-up. In a
   * million rows of different answers, one in sixteen is looked up, in a
   * table that small; probing a table of every row missed the cache for
   * each (a fifth of a second). Null: every row is looked up (a small
   * export, under BITSETS_FROM_ROWS). The bitsets take 4 MB while the rows
   * are checked.
   */
  private readonly mayRepeat: Uint8Array | null;
  /**
   * Instants inside the field period in any time zone (UTC−14 to UTC+14):
   * from 14 h after the first day starts in UTC to 10 h before the day
   * after the last one does. Only instants outside these need their local
   * day worked out.
   */
  private readonly surelyFrom: number;
  private readonly surelyTo: number;

  constructor(
    private readonly config: EditionConfig,
    answers: AnswerRows,
    private readonly time: TimeColumn,
    /** Export line of each kept slot. */
    private readonly lineOf: (slot: number) => number,
    /** The hash of every row's answers (AnswerRows.hash), worked out as the rows were read. */
    hashes: Int32Array,
    /** From how many rows the bitsets are used (tests take them on a few rows with 0). */
    bitsetsFrom = BITSETS_FROM_ROWS,
  ) {
    const repeated = hashes.length >= bitsetsFrom ? repeatedHashes(hashes) : null;
    this.mayRepeat = repeated;
    this.lastKept = new SlotTable(answers, repeated ? candidates(hashes, repeated) : 0);
    const { start, end } = config.edition.fieldPeriod;
    this.surelyFrom = Date.parse(`${start}T00:00:00Z`) + 14 * HOUR;
    this.surelyTo = Date.parse(`${end}T00:00:00Z`) + 10 * HOUR;
  }

  /**
   * Why response slot `i` is not counted; null when it counts: it is then
   * remembered as kept, in slot `keptAs` (where the caller moves it).
   * Whether it is blank and the hash of its answers (AnswerRows) were worked
   * out as it was read, on whichever thread read it.
   */
  check(i: number, keptAs: number, blank: boolean, h: number): Exclusion | null {
    const line = this.lineOf(i);
    if (blank) return { line, reason: 'empty', detail: say.empty() };
    const at = this.time.epochMs[i] as number;
    const { start, end } = this.config.edition.fieldPeriod;
    if (!Number.isNaN(at) && !(at >= this.surelyFrom && at < this.surelyTo)) {
      const day = localDate(at, this.config.edition.timezone);
      if (day < start || day > end)
        return {
          line,
          reason: 'outside_field_period',
          detail: say.outside(day, start, end),
        };
    }
    const low = h & HASH_BITS_MASK;
    if (this.mayRepeat && !hasBit(this.mayRepeat, low)) return null;
    const entry = this.lastKept.find(h, i);
    if (entry >= 0) {
      const twin = this.lastKept.slotAt(entry);
      const gap = Math.abs(at - (this.time.epochMs[twin] as number));
      if (gap <= this.config.source.duplicateWindowMinutes * 60_000) {
        return {
          line,
          reason: 'duplicate',
          detail: say.duplicate(this.lineOf(twin), Math.round(gap / 60_000)),
        };
      }
      this.lastKept.replace(entry, keptAs);
    } else this.lastKept.insert(entry, h, keptAs);
    return null;
  }
}

/**
 * Fewer rows than this are all looked up: their table stays in the cache,
 * and zeroing 4 MB of bitsets cost more than it saved (7 ms for 144 rows).
 */
const BITSETS_FROM_ROWS = 1 << 16;

/** The low bits of hashes the bitsets are indexed by: two tables of 2 MB each, which the cache holds. */
const HASH_BITS = 24;
const HASH_BITS_MASK = (1 << HASH_BITS) - 1;

/** A bit per value of a hash's low bits: set when two or more rows have it. */
function repeatedHashes(hashes: Int32Array): Uint8Array {
  const seen = new Uint8Array(1 << (HASH_BITS - 3));
  const repeated = new Uint8Array(1 << (HASH_BITS - 3));
  for (let i = 0; i < hashes.length; i++) {
    const low = (hashes[i] as number) & HASH_BITS_MASK;
    const byte = low >>> 3;
    const bit = 1 << (low & 7);
    if ((seen[byte] as number) & bit) repeated[byte] = (repeated[byte] as number) | bit;
    else seen[byte] = (seen[byte] as number) | bit;
  }
  return repeated;
}

function hasBit(bits: Uint8Array, k: number): boolean {
  return ((bits[k >>> 3] as number) & (1 << (k & 7))) !== 0;
}

/** How many rows have a hash whose low bits another row's have: those `check` looks up. */
function candidates(hashes: Int32Array, repeated: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (hasBit(repeated, (hashes[i] as number) & HASH_BITS_MASK)) n++;
  }
  return n;
}

/**
 * Slots by the hash of their answers, in two typed arrays (open addressing,
 * linear probing): a million responses in 16 MB, where a Map of objects
 * would take ten times that. Entries with equal hashes but different
 * answers sit side by side and are told apart by `same`. Made for the rows
 * to check at once (growing it as it fills would rehash every entry each
 * time), and probed once per row: `find` says where the row's answers are,
 * or where they go.
 */
class SlotTable {
  private hashes: Int32Array;
  /** Slot + 1; 0: empty entry. */
  private slots: Int32Array;
  private size = 0;

  constructor(
    private readonly answers: AnswerRows,
    rows: number,
  ) {
    // At most half full: probes stay short.
    const entries = 2 ** Math.max(12, Math.ceil(Math.log2(Math.max(1, rows) * 2)));
    this.hashes = new Int32Array(entries);
    this.slots = new Int32Array(entries);
  }

  /**
   * The entry holding a slot whose answers are the same as slot `i`'s (hash
   * `h`), or, when there is none, `-1 - e` where `e` is the empty entry
   * they go in (`insert`).
   */
  find(h: number, i: number): number {
    const mask = this.slots.length - 1;
    let e = h & mask;
    for (; this.slots[e] !== 0; e = (e + 1) & mask) {
      if (this.hashes[e] === h && this.answers.same(i, (this.slots[e] as number) - 1)) return e;
    }
    return -1 - e;
  }

  slotAt(entry: number): number {
    return (this.slots[entry] as number) - 1;
  }

  /** The last kept slot with these answers is now `slot`. */
  replace(entry: number, slot: number): void {
    this.slots[entry] = slot + 1;
  }

  /** Stores `slot` under `h` in the empty entry `find` gave (as `-1 - e`). */
  insert(found: number, h: number, slot: number): void {
    const e = -1 - found;
    this.hashes[e] = h;
    this.slots[e] = slot + 1;
    if (++this.size * 2 > this.slots.length) this.grow();
  }

  private grow(): void {
    const { hashes, slots } = this;
    this.hashes = new Int32Array(slots.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let k = 0; k < slots.length; k++) {
      if (slots[k] === 0) continue;
      let e = (hashes[k] as number) & mask;
      while (this.slots[e] !== 0) e = (e + 1) & mask;
      this.hashes[e] = hashes[k] as number;
      this.slots[e] = slots[k] as number;
    }
  }
}
