/**
 * Two figures compared as their respondents allow. Which interval is right
 * depends on who the two figures count, so the comparison looks at the
 * respondents behind each figure, not only at the figures:
 *
 *   separate people (two professions)             independent: Newcombe (shares), Welch (means)
 *   the same people (two options of one question) paired: Newcombe's paired method, Student's paired t
 *   a group and a group that contains it          the group against the rest of the containing group
 *   partly the same people                        refused: no interval answers that question
 *
 * A group against a group containing it (radiologues against all users, of
 * whom they are 60 in 96) is not two samples: the difference of the whole
 * and its part has the sign of the difference of the part and the rest, so
 * the rest is what is compared, and the claim says so.
 */
import type { EditionConfig, Question } from '../edition/schema.js';
import type { ChoiceColumn, Responses, ScaleColumn } from '../ingest/columns.js';
import { meanSample, shareSample } from './effective.js';
import type { MeanFigure, ShareFigure } from './figures.js';
import { findSegment, type Group, intersectionSize, Membership } from './segments.js';
import {
  type Interval,
  kish,
  newcombe,
  newcombePaired,
  studentPaired,
  weightedMeanOf,
  welch,
} from './stats.js';

export type ComparisonMethod =
  | 'newcombe'
  | 'welch'
  | 'newcombe-paired'
  | 'student-paired'
  | 'newcombe-rest-of-group'
  | 'welch-rest-of-group'
  | 'same-respondents';

/** An estimate compared: a share (count of base) or a mean (with its spread). */
export type Estimate = (ShareFigure | MeanFigure) & { value: number };

export interface Comparison {
  /** The contrast tested: a − b, or the part against the rest (which has the sign of a − b). */
  difference: number;
  /** Its 95 % interval; null when a side has too few respondents to have one. */
  ci: Interval | null;
  method: ComparisonMethod;
  /** Respondents on each side of the contrast tested. */
  bases: [number, number];
  /** Weighted figures: the effective base (Kish's) of each side, which the interval is computed on. */
  effectiveBases?: [number, number];
  /** A group against a group containing it: the rest that stood for the containing side. */
  rest?: { side: 'a' | 'b'; base: number; value: number };
}

/**
 * The decisions every claim takes from a comparison, the article's wording
 * helpers and the tables' letters alike: ahead or behind only when the whole
 * 95 % interval of the contrast is on one side of 0.
 */
export const isAhead = (c: Comparison): boolean => c.ci !== null && c.ci[0] > 0;
export const isBehind = (c: Comparison): boolean => c.ci !== null && c.ci[1] < 0;
export const noMeasurableDifference = (c: Comparison): boolean =>
  c.ci === null || (c.ci[0] <= 0 && c.ci[1] >= 0);

/** Why two figures cannot be compared by one interval. */
export type Refusal = { refused: 'overlap' | 'same-figure' };

/** What the comparisons need: the respondents behind a figure, and their answers. */
export interface Comparer {
  compare(a: Estimate, b: Estimate): Comparison | Refusal;
}

/** Compares figures from this edition's responses; each pair once (a text is rendered for every output). */
export class ResponseComparer implements Comparer {
  private readonly bases = new Map<string, Group>();
  /**
   * How many respondents two bases share, by the bases themselves: every
   * answer of a question compares the same two groups, and counting their
   * overlap walks both (10⁵ respondents: most of a table's time).
   */
  private readonly shared = new WeakMap<Group, WeakMap<Group, number>>();
  /** Each pair of figures compared, by the figures themselves (an index hands out the same objects). */
  private readonly done = new WeakMap<Estimate, WeakMap<Estimate, Comparison | Refusal>>();

  constructor(
    private readonly config: EditionConfig,
    private readonly responses: Responses,
    /** Who is in each segment, shared with the figures that were counted from it. */
    private readonly membership: Membership = new Membership(config, responses),
    /** Each response's weight when the edition is weighted (analysis/weights.ts): the figures are then weighted. */
    private readonly weights: Float64Array | null = null,
  ) {}

  compare(a: Estimate, b: Estimate): Comparison | Refusal {
    const withA = this.done.get(a) ?? new WeakMap<Estimate, Comparison | Refusal>();
    this.done.set(a, withA);
    const known = withA.get(b);
    if (known) return known;
    const c = this.decide(a, b);
    withA.set(b, c);
    return c;
  }

  private decide(a: Estimate, b: Estimate): Comparison | Refusal {
    if (a.id === b.id) return { refused: 'same-figure' };
    const ga = this.base(a);
    const gb = this.base(b);
    const shared = this.sharedBy(ga, gb);
    const sameMeasure = measureOf(a) === measureOf(b);
    if (shared === 0) return independent(a, b);
    if (shared === ga.length && shared === gb.length) {
      if (sameMeasure)
        return { difference: 0, ci: [0, 0], method: 'same-respondents', bases: [a.base, b.base] };
      return this.paired(a, b, ga);
    }
    if (sameMeasure && (shared === ga.length || shared === gb.length)) {
      const partIsA = ga.length < gb.length;
      const rest =
        this.weights && this.weightedRest(partIsA ? b : a, partIsA ? [ga, gb] : [gb, ga]);
      return againstRest(a, b, partIsA, rest ?? undefined);
    }
    return { refused: 'overlap' };
  }

