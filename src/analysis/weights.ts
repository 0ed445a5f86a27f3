/**
 * Weights that give the respondents the population's known shape
 * (edition.yaml `weighting:`): raking, or iterative proportional fitting.
 * Each weighting question's answers in turn, every respondent's weight is
 * multiplied so that the weighted shares of that question's answers are the
 * targets, again and again until every target is met; weights outside the
 * bounds are then trimmed to them and the raking starts again, until the
 * weights are both within the bounds and on the targets (or the targets
 * cannot be met, which is said, naming the question and the answer).
 *
 * Respondents who left a weighting question blank are not raked: they keep
 * the weight 1 of an average respondent (the methodology box says how many).
 * The weights of the raked average 1, so a weight reads as "counts for so
 * many average respondents", which is what the bounds limit.
 *
 * Raking never tells apart two respondents who gave the same answers to
 * the weighting questions, so it works on those combinations (cells): a
 * handful of numbers, whatever the number of responses.
 */
import type { Edition } from '../edition/load.js';
import type { EditionConfig } from '../edition/schema.js';
import { InputError } from '../errors.js';
import type { ChoiceColumn, Responses } from '../ingest/columns.js';
import { weighting as say, tasks, where } from '../messages/index.js';
import { kish } from './stats.js';

/** A target is met within 0.1 point (the bar); raking goes on far below it, to the fixed point. */
export const MARGIN_TOLERANCE = 0.001;
/** Raking stops when no share moves by more than this in a sweep over the questions. */
const CONVERGED = 1e-12;
const MAX_SWEEPS = 2000;
/** Rounds of trimming then raking again before the bounds are said too tight. */
const MAX_ROUNDS = 2000;
/** A weight this close to a bound is within it (the raking after a trim moves weights by rounding only). */
const BOUND_SLACK = 1e-9;

/** One target share and how the respondents meet it. */
export interface MarginResult {
  question: string;
  code: string;
  target: number;
  /** Raked respondents who gave the answer. */
  respondents: number;
  /** Their share of the raked respondents, unweighted. */
  sample: number;
  /** Their share once weighted. */
  weighted: number;
}

export interface Weights {
  /** One weight per kept response, in the export's order: 1 for a respondent not raked. */
  weights: Float64Array;
  /** The weighting questions, in the config's order. */
  questions: string[];
  /** Respondents raked: they answered every weighting question. */
  raked: number;
  /** Respondents not raked (a weighting question left blank): weight 1. */
  unraked: number;
  bounds: [number, number];
  /** Respondents whose weight was trimmed to a bound and stayed there. */
  trimmed: number;
  /** Lowest and highest weight given. */
  range: [number, number];
  margins: MarginResult[];
  /** Kish's effective base of every kept respondent, and the design effect n / n*. */
  effectiveBase: number;
  designEffect: number;
}

/** Why the targets cannot be met: the answer of the question it is about, and what to say. */
export interface WeightingProblem {
  question: string;
  code: string;
  said: { expected: string; found: string; fix: string };
}

export type Raking = { ok: true; weights: Weights } | { ok: false; problems: WeightingProblem[] };

/** A weighting question as raking sees it: its targets, and each respondent's answer. */
interface Variable {
  question: string;
  codes: readonly string[];
  /** Target share of each code, summing to 1. */
  targets: number[];
}

/** The respondents grouped by their answers to the weighting questions. */
interface Cells {
  /** Respondents in each cell. */
  size: Float64Array;
  /** The answer (code index) of each cell, question by question: `answer[cell * vars + v]`. */
  answer: Int32Array;
  /** Each response's cell; −1: not raked. */
  of: Int32Array;
  raked: number;
}

/**
 * The weights the edition asks for, or null when it asks for none
 * (no `weighting:`, or `apply: false`). The config is checked first
 * (edition/references.ts): every question closed with one answer, every
 * code's target given, the targets summing to 1 within 0.1 point.
 */
