/** Small statistics, pure and exact about their edge cases (empty base, base of one). */

export type Interval = [number, number];

/**
 * Wilson score interval for a proportion (95 % by default). Unlike the
 * textbook p ± 1.96·se it stays inside [0, 1] and behaves at 0 %, 100 % and
 * small bases, which survey segments often are. Null when the base is 0.
 */
export function wilson(count: number, base: number, z = 1.959963984540054): Interval | null {
  if (base <= 0) return null;
  const p = count / base;
  const z2 = z * z;
  const centre = (p + z2 / (2 * base)) / (1 + z2 / base);
  const half = (z * Math.sqrt((p * (1 - p)) / base + z2 / (4 * base * base))) / (1 + z2 / base);
  // At 0 % and 100 % the bound is exactly 0 or 1; float rounding would leave 0.9999….
  return [
    count === 0 ? 0 : Math.max(0, centre - half),
    count === base ? 1 : Math.min(1, centre + half),
  ];
}

/**
 * Wilson's interval of a proportion `p` estimated on an effective base `n`
 * (Kish's, for weighted respondents: not a whole number), at 95 %. The same
 * formula as `wilson`, from the proportion rather than a count. Null when
 * the base is 0.
 */
export function wilsonAt(p: number, n: number, z = 1.959963984540054): Interval | null {
  if (!(n > 0)) return null;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [p === 0 ? 0 : Math.max(0, centre - half), p === 1 ? 1 : Math.min(1, centre + half)];
}

/** Kish's effective base of weights summing to `sum` whose squares sum to `squares`: (Σw)² / Σw². */
export function kish(sum: number, squares: number): number {
  return squares > 0 ? (sum * sum) / squares : 0;
}

export interface MeanStats {
  mean: number;
  base: number;
  /** Sample standard deviation; null below two values. */
  sd: number | null;
  /** Student's 95 % interval of the mean (t at n − 1 degrees of freedom); null below two values. */
  ci: Interval | null;
}

export function meanOf(values: readonly number[]): MeanStats | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  return meanFromSums(mean, n < 2 ? 0 : values.reduce((a, v) => a + (v - mean) ** 2, 0), n);
}

/** A mean of `n` values, from the sum of their squared deviations from it. */
export function meanFromSums(mean: number, squares: number, n: number): MeanStats {
  if (n < 2) return { mean, base: n, sd: null, ci: null };
  const sd = Math.sqrt(squares / (n - 1));
  return { mean, base: n, sd, ci: studentInterval(mean, sd, n) };
}

/**
 * The weighted mean of `values`, with `base` the number of values and the
 * interval from Kish's effective base n* = (Σw)² / Σw²: the spread is the
 * weighted deviation, corrected by n* / (n* − 1), and Student's t is taken
 * at n* − 1 degrees of freedom. With every weight 1 it is `meanOf`'s.
 * Null when there is no value; no spread nor interval when n* is not above 1.
 */
export function weightedMeanOf(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
): (MeanStats & { effectiveBase: number }) | null {
  const n = values.length;
  let sum = 0;
  let squares = 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const w = weights[k] as number;
    sum += w;
    squares += w * w;
    total += w * (values[k] as number);
  }
  if (n === 0 || sum <= 0) return null;
  const mean = total / sum;
  const effectiveBase = kish(sum, squares);
  if (!(effectiveBase > 1)) return { mean, base: n, sd: null, ci: null, effectiveBase };
  let deviations = 0;
  for (let k = 0; k < n; k++)
    deviations += (weights[k] as number) * ((values[k] as number) - mean) ** 2;
  const sd = Math.sqrt(((deviations / sum) * effectiveBase) / (effectiveBase - 1));
  return { mean, base: n, sd, ci: studentInterval(mean, sd, effectiveBase), effectiveBase };
}

/**
 * The 95 % interval of a mean from `n` values: Student's t at n − 1 degrees
 * of freedom, not the normal 1.96, which is too narrow on the small groups
 * a survey's segments often are (17 % too narrow on 8 respondents).
 */