  private sharedBy(ga: Group, gb: Group): number {
    const withA = this.shared.get(ga) ?? new WeakMap<Group, number>();
    this.shared.set(ga, withA);
    let n = withA.get(gb);
    if (n === undefined) {
      n = intersectionSize(ga, gb);
      withA.set(gb, n);
      if (ga !== gb) this.shared.set(gb, (this.shared.get(gb) ?? new WeakMap()).set(ga, n));
    }
    return n;
  }

  /** The respondents a figure counts: its segment's, asked the question, who answered it. */
  private base(f: Estimate): Group {
    const question = f.question as string;
    const key = `${question}\u0000${f.segment}`;
    let group = this.bases.get(key);
    if (!group) {
      const q = this.config.questions.find((x) => x.id === question);
      const segment = findSegment(this.config, f.segment);
      if (!q || !segment) throw new Error(`figure ${f.id} names no known question and segment`);
      group = answeredIn(this.membership.asked(q, segment), answeredTest(this.responses, q));
      this.bases.set(key, group);
    }
    return group;
  }

  /**
   * A weighted figure's containing group less its part, weighted: the rest
   * cannot be had from the two figures, whose effective bases do not
   * subtract, so it is estimated from its own respondents.
   */
  private weightedRest(whole: Estimate, [part, all]: [Group, Group]): Estimate {
    const weights = this.weights as Float64Array;
    const rest = without(all, part);
    const base = rest.length;
    if (whole.kind === 'share') {
      const chose = this.choseTest(whole);
      let sum = 0;
      let squares = 0;
      let picked = 0;
      let count = 0;
      for (const i of rest) {
        const w = weights[i] as number;
        sum += w;
        squares += w * w;
        if (chose(i)) {
          picked += w;
          count++;
        }
      }
      const value = sum > 0 ? picked / sum : 0;
      return { ...whole, value, count, base, effectiveBase: kish(sum, squares), ci: null };
    }
    const scores = this.scores(whole);
    const m = weightedMeanOf(
      Array.from(rest, (i) => scores[i] as number),
      Array.from(rest, (i) => weights[i] as number),
    );
    return {
      ...(whole as MeanFigure),
      value: m?.mean ?? 0,
      base,
      sd: m?.sd ?? null,
      effectiveBase: m?.effectiveBase ?? 0,
      ci: null,
    };
  }

  /** Two measures on the same respondents: the 2 × 2 table of shares, or each one's two scores. */
  private paired(a: Estimate, b: Estimate, base: Group): Comparison {
    if (this.weights) return this.weightedPaired(a, b, base, this.weights);
    const bases: [number, number] = [a.base, b.base];
    if (a.kind === 'share' && b.kind === 'share') {
      const [x, y] = [this.choseTest(a), this.choseTest(b)];
      const table = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
      for (const i of base) {
        if (x(i) && y(i)) table.both++;
        else if (x(i)) table.onlyA++;
        else if (y(i)) table.onlyB++;
        else table.neither++;
      }
      const d = newcombePaired(table);
      return { difference: a.value - b.value, ci: d?.ci ?? null, method: 'newcombe-paired', bases };
    }
    const va = this.scores(a);
    const vb = this.scores(b);
    const d = studentPaired(Array.from(base, (i) => (va[i] as number) - (vb[i] as number)));
    return { difference: a.value - b.value, ci: d?.ci ?? null, method: 'student-paired', bases };
  }

  /**
   * The same, weighted: the 2 × 2 table of what each pair of answers weighs,
   * scaled to the respondents' effective base; the weighted mean of each
   * respondent's difference of scores, at its effective base.
   */
  private weightedPaired(a: Estimate, b: Estimate, base: Group, weights: Float64Array): Comparison {
    const bases: [number, number] = [a.base, b.base];
    let sum = 0;
    let squares = 0;
    for (const i of base) {
      sum += weights[i] as number;
      squares += (weights[i] as number) ** 2;
    }
    const n = kish(sum, squares);
    const effectiveBases: [number, number] = [n, n];
    if (a.kind === 'share' && b.kind === 'share') {
      const [x, y] = [this.choseTest(a), this.choseTest(b)];
      const table = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
      for (const i of base) {
        const w = ((weights[i] as number) * n) / sum;
        if (x(i) && y(i)) table.both += w;
        else if (x(i)) table.onlyA += w;
        else if (y(i)) table.onlyB += w;
        else table.neither += w;
      }
      const d = newcombePaired(table);
      const method = 'newcombe-paired';
      return { difference: a.value - b.value, ci: d?.ci ?? null, method, bases, effectiveBases };
    }
    const va = this.scores(a);
    const vb = this.scores(b);
    const m = weightedMeanOf(
      Array.from(base, (i) => (va[i] as number) - (vb[i] as number)),
      Array.from(base, (i) => weights[i] as number),
    );
    const ci: Interval | null = m?.sd === 0 ? [m.mean, m.mean] : (m?.ci ?? null);
    return { difference: a.value - b.value, ci, method: 'student-paired', bases, effectiveBases };
  }

