/**
 * Every question tallied in every segment at once: one pass over a
 * question's column, whatever the number of segments.
 *
 * Each response belongs to a set of segments. The distinct sets are few
 * (a survey's segments cross a handful of closed questions), so each
 * response is given the number of its set, its pattern, once; a question is
 * then counted by pattern in one pass, and a segment's tally is the sum of
 * the counts of the patterns in it. Counting segment by segment instead
 * walks the responses once per segment, and keeps a list of each
 * segment's members.
 *
 * The tallies are those of measures.ts to the last digit: counts are
 * counts; a scale's sum of integer scores is exact whatever the order, and
 * its deviations are summed in export order, as `meanOf` does.
 */
import type { EditionConfig, Question, Segment } from '../edition/schema.js';
import type { ChoiceColumn, Responses, ScaleColumn, TextColumn } from '../ingest/columns.js';
import type { ChoiceTally, ScaleTally, Tally } from './measures.js';
import { allSegments, findSegment, MOST_SEGMENT_BITS, segmentBits } from './segments.js';
import { type MeanStats, meanFromSums } from './stats.js';

/** Past this many patterns (segments crossing every which way), counting segment by segment is as quick. */
const MOST_PATTERNS = 4096;
/** Pattern × combination of answers counted in a table up to this size (4 MB); past it, answer by answer. */
const MOST_COMBINATIONS = 1 << 20;

/** Per pattern: responses that answered, and how many chose each answer (pattern × answer). */
interface ChoiceCounts {
  answered: number[];
  chose: Int32Array;
}

/** Slots of the table numbering the patterns: a power of two, at least twice the patterns it may hold. */
const PATTERN_SLOT_BITS = 13;
const PATTERN_SLOTS = 1 << PATTERN_SLOT_BITS;

/**
 * Numbers each distinct set of segments in the order it first comes: an
 * open-addressing table in typed arrays, which a million look-ups find
 * quicker than a Map. A set is never 0 (bit 0, everyone, is always set), so
 * 0 marks a free slot; past MOST_PATTERNS + 1 sets the tallies are dropped,
 * so the table is never more than half full.
 */
class PatternNumbers {
  private readonly sets = new Uint32Array(PATTERN_SLOTS);
  private readonly numbers = new Int32Array(PATTERN_SLOTS);
  private count = 0;

  numberOf(bits: number): number {
    let slot = Math.imul(bits, 0x9e3779b1) >>> (32 - PATTERN_SLOT_BITS);
    for (;;) {
      const set = this.sets[slot] as number;
      if (set === bits) return this.numbers[slot] as number;
      if (set === 0) {
        this.sets[slot] = bits;
        this.numbers[slot] = this.count;
        return this.count++;
      }
      slot = (slot + 1) & (PATTERN_SLOTS - 1);
    }
  }
}

export class Tallies {
  /** Each response's pattern. */
  private readonly patternOf: Uint32Array;
  /** Each pattern's segments, one bit per segment in `allSegments` order. */
  private readonly bits: number[] = [];
  /** Responses of each pattern. */
  private readonly size: number[] = [];
  private readonly bitOf = new Map<string, number>();
  /** The segments, in `allSegments` order: segment k is bit k. */
  private readonly segments: Segment[];

  /** The tallies of the edition's segments; null when they are too many to count this way. */
  static of(config: EditionConfig, responses: Responses): Tallies | null {
    if (allSegments(config).length > MOST_SEGMENT_BITS) return null;
    const tallies = new Tallies(config, responses);
    return tallies.bits.length <= MOST_PATTERNS ? tallies : null;
  }

  private constructor(
    private readonly config: EditionConfig,
    private readonly responses: Responses,
  ) {
    this.segments = allSegments(config);
    this.segments.forEach((s, k) => {
      this.bitOf.set(s.id, k);
    });
    const memberships = segmentBits(this.segments, responses);
    const patterns = new PatternNumbers();
    this.patternOf = new Uint32Array(responses.count);
    for (let i = 0; i < responses.count; i++) {
      const bits = memberships[i] as number;
      const p = patterns.numberOf(bits);
      if (p === this.bits.length) {
        this.bits.push(bits);
        if (p === MOST_PATTERNS) return;
        this.size.push(0);
      }
      this.patternOf[i] = p;
      this.size[p] = (this.size[p] as number) + 1;
    }
  }

  /** Respondents in the segment. */
  members(segment: Segment): number {
    return this.sum(this.inGroup(segment), this.size);
  }