function studentInterval(mean: number, sd: number, n: number): Interval {
  const half = (studentQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return [mean - half, mean + half];
}

/**
 * Difference of two independent proportions, a − b, with Newcombe's hybrid
 * score interval (his method 10, 1998): built from the two Wilson intervals,
 * no continuity correction. It stays inside [−1, 1] and keeps its coverage
 * at small bases and near 0 or 100 %, where the textbook Wald interval fails.
 */
export function newcombe(
  a: { count: number; base: number },
  b: { count: number; base: number },
): { difference: number; ci: Interval } | null {
  const wa = wilson(a.count, a.base);
  const wb = wilson(b.count, b.base);
  if (!wa || !wb) return null;
  const pa = a.count / a.base;
  const pb = b.count / b.base;
  const d = pa - pb;
  return {
    difference: d,
    ci: [
      d - Math.sqrt((pa - wa[0]) ** 2 + (wb[1] - pb) ** 2),
      d + Math.sqrt((wa[1] - pa) ** 2 + (pb - wb[0]) ** 2),
    ],
  };
}

/**
 * Difference of two proportions measured on the same respondents, a − b
 * (two options of one question, or two questions, among the same people),
 * from their 2 × 2 table: `both` chose a and b, `onlyA`, `onlyB`, `neither`.
 * Newcombe's square-and-add interval for paired data (his method 10, 1998,
 * Statistics in Medicine 17:2635–2650): the two Wilson intervals combined
 * with the correlation of the pairs, corrected as he gives it (a positive
 * ad − bc is reduced by n / 2). Treating the two as independent would
 * ignore that the same people answered both. Null when the base is 0.
 */
export function newcombePaired(t: {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}): { difference: number; ci: Interval } | null {
  const n = t.both + t.onlyA + t.onlyB + t.neither;
  const a = t.both + t.onlyA;
  const b = t.both + t.onlyB;
  const wa = wilson(a, n);
  const wb = wilson(b, n);
  if (!wa || !wb) return null;
  const pa = a / n;
  const pb = b / n;
  const margins = a * (n - a) * b * (n - b);
  const ad = t.both * t.neither - t.onlyA * t.onlyB;
  // Newcombe's correction: a positive ad − bc counts for n / 2 less (none at all below that).
  const corrected = ad > 0 ? Math.max(0, ad - n / 2) : ad;
  const phi = margins === 0 ? 0 : corrected / Math.sqrt(margins);
  const d = pa - pb;
  const [la, ua] = [pa - wa[0], wa[1] - pa];
  const [lb, ub] = [pb - wb[0], wb[1] - pb];
  return {
    difference: d,
    ci: [
      d - Math.sqrt(Math.max(0, la * la - 2 * phi * la * ub + ub * ub)),
      d + Math.sqrt(Math.max(0, ua * ua - 2 * phi * ua * lb + lb * lb)),
    ],
  };
}

/**
 * Difference of two means measured on the same respondents (two scores each
 * gave), from their differences: Student's interval of the mean difference.
 * Null below two respondents.
 */
export function studentPaired(
  differences: readonly number[],
): { difference: number; ci: Interval } | null {
  const m = meanOf(differences);
  if (!m || m.sd === null) return null;
  if (m.sd === 0) return { difference: m.mean, ci: [m.mean, m.mean] };
  return { difference: m.mean, ci: m.ci as Interval };
}

/**
 * Difference of two independent means, a − b, with Welch's interval: each
 * group keeps its own variance, and the Student quantile is taken at the
 * Welch–Satterthwaite degrees of freedom. Null when a group has fewer than
 * two values (no variance to speak of).
 */
export function welch(
  a: { mean: number; sd: number | null; base: number },
  b: { mean: number; sd: number | null; base: number },
): { difference: number; ci: Interval; df: number } | null {
  if (a.sd === null || b.sd === null || a.base < 2 || b.base < 2) return null;
  const d = a.mean - b.mean;
  const va = (a.sd * a.sd) / a.base;
  const vb = (b.sd * b.sd) / b.base;
  const se = Math.sqrt(va + vb);
  // Both groups gave one score each: no spread, the difference is what it is.
  if (se === 0) return { difference: d, ci: [d, d], df: a.base + b.base - 2 };
  const df = (va + vb) ** 2 / (va ** 2 / (a.base - 1) + vb ** 2 / (b.base - 1));
  const half = studentQuantile(0.975, df) * se;
  return { difference: d, ci: [d - half, d + half], df };
}

/**
 * The p-quantile of Student's t distribution with `df` degrees of freedom
 * (any real df > 0, as Welch's are), by bisection on its distribution
 * function; exact to about 1e-12. Written here because the libraries that
 * have it bring hundreds of packages for this one function.
 */
export function studentQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (studentCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-13 * high; i++) {
    const mid = (low + high) / 2;
    if (studentCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** P(T ≤ t) for t ≥ 0, through the regularised incomplete beta function. */
function studentCdf(t: number, df: number): number {
  return 1 - 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Regularised incomplete beta I_x(a, b), by its continued fraction (Lentz's method). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  // The fraction converges fast only below this point; above it, use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let f = d;
  for (let m = 1; m <= 300; m++) {
    for (const even of [true, false]) {
      const n = even
        ? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
        : -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
      d = 1 + n * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + n / c;
      if (Math.abs(c) < tiny) c = tiny;
      f *= c * d;
      if (!even && Math.abs(c * d - 1) < 1e-15) return (front * f) / a;
    }
  }
  return (front * f) / a;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  const z = x - 1;
  let s = c[0] as number;
  for (let i = 1; i < g + 2; i++) s += (c[i] as number) / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}
