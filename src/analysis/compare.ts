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
import type { MeanFigure, ShareFigure } from './figures.js';
import { findSegment, type Group, Membership } from './segments.js';
import { type Interval, meanOf, newcombe, newcombePaired, studentPaired, welch } from './stats.js';

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
  /** A group against a group containing it: the rest that stood for the containing side. */
  rest?: { side: 'a' | 'b'; base: number; value: number };
}

/** Why two figures cannot be compared by one interval. */
export type Refusal = { refused: 'overlap' | 'same-figure' };

/** What the comparisons need: the respondents behind a figure, and their answers. */
export interface Comparer {
  compare(a: Estimate, b: Estimate): Comparison | Refusal;
}

/** Compares figures from this edition's responses. */
export class ResponseComparer implements Comparer {
  private readonly membership: Membership;
  private readonly bases = new Map<string, Group>();

  constructor(
    private readonly config: EditionConfig,
    private readonly responses: Responses,
  ) {
    this.membership = new Membership(config, responses);
  }

  compare(a: Estimate, b: Estimate): Comparison | Refusal {
    if (a.id === b.id) return { refused: 'same-figure' };
    const ga = this.base(a);
    const gb = this.base(b);
    const shared = intersectionSize(ga, gb);
    const sameMeasure = measureOf(a) === measureOf(b);
    if (shared === 0) return independent(a, b);
    if (shared === ga.length && shared === gb.length) {
      if (sameMeasure)
        return { difference: 0, ci: [0, 0], method: 'same-respondents', bases: [a.base, b.base] };
      return this.paired(a, b, ga);
    }
    if (sameMeasure && (shared === ga.length || shared === gb.length))
      return this.againstRest(a, b, ga, gb);
    return { refused: 'overlap' };
  }

  /** The respondents a figure counts: its segment's, asked the question, who answered it. */
  private base(f: Estimate): Group {
    const question = f.question as string;
    const key = `${question}\u0000${f.segment}`;
    let group = this.bases.get(key);
    if (!group) {
      const q = this.question(question);
      const segment = findSegment(this.config, f.segment);
      if (!segment) throw new Error(`figure ${f.id} names unknown segment ${f.segment}`);
      const asked = this.membership.asked(q, segment);
      const answered = answeredTest(this.responses, q);
      group = asked.filter((i) => answered(i));
      this.bases.set(key, group);
    }
    return group;
  }

  private question(id: string): Question {
    const q = this.config.questions.find((x) => x.id === id);
    if (!q) throw new Error(`no question ${id}`);
    return q;
  }

  /** Two measures on the same respondents: the 2 × 2 table of shares, or each one's two scores. */
  private paired(a: Estimate, b: Estimate, base: Group): Comparison | Refusal {
    const bases: [number, number] = [a.base, b.base];
    if (a.kind === 'share' && b.kind === 'share') {
      const chose = [this.choseTest(a), this.choseTest(b)] as const;
      const table = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
      for (const i of base) {
        const x = chose[0](i);
        const y = chose[1](i);
        if (x && y) table.both++;
        else if (x) table.onlyA++;
        else if (y) table.onlyB++;
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

  /** The part against the rest of the group containing it: the rest stands for the whole. */
  private againstRest(a: Estimate, b: Estimate, ga: Group, gb: Group): Comparison {
    const partIsA = ga.length < gb.length;
    const [part, whole] = partIsA ? [a, b] : [b, a];
    const restGroup = difference(partIsA ? gb : ga, partIsA ? ga : gb);
    let rest: Estimate;
    if (whole.kind === 'share') {
      const count = whole.count - (part as ShareFigure).count;
      const base = whole.base - part.base;
      rest = { ...whole, count, base, value: count / base, ci: null };
    } else {
      const values = this.scores(whole);
      const m = meanOf(Array.from(restGroup, (i) => values[i] as number));
      rest = { ...whole, value: m?.mean ?? 0, base: restGroup.length, sd: m?.sd ?? null, ci: null };
    }
    const tested = partIsA ? independent(part, rest) : independent(rest, part);
    return {
      ...tested,
      method: tested.method === 'newcombe' ? 'newcombe-rest-of-group' : 'welch-rest-of-group',
      rest: { side: partIsA ? 'b' : 'a', base: rest.base, value: rest.value },
    };
  }

  private choseTest(f: ShareFigure): (i: number) => boolean {
    const column = this.responses.columns.get(f.question as string);
    if (column?.kind === 'scale') {
      const score = Number(f.answer);
      return (i) => column.values[i] === score;
    }
    const c = column as ChoiceColumn;
    const k = c.codes.indexOf(f.answer);
    const word = k >>> 5;
    const bit = 1 << (k & 31);
    return (i) => ((c.masks[i * c.words + word] as number) & bit) !== 0;
  }

  private scores(f: Estimate): Float64Array {
    return (this.responses.columns.get(f.question as string) as ScaleColumn).values;
  }
}

/** Two separate groups: Newcombe's hybrid score interval, or Welch's. */
function independent(a: Estimate, b: Estimate): Comparison {
  const bases: [number, number] = [a.base, b.base];
  if (a.kind === 'share' && b.kind === 'share') {
    const d = newcombe(a, b);
    return { difference: a.value - b.value, ci: d?.ci ?? null, method: 'newcombe', bases };
  }
  const d = welch({ ...(a as MeanFigure), mean: a.value }, { ...(b as MeanFigure), mean: b.value });
  return { difference: a.value - b.value, ci: d?.ci ?? null, method: 'welch', bases };
}

/** What a figure measures, whatever the group: a question's answer, or its mean. */
function measureOf(f: Estimate): string {
  return f.kind === 'share' ? `${f.question}\u0000${f.answer}` : `${f.question}\u0000mean`;
}

/** Whether respondent `i` answered the question (a blank is no answer). */
function answeredTest(responses: Responses, q: Question): (i: number) => boolean {
  const column = responses.columns.get(q.id);
  if (column?.kind === 'scale') return (i) => !Number.isNaN(column.values[i] as number);
  if (column?.kind === 'choice') {
    const { masks, words } = column;
    return (i) => {
      for (let w = 0; w < words; w++) if ((masks[i * words + w] as number) !== 0) return true;
      return false;
    };
  }
  throw new Error(`question ${q.id} has no shares or means to compare`);
}

/** How many slots two groups share (both in ascending order). */
function intersectionSize(a: Group, b: Group): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) n++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return n;
}

/** The slots of `whole` not in `part` (both in ascending order, part within whole). */
function difference(whole: Group, part: Group): Group {
  const out = new Uint32Array(whole.length - part.length);
  let n = 0;
  let j = 0;
  for (const x of whole) {
    while (j < part.length && (part[j] as number) < x) j++;
    if (j < part.length && part[j] === x) continue;
    out[n++] = x;
  }
  return out;
}