export function rake(config: EditionConfig, responses: Responses): Raking | null {
  const weighting = config.weighting;
  if (!weighting?.apply) return null;
  const variables = Object.entries(weighting.margins).map(([question, shares]) =>
    variableOf(question, shares, responses),
  );
  const cells = cellsOf(variables, responses);
  const empty = emptyTargets(variables, cells);
  if (empty.length > 0) return { ok: false, problems: empty };
  const bounds = weighting.bounds;
  const fitted = rakeWithinBounds(variables, cells, bounds);
  if ('problem' in fitted) return { ok: false, problems: [fitted.problem] };
  return { ok: true, weights: summary(variables, cells, fitted, bounds) };
}

/**
 * The edition's weights, or null when it asks for none; targets the
 * respondents cannot meet stop the run, each said at its key in the config.
 */
export function weighEdition(edition: Edition, responses: Responses): Weights | null {
  const raking = rake(edition.config, responses);
  if (raking === null || raking.ok) return raking?.weights ?? null;
  throw new InputError(
    tasks.weighResponses,
    raking.problems.map((p) => {
      const path = ['weighting', 'margins', p.question, p.code];
      return {
        file: edition.configFile,
        ...edition.locate(path),
        where: where.key(path.join(' › ')),
        ...p.said,
      };
    }),
  );
}

function variableOf(
  question: string,
  shares: Record<string, number>,
  responses: Responses,
): Variable {
  const column = responses.columns.get(question) as ChoiceColumn;
  const given = column.codes.map((c) => shares[c] ?? 0);
  const total = given.reduce((a, b) => a + b, 0);
  // Targets summing to 1 within 0.1 point (the config's check) are made to sum to 1 exactly.
  return { question, codes: column.codes, targets: given.map((t) => t / total) };
}

/** Each raked response's cell, from its answer to every weighting question. */
function cellsOf(variables: Variable[], responses: Responses): Cells {
  const columns = variables.map((v) => responses.columns.get(v.question) as ChoiceColumn);
  const of = new Int32Array(responses.count).fill(-1);
  // A cell is named by its answers read as the digits of one number (or of a text, past 2⁵³ cells).
  const cells = variables.reduce((n, v) => n * v.codes.length, 1);
  const index = new Map<number | string, number>();
  const size: number[] = [];
  const answer: number[] = [];
  const answers = new Int32Array(variables.length);
  let raked = 0;
  for (let i = 0; i < responses.count; i++) {
    let key = 0;
    let blank = false;
    for (let v = 0; v < columns.length && !blank; v++) {
      const k = answerOf(columns[v] as ChoiceColumn, i);
      answers[v] = k;
      blank = k < 0;
      key = key * (variables[v] as Variable).codes.length + k;
    }
    if (blank) continue;
    const name = cells <= Number.MAX_SAFE_INTEGER ? key : answers.join(',');
    let cell = index.get(name);
    if (cell === undefined) {
      cell = size.length;
      index.set(name, cell);
      size.push(0);
      answer.push(...answers);
    }
    size[cell] = (size[cell] as number) + 1;
    of[i] = cell;
    raked++;
  }
  return { size: Float64Array.from(size), answer: Int32Array.from(answer), of, raked };
}

/** The code index a response gave to a question with one answer; −1 when left blank. */
function answerOf(column: ChoiceColumn, i: number): number {
  for (let w = 0; w < column.words; w++) {
    const mask = column.masks[i * column.words + w] as number;
    if (mask !== 0) return w * 32 + (31 - Math.clz32(mask & -mask));
  }
  return -1;
}

