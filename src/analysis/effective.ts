/**
 * An estimate as the intervals of a difference read it (Newcombe's from two
 * Wilson intervals, Welch's from two spreads): its count of its base, or
 * its mean, spread and base. A weighted estimate is read at its effective
 * base (Kish's), so a comparison is as wide as the weights make each side;
 * an unweighted one is its respondents, exactly as before weighting existed.
 */

/** A share: `count` of `base`, or `value` at `effectiveBase` when weighted. */
export function shareSample(f: {
  count: number;
  base: number;
  value: number;
  effectiveBase?: number;
}): { count: number; base: number } {
  if (f.effectiveBase === undefined) return { count: f.count, base: f.base };
  return { count: f.value * f.effectiveBase, base: f.effectiveBase };
}

/** A mean: its value, spread and base, the base being the effective one when weighted. */
export function meanSample(f: {
  value: number;
  sd: number | null;
  base: number;
  effectiveBase?: number;
}): { mean: number; sd: number | null; base: number } {
  return { mean: f.value, sd: f.sd, base: f.effectiveBase ?? f.base };
}