  private choseTest(f: ShareFigure): (i: number) => boolean {
    const column = this.responses.columns.get(f.question as string);
    if (column?.kind === 'scale') {
      const score = Number(f.answer);
      return (i) => column.values[i] === score;
    }
    const c = column as ChoiceColumn;
    const k = c.codes.indexOf(f.answer);
    return (i) => c.chose(i, k);
  }

  private scores(f: Estimate): Float64Array {
    return (this.responses.columns.get(f.question as string) as ScaleColumn).values;
  }
}

/**
 * The part against the rest of the group containing it: the rest stands for
 * the whole. Same measure on nested respondents, so the rest is the whole
 * less the part: counts for a share; for a mean, its sum and sum of squares
 * (from each figure's base, mean and spread).
 */
function againstRest(
  a: Estimate,
  b: Estimate,
  partIsA: boolean,
  /** The rest, when it had to be estimated from its respondents (weighted figures). */
  weightedRest?: Estimate,
): Comparison {
  const [part, whole] = partIsA ? [a, b] : [b, a];
  const base = whole.base - part.base;
  let rest: Estimate;
  if (weightedRest) rest = weightedRest;
  else if (whole.kind === 'share' && part.kind === 'share') {
    const count = whole.count - part.count;
    rest = { ...whole, count, base, value: count / base, ci: null };
  } else {
    const sum = (f: Estimate) => f.base * f.value;
    const squares = (f: Estimate) =>
      f.kind === 'mean' ? (f.base - 1) * (f.sd ?? 0) ** 2 + f.base * f.value ** 2 : 0;
    const mean = (sum(whole) - sum(part)) / base;
    const variance =
      base > 1 ? (squares(whole) - squares(part) - base * mean ** 2) / (base - 1) : 0;
    const sd = base > 1 ? Math.sqrt(Math.max(0, variance)) : null;
    rest = { ...(whole as MeanFigure), value: mean, base, sd, ci: null };
  }
  const tested = partIsA ? independent(part, rest) : independent(rest, part);
  return {
    ...tested,
    method: tested.method === 'newcombe' ? 'newcombe-rest-of-group' : 'welch-rest-of-group',
    rest: { side: partIsA ? 'b' : 'a', base, value: rest.value },
  };
}

/**
 * Two separate groups: Newcombe's hybrid score interval, or Welch's; each
 * side at its effective base when the figures are weighted.
 */
function independent(a: Estimate, b: Estimate): Comparison {
  const bases: [number, number] = [a.base, b.base];
  const weighted =
    a.effectiveBase !== undefined && b.effectiveBase !== undefined
      ? { effectiveBases: [a.effectiveBase, b.effectiveBase] as [number, number] }
      : {};
  const difference = a.value - b.value;
  if (a.kind === 'share' && b.kind === 'share') {
    const d = newcombe(shareSample(a), shareSample(b));
    return { difference, ci: d?.ci ?? null, method: 'newcombe', bases, ...weighted };
  }
  const d = welch(
    meanSample(a as MeanFigure & { value: number }),
    meanSample(b as MeanFigure & { value: number }),
  );
  return { difference, ci: d?.ci ?? null, method: 'welch', bases, ...weighted };
}

/** What a figure measures, whatever the group: a question's answer, or its mean. */
function measureOf(f: Estimate): string {
  return f.kind === 'share' ? `${f.question}\u0000${f.answer}` : `${f.question}\u0000mean`;
}

/** The slots of `all` not in `part` (both in export order, `part` within `all`). */
function without(all: Group, part: Group): Group {
  const out = new Uint32Array(all.length - part.length);
  let n = 0;
  for (let i = 0, j = 0; i < all.length; i++) {
    const x = all[i] as number;
    while (j < part.length && (part[j] as number) < x) j++;
    if (j < part.length && part[j] === x) continue;
    out[n++] = x;
  }
  return n === out.length ? out : out.slice(0, n);
}

/** The members of a group who answered (a plain loop: a typed array's `filter` is far slower). */
function answeredIn(members: Group, answered: (i: number) => boolean): Group {
  const out = new Uint32Array(members.length);
  let n = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k] as number;
    if (answered(i)) out[n++] = i;
  }
  return n === out.length ? out : out.slice(0, n);
}

/** Whether respondent `i` answered the question (a blank is no answer). */
function answeredTest(responses: Responses, q: Question): (i: number) => boolean {
  const column = responses.columns.get(q.id);
  if (column?.kind === 'scale') return (i) => !Number.isNaN(column.values[i] as number);
  if (column?.kind === 'choice') return (i) => column.answered(i);
  throw new Error(`question ${q.id} has no shares or means to compare`);
}
