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

export interface MeanStats {
  mean: number;
  base: number;
  /** Sample standard deviation; null below two values. */
  sd: number | null;
  /** Normal-approximation 95 % interval of the mean; null below two values. */
  ci: Interval | null;
}

export function meanOf(values: readonly number[]): MeanStats | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, base: n, sd: null, ci: null };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = (1.959963984540054 * sd) / Math.sqrt(n);
  return { mean, base: n, sd, ci: [mean - half, mean + half] };
}