/** A target no respondent can carry, or respondents a target of 0 would have to weigh nothing. */
function emptyTargets(variables: Variable[], cells: Cells): WeightingProblem[] {
  return variables.flatMap((v, at) => {
    const counts = categoryTotals(v, at, variables.length, cells, null);
    return v.codes.flatMap((code, k) => {
      const n = counts[k] as number;
      const target = v.targets[k] as number;
      if (target > 0 && n === 0)
        return [{ question: v.question, code, said: say.noRespondent(v.question, code, target) }];
      if (target === 0 && n > 0)
        return [{ question: v.question, code, said: say.zeroTarget(v.question, code, n) }];
      return [];
    });
  });
}

/**
 * What each answer of variable `at` (of `count`) weighs over the cells, a
 * cell's respondents weighing `weight[cell]` each; null: respondents counted.
 */
function categoryTotals(
  v: Variable,
  at: number,
  count: number,
  cells: Cells,
  weight: Float64Array | null,
): Float64Array {
  const totals = new Float64Array(v.codes.length);
  for (let c = 0; c < cells.size.length; c++) {
    const k = cells.answer[c * count + at] as number;
    const each = weight ? (weight[c] as number) : 1;
    totals[k] = (totals[k] as number) + (cells.size[c] as number) * each;
  }
  return totals;
}

/**
 * Rake, trim to the bounds, rake again, until the raked weights are within
 * the bounds: each cell's weight per respondent. A problem when the targets
 * are out of reach, or out of reach within the bounds.
 */
function rakeWithinBounds(
  variables: Variable[],
  cells: Cells,
  bounds: [number, number],
): { weight: Float64Array; trimmedCells: Set<number> } | { problem: WeightingProblem } {
  const weight = new Float64Array(cells.size.length).fill(1);
  const [low, high] = bounds;
  const trimmedCells = new Set<number>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    rakeCells(variables, cells, weight);
    const missed = worstMargin(variables, cells, weight);
    // Missed from the start, the targets contradict each other; after a trim, the bounds are to blame.
    if (missed.error > MARGIN_TOLERANCE)
      return {
        problem: round === 0 ? cannotMeet(missed) : tooTight(variables, cells, weight, bounds),
      };
    const outside = outsideBounds(weight, bounds);
    if (outside.length === 0) return { weight, trimmedCells };
    if (round === MAX_ROUNDS - 1) break;
    for (const c of outside) {
      weight[c] = Math.min(high, Math.max(low, weight[c] as number));
      trimmedCells.add(c);
    }
  }
  return { problem: tooTight(variables, cells, weight, bounds) };
}

/** The cells whose weight is outside the bounds. */
function outsideBounds(weight: Float64Array, [low, high]: [number, number]): number[] {
  const out: number[] = [];
  for (let c = 0; c < weight.length; c++) {
    const w = weight[c] as number;
    if (w < low - BOUND_SLACK || w > high + BOUND_SLACK) out.push(c);
  }
  return out;
}

/** Iterative proportional fitting of the cells' weights to every variable's targets, in place. */
function rakeCells(variables: Variable[], cells: Cells, weight: Float64Array): void {
  const total = cells.raked;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let moved = 0;
    for (const [at, v] of variables.entries()) {
      const sums = categoryTotals(v, at, variables.length, cells, weight);
      const factor = v.targets.map((t, k) => {
        const s = sums[k] as number;
        moved = Math.max(moved, Math.abs(s / total - t));
        return s > 0 ? (t * total) / s : 1;
      });
      for (let c = 0; c < weight.length; c++)
        weight[c] =
          (weight[c] as number) *
          (factor[cells.answer[c * variables.length + at] as number] as number);
    }
    if (moved < CONVERGED) return;
  }
}

interface Missed {
  variable: Variable;
  k: number;
  error: number;
  reached: number;
}

/** The target the weights miss most, and by how much. */
function worstMargin(variables: Variable[], cells: Cells, weight: Float64Array): Missed {
  let worst: Missed = { variable: variables[0] as Variable, k: 0, error: 0, reached: 0 };
  for (const [at, v] of variables.entries()) {
    const sums = categoryTotals(v, at, variables.length, cells, weight);
    for (const [k, t] of v.targets.entries()) {
      const reached = (sums[k] as number) / cells.raked;
      const error = Math.abs(reached - t);
      if (error > worst.error) worst = { variable: v, k, error, reached };
    }
  }
  return worst;
}