  choice(column: ChoiceColumn, segment: Segment, question: Question): ChoiceTally {
    const k = column.codes.length;
    const { answered, chose } = this.countChoices(column);
    const inGroup = this.inGroup(segment, question);
    const total = new Array<number>(k).fill(0);
    for (let p = 0; p < this.bits.length; p++) {
      if (!inGroup[p]) continue;
      for (let c = 0; c < k; c++) total[c] = (total[c] as number) + (chose[p * k + c] as number);
    }
    const otherTexts = new Set<string>();
    this.otherTexts(column).forEach((texts, p) => {
      if (inGroup[p]) for (const text of texts) otherTexts.add(text);
    });
    return {
      asked: this.sum(inGroup, this.size),
      answered: this.sum(inGroup, answered),
      chose: total,
      otherTexts,
    };
  }

  scale(column: ScaleColumn, segment: Segment, question: Question): ScaleTally {
    const { min, max } = question as Extract<Question, { type: 'scale' }>;
    const width = max - min + 1;
    const gave = this.countScores(column, min, width);
    const inGroup = this.inGroup(segment, question);
    const { total, answered } = scoresIn(gave, inGroup, min, width);
    const means = this.means(column, question, min, width);
    return {
      asked: this.sum(inGroup, this.size),
      answered,
      gave: total,
      mean: means[this.bitOf.get(segment.id) as number] ?? null,
    };
  }

  text(column: TextColumn, segment: Segment, question: Question): Tally {
    const inGroup = this.inGroup(segment, question);
    return {
      asked: this.sum(inGroup, this.size),
      answered: this.sum(inGroup, this.countTexts(column)),
    };
  }

  private readonly meanStats = new Map<string, (MeanStats | null)[]>();

  /**
   * Every segment's mean of the scale (in `allSegments` order; null where
   * nobody answered): the means first, from the counts per pattern, then
   * every segment's squared deviations in one pass over the column.
   */
  private means(
    column: ScaleColumn,
    question: Question,
    min: number,
    width: number,
  ): (MeanStats | null)[] {
    const known = this.meanStats.get(column.question.id);
    if (known) return known;
    const gave = this.countScores(column, min, width);
    const groups = this.segments.map((segment) => this.inGroup(segment, question));
    const sums = groups.map((inGroup) => scoresIn(gave, inGroup, min, width));
    const mean = Float64Array.from(sums, ({ answered, sum }) => sum / answered);
    const squares = this.squaredDeviations(column, groups, mean);
    const stats = sums.map(({ answered }, g) =>
      answered === 0 ? null : meanFromSums(mean[g] as number, squares[g] as number, answered),
    );
    this.meanStats.set(column.question.id, stats);
    return stats;
  }

  /**
   * Each group's squared deviations from its mean, over its members' scores:
   * each group's summed in export order, as `meanOf` sums them, so the
   * result is the same to the last digit; a response adds to the groups of
   * its pattern only.
   */
  private squaredDeviations(
    column: ScaleColumn,
    groups: readonly Uint8Array[],
    mean: Float64Array,
  ): Float64Array {
    const { first, group } = groupsByPattern(groups, this.bits.length);
    const squares = new Float64Array(groups.length);
    const { values } = column;
    for (let i = 0; i < this.responses.count; i++) {
      const v = values[i] as number;
      if (Number.isNaN(v)) continue;
      const p = this.patternOf[i] as number;
      for (let k = first[p] as number; k < (first[p + 1] as number); k++) {
        const g = group[k] as number;
        squares[g] = (squares[g] as number) + (v - (mean[g] as number)) ** 2;
      }
    }
    return squares;
  }

  /** Which patterns are in the segment (and in the question's `appliesTo` segment). */
  private inGroup(segment: Segment, question?: Question): Uint8Array {
    let mask = 1 << (this.bitOf.get(segment.id) as number);
    if (question?.appliesTo !== undefined) {
      const target = findSegment(this.config, question.appliesTo);
      if (!target) throw new Error(`appliesTo names unknown segment ${question.appliesTo}`);
      mask |= 1 << (this.bitOf.get(target.id) as number);
    }
    return Uint8Array.from(this.bits, (b) => ((b & mask) === mask ? 1 : 0));
  }

  private sum(inGroup: Uint8Array, counts: readonly number[]): number {
    let total = 0;
    for (let p = 0; p < counts.length; p++) if (inGroup[p]) total += counts[p] as number;
    return total;
  }

  private readonly choiceCounts = new Map<string, ChoiceCounts>();

  /** Per pattern: responses that answered, and how many chose each answer (pattern × answer). */
  private countChoices(column: ChoiceColumn): ChoiceCounts {
    const known = this.choiceCounts.get(column.question.id);
    if (known) return known;
    const patterns = this.bits.length;
    // Multiplied, not shifted: a shift by 32 answers or more would wrap around.
    const combinations = column.words === 1 ? patterns * 2 ** column.codes.length : Infinity;
    const counts =
      combinations <= MOST_COMBINATIONS
        ? countByCombination(column, this.patternOf, patterns)
        : countByResponse(column, this.patternOf, patterns);
    this.choiceCounts.set(column.question.id, counts);
    return counts;
  }

