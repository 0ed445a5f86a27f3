/**
 * One question counted within one group of responses, in one pass over its
 * column. The base of a share is always the group's respondents to whom the
 * question applies and who answered it: a blank is non-response, never a "no".
 */
import type { ChoiceColumn, ScaleColumn, TextColumn } from '../ingest/columns.js';
import type { Group } from './segments.js';
import {
  type Interval,
  kish,
  type MeanStats,
  meanOf,
  weightedMeanOf,
  wilson,
  wilsonAt,
} from './stats.js';

export interface Share {
  count: number;
  base: number;
  /** count / base; null when nobody answered. */
  value: number | null;
  ci: Interval | null;
}

export function share(count: number, base: number): Share {
  return { count, base, value: base > 0 ? count / base : null, ci: wilson(count, base) };
}

/** A weighted share: `value` and `ci` from the weights, `count` and `base` the respondents. */
export interface WeightedShare extends Share {
  /** Kish's effective base of those who answered: the interval's base. */
  effectiveBase: number;
  /** base / effectiveBase: how much the weights cost in precision. */
  designEffect: number;
}

/** Answers to one question within a group, weighted. */
export interface WeightedTally {
  /** What the respondents giving each answer weigh (the column's codes, or a scale's scores, in order). */
  chose: number[];
  /** What those who answered weigh. */
  total: number;
  /** Kish's effective base of those who answered: (Σw)² / Σw². */
  effectiveBase: number;
}

/** An answer's weighted share: its weight over the answering respondents', Wilson at their effective base. */
export function weightedShare(
  count: number,
  base: number,
  weight: number,
  tally: WeightedTally,
): WeightedShare {
  const value = tally.total > 0 ? weight / tally.total : null;
  const n = tally.effectiveBase;
  return {
    count,
    base,
    value,
    ci: value === null ? null : wilsonAt(value, n),
    effectiveBase: n,
    designEffect: n > 0 ? base / n : 1,
  };
}

export interface Tally {
  /** Members of the group asked the question. */
  asked: number;
  /** Of them, those who answered. */
  answered: number;
}

export interface ChoiceTally extends Tally {
  /** How many chose each answer (the column's codes, in order); a multiple choice may sum past `answered`. */
  chose: number[];
  /** The distinct typed "Autre" answers. */
  otherTexts: Set<string>;
}

export function tallyChoice(column: ChoiceColumn, group: Group): ChoiceTally {
  const { masks, words, codes } = column;
  const chose = new Array<number>(codes.length).fill(0);
  let answered = 0;
  if (words === 1 && codes.length <= 16) {
    // Few answers: count each combination of answers in one pass, then spread the counts over the answers.
    const combinations = new Int32Array(1 << codes.length);
    for (let g = 0; g < group.length; g++) {
      const mask = masks[group[g] as number] as number;
      combinations[mask] = (combinations[mask] as number) + 1;
    }
    for (let mask = 1; mask < combinations.length; mask++) {
      const n = combinations[mask] as number;
      if (n === 0) continue;
      answered += n;
      for (let k = 0; k < codes.length; k++)
        if (mask & (1 << k)) chose[k] = (chose[k] as number) + n;
    }
  } else {
    for (let g = 0; g < group.length; g++)
      if (column.addChoices(group[g] as number, chose, 0)) answered++;
  }
  // Typed answers are few: look each one's slot up in the group rather than walk the group.
  const otherTexts = new Set<string>();
  for (const [i, text] of column.other) if (includes(group, i)) otherTexts.add(text);
  return { asked: group.length, answered, chose, otherTexts };
}

export interface ScaleTally extends Tally {
  /** How many gave each score, from the scale's min to its max. */
  gave: number[];
  mean: MeanStats | null;
}

export function tallyScale(column: ScaleColumn, group: Group): ScaleTally {
  const { min, max } = column.question;
  const gave = new Array<number>(max - min + 1).fill(0);
  const values: number[] = [];
  for (const i of group) {
    const v = column.values[i] as number;
    if (Number.isNaN(v)) continue;
    gave[v - min] = (gave[v - min] as number) + 1;
    values.push(v);
  }
  // The mean and deviation from the scores in export order: the same sums, to the last digit, as ever.
  return { asked: group.length, answered: values.length, gave, mean: meanOf(values) };
}

/** What each answer of a closed question weighs within the group, and the answering respondents' effective base. */
export function weighChoice(
  column: ChoiceColumn,
  group: Group,
  weights: Float64Array,
): WeightedTally {
  const { words, codes } = column;
  const chose = new Array<number>(codes.length).fill(0);
  let total = 0;
  let squares = 0;
  for (let g = 0; g < group.length; g++) {
    const i = group[g] as number;
    const w = weights[i] as number;
    let any = false;
    for (let v = 0; v < words; v++) {
      let mask = column.masks[i * words + v] as number;
      if (mask !== 0) any = true;
      while (mask !== 0) {
        const k = 31 - Math.clz32(mask & -mask);
        chose[v * 32 + k] = (chose[v * 32 + k] as number) + w;
        mask &= mask - 1;
      }
    }
    if (!any) continue;
    total += w;
    squares += w * w;
  }
  return { chose, total, effectiveBase: kish(total, squares) };
}

/** What each score of a scale weighs within the group, and the weighted mean with its interval. */
export function weighScale(
  column: ScaleColumn,
  group: Group,
  weights: Float64Array,
): WeightedTally & { mean: (MeanStats & { effectiveBase: number }) | null } {
  const { min, max } = column.question;
  const chose = new Array<number>(max - min + 1).fill(0);
  const values: number[] = [];
  const given: number[] = [];
  let squares = 0;
  for (const i of group) {
    const v = column.values[i] as number;
    if (Number.isNaN(v)) continue;
    const w = weights[i] as number;
    chose[v - min] = (chose[v - min] as number) + w;
    values.push(v);
    given.push(w);
    squares += w * w;
  }
  const total = given.reduce((a, w) => a + w, 0);
  return {
    chose,
    total,
    effectiveBase: kish(total, squares),
    mean: weightedMeanOf(values, given),
  };
}

export function tallyText(column: TextColumn, group: Group): Tally {
  const { lengths } = column;
  let answered = 0;
  for (let g = 0; g < group.length; g++) if (lengths[group[g] as number] !== 0) answered++;
  return { asked: group.length, answered };
}

/** Binary search: is slot `i` in the group (slots in ascending order)? */
function includes(group: Group, i: number): boolean {
  let lo = 0;
  let hi = group.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = group[mid] as number;
    if (x === i) return true;
    if (x < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