function cannotMeet({ variable, k, reached }: Missed): WeightingProblem {
  const code = variable.codes[k] as string;
  return {
    question: variable.question,
    code,
    said: say.cannotMeet(variable.question, code, variable.targets[k] as number, reached),
  };
}

/**
 * The bounds are too tight: the raked weight furthest outside them, and of
 * the answers of its respondents, the one whose target is furthest from its
 * share of the respondents (what asks for that weight).
 */
function tooTight(
  variables: Variable[],
  cells: Cells,
  weight: Float64Array,
  bounds: [number, number],
): WeightingProblem {
  const excess = (w: number) => Math.max(bounds[0] / w, w / bounds[1]);
  let cell = 0;
  for (let c = 1; c < weight.length; c++)
    if (excess(weight[c] as number) > excess(weight[cell] as number)) cell = c;
  let worst = { variable: variables[0] as Variable, k: 0, sample: 0, pull: 0 };
  for (const [at, v] of variables.entries()) {
    const k = cells.answer[cell * variables.length + at] as number;
    const sample =
      (categoryTotals(v, at, variables.length, cells, null)[k] as number) / cells.raked;
    const target = v.targets[k] as number;
    const pull = Math.abs(Math.log(target / sample));
    if (pull > worst.pull) worst = { variable: v, k, sample, pull };
  }
  const { variable, k, sample } = worst;
  const code = variable.codes[k] as string;
  const target = variable.targets[k] as number;
  const needed = weight[cell] as number;
  return {
    question: variable.question,
    code,
    said: say.boundsTooTight(variable.question, code, target, sample, needed, bounds),
  };
}

/** The weights per response, and what the methodology box and figures.json say of them. */
function summary(
  variables: Variable[],
  cells: Cells,
  { weight, trimmedCells }: { weight: Float64Array; trimmedCells: Set<number> },
  bounds: [number, number],
): Weights {
  const weights = new Float64Array(cells.of.length);
  let trimmed = 0;
  for (let i = 0; i < weights.length; i++) {
    const c = cells.of[i] as number;
    weights[i] = c < 0 ? 1 : (weight[c] as number);
    if (c >= 0 && trimmedCells.has(c) && atBound(weight[c] as number, bounds)) trimmed++;
  }
  let sum = 0;
  let squares = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const w of weights) {
    sum += w;
    squares += w * w;
    low = Math.min(low, w);
    high = Math.max(high, w);
  }
  const effectiveBase = kish(sum, squares);
  return {
    weights,
    questions: variables.map((v) => v.question),
    raked: cells.raked,
    unraked: weights.length - cells.raked,
    bounds,
    trimmed,
    range: weights.length > 0 ? [low, high] : [1, 1],
    margins: margins(variables, cells, weight),
    effectiveBase,
    designEffect: effectiveBase > 0 ? weights.length / effectiveBase : 1,
  };
}

function atBound(w: number, [low, high]: [number, number]): boolean {
  return Math.abs(w - low) <= BOUND_SLACK || Math.abs(w - high) <= BOUND_SLACK;
}

function margins(variables: Variable[], cells: Cells, weight: Float64Array): MarginResult[] {
  return variables.flatMap((v, at) => {
    const counts = categoryTotals(v, at, variables.length, cells, null);
    const sums = categoryTotals(v, at, variables.length, cells, weight);
    return v.codes.map((code, k) => ({
      question: v.question,
      code,
      target: v.targets[k] as number,
      respondents: counts[k] as number,
      sample: cells.raked > 0 ? (counts[k] as number) / cells.raked : 0,
      weighted: cells.raked > 0 ? (sums[k] as number) / cells.raked : 0,
    }));
  });
}