  private readonly textCounts = new Map<string, number[]>();

  /** Per pattern: responses that typed something. */
  private countTexts(column: TextColumn): number[] {
    const known = this.textCounts.get(column.question.id);
    if (known) return known;
    const answered = new Array<number>(this.bits.length).fill(0);
    const { lengths } = column;
    for (let i = 0; i < this.responses.count; i++) {
      if (lengths[i] === 0) continue;
      const p = this.patternOf[i] as number;
      answered[p] = (answered[p] as number) + 1;
    }
    this.textCounts.set(column.question.id, answered);
    return answered;
  }

  private readonly others = new Map<string, Set<string>[]>();

  /** Per pattern: the distinct typed "Autre" answers. */
  private otherTexts(column: ChoiceColumn): Set<string>[] {
    const known = this.others.get(column.question.id);
    if (known) return known;
    const texts = this.bits.map(() => new Set<string>());
    // forEach: no entry array per typed answer, as `for…of` over the map makes.
    column.other.forEach((text, i) => {
      texts[this.patternOf[i] as number]?.add(text);
    });
    this.others.set(column.question.id, texts);
    return texts;
  }

  private readonly scoreCounts = new Map<string, Int32Array>();

  /** Per pattern: how many gave each score (pattern × score). */
  private countScores(column: ScaleColumn, min: number, width: number): Int32Array {
    const known = this.scoreCounts.get(column.question.id);
    if (known) return known;
    const gave = new Int32Array(this.bits.length * width);
    const { values } = column;
    for (let i = 0; i < this.responses.count; i++) {
      const v = values[i] as number;
      if (Number.isNaN(v)) continue;
      const at = (this.patternOf[i] as number) * width + (v - min);
      gave[at] = (gave[at] as number) + 1;
    }
    this.scoreCounts.set(column.question.id, gave);
    return gave;
  }
}

/** A group's count of each score, how many answered, and the sum of their scores (whole numbers: exact). */
function scoresIn(
  gave: Int32Array,
  inGroup: Uint8Array,
  min: number,
  width: number,
): { total: number[]; answered: number; sum: number } {
  const total = new Array<number>(width).fill(0);
  let answered = 0;
  let sum = 0;
  for (let p = 0; p < inGroup.length; p++) {
    if (!inGroup[p]) continue;
    for (let v = 0; v < width; v++) {
      const n = gave[p * width + v] as number;
      total[v] = (total[v] as number) + n;
      answered += n;
      sum += n * (min + v);
    }
  }
  return { total, answered, sum };
}

/** The groups each pattern is in: pattern p's are `group[first[p]]` to `group[first[p + 1] - 1]`. */
function groupsByPattern(
  groups: readonly Uint8Array[],
  patterns: number,
): { first: Int32Array; group: Int32Array } {
  const first = new Int32Array(patterns + 1);
  const group: number[] = [];
  for (let p = 0; p < patterns; p++) {
    first[p] = group.length;
    groups.forEach((inGroup, g) => {
      if (inGroup[p]) group.push(g);
    });
  }
  first[patterns] = group.length;
  return { first, group: Int32Array.from(group) };
}

/** `countChoices` response by response, walking each one's chosen answers. */
function countByResponse(
  column: ChoiceColumn,
  patternOf: Uint32Array,
  patterns: number,
): ChoiceCounts {
  const k = column.codes.length;
  const answered = new Array<number>(patterns).fill(0);
  const chose = new Int32Array(patterns * k);
  for (let i = 0; i < patternOf.length; i++) {
    const p = patternOf[i] as number;
    if (column.addChoices(i, chose, p * k)) answered[p] = (answered[p] as number) + 1;
  }
  return { answered, chose };
}

/**
 * `countChoices` for a question of few answers: one increment per response
 * in a table of pattern × combination of answers, then each combination's
 * count spread over its answers, as `tallyChoice` does for one group.
 */
function countByCombination(
  column: ChoiceColumn,
  patternOf: Uint32Array,
  patterns: number,
): ChoiceCounts {
  const k = column.codes.length;
  const { masks } = column;
  const combinations = new Int32Array(patterns << k);
  for (let i = 0; i < patternOf.length; i++) {
    const at = ((patternOf[i] as number) << k) | (masks[i] as number);
    combinations[at] = (combinations[at] as number) + 1;
  }
  const answered = new Array<number>(patterns).fill(0);
  const chose = new Int32Array(patterns * k);
  for (let p = 0; p < patterns; p++) {
    for (let mask = 1; mask < 1 << k; mask++) {
      const n = combinations[(p << k) | mask] as number;
      if (n === 0) continue;
      answered[p] = (answered[p] as number) + n;
      for (let c = 0; c < k; c++)
        if (mask & (1 << c)) chose[p * k + c] = (chose[p * k + c] as number) + n;
    }
  }
  return { answered, chose };
}
