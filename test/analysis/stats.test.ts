import { describe, expect, it } from 'vitest';
import {
  meanOf,
  newcombe,
  newcombePaired,
  studentPaired,
  studentQuantile,
  welch,
  wilson,
} from '../../src/analysis/stats.js';

describe('wilson', () => {
  it('matches the published value for 24 of 46 (R: prop.test(24, 46, correct = FALSE))', () => {
    const [lo, hi] = wilson(24, 46) as [number, number];
    expect(lo).toBeCloseTo(0.3814, 3);
    expect(hi).toBeCloseTo(0.6587, 3);
  });
  it('stays inside [0, 1] at 0 % and 100 %', () => {
    expect(wilson(0, 10)?.[0]).toBe(0);
    expect(wilson(10, 10)?.[1]).toBe(1);
    expect(wilson(10, 10)?.[0]).toBeGreaterThan(0.6);
  });
  it('handles a base of one', () => {
    const [lo, hi] = wilson(1, 1) as [number, number];
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(0.25);
    expect(hi).toBe(1);
  });
  it('has no interval for an empty base', () => {
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('meanOf', () => {
  it('computes mean, sample sd and Student’s interval', () => {
    // t(0.975, 2 df) = 4.3027 (printed table): half-width 4.3027 × 1 / √3 = 2.4841, not 1.96 / √3 = 1.1316.
    const m = meanOf([6, 7, 8]);
    expect(m?.mean).toBe(7);
    expect(m?.sd).toBe(1);
    expect(m?.ci?.[0]).toBeCloseTo(7 - 2.4841, 3);
    expect(m?.ci?.[1]).toBeCloseTo(7 + 2.4841, 3);
  });
  it('has no spread for a single value', () => {
    expect(meanOf([9])).toEqual({ mean: 9, base: 1, sd: null, ci: null });
  });
  it('is null with nothing to average', () => {
    expect(meanOf([])).toBeNull();
  });
});

describe('studentQuantile', () => {
  it('matches the printed t table (two-sided 95 %)', () => {
    const table: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [5, 2.5706],
      [10, 2.2281],
      [23, 2.0687],
      [30, 2.0423],
      [100, 1.984],
    ];
    for (const [df, t] of table) expect(studentQuantile(0.975, df)).toBeCloseTo(t, 4);
    expect(studentQuantile(0.975, 1e7)).toBeCloseTo(1.96, 3);
    expect(studentQuantile(0.025, 10)).toBeCloseTo(-2.2281, 4);
  });
});

describe('newcombe (hybrid score, no continuity correction)', () => {
  // Newcombe (1998), Statistics in Medicine 17:873–890, table II, method 10.
  it('matches the published interval for 56/70 − 48/80', () => {
    const d = newcombe({ count: 56, base: 70 }, { count: 48, base: 80 });
    expect(d?.difference).toBeCloseTo(0.2, 10);
    expect(d?.ci[0]).toBeCloseTo(0.0524, 4);
    expect(d?.ci[1]).toBeCloseTo(0.3339, 4);
  });
  it('matches the published interval for 9/10 − 3/10', () => {
    const d = newcombe({ count: 9, base: 10 }, { count: 3, base: 10 });
    expect(d?.ci[0]).toBeCloseTo(0.1705, 4);
    expect(d?.ci[1]).toBeCloseTo(0.809, 4);
  });
  it('stays within [−1, 1] at the extremes and has no interval for an empty base', () => {
    const d = newcombe({ count: 10, base: 10 }, { count: 0, base: 10 });
    expect(d?.ci[1]).toBeLessThanOrEqual(1);
    expect(d?.ci[0]).toBeGreaterThan(0.5);
    expect(newcombe({ count: 0, base: 0 }, { count: 1, base: 2 })).toBeNull();
  });
});

describe('newcombePaired (square-and-add for paired proportions)', () => {
  // Fagerland, Lydersen & Laake, Statistical Analysis of Contingency Tables (2017), ch. 8:
  // Cavo et al. (2012), 59 both, 6 first only, 16 second only, 80 neither: −0.0621 (−0.1186 to −0.0046).
  it('matches the published interval for the Cavo et al. table', () => {
    const d = newcombePaired({ both: 59, onlyA: 6, onlyB: 16, neither: 80 });
    expect(d?.difference).toBeCloseTo(-0.0621, 4);
    expect(d?.ci[0]).toBeCloseTo(-0.1186, 4);
    expect(d?.ci[1]).toBeCloseTo(-0.0046, 4);
  });
  it('is narrower than the independent interval when the pairs agree', () => {
    const paired = newcombePaired({ both: 59, onlyA: 6, onlyB: 16, neither: 80 });
    const separate = newcombe({ count: 65, base: 161 }, { count: 75, base: 161 });
    expect(separate?.ci[1]).toBeGreaterThan(0);
    expect((paired?.ci[1] ?? 1) - (paired?.ci[0] ?? 0)).toBeLessThan(
      (separate?.ci[1] ?? 0) - (separate?.ci[0] ?? 0),
    );
  });
  it('handles options nobody chose together (single choice) and an empty base', () => {
    const d = newcombePaired({ both: 0, onlyA: 30, onlyB: 10, neither: 10 });
    expect(d?.difference).toBeCloseTo(0.4, 12);
    expect(d?.ci[0]).toBeGreaterThan(0);
    expect(d?.ci[1]).toBeLessThanOrEqual(1);
    expect(newcombePaired({ both: 0, onlyA: 0, onlyB: 0, neither: 0 })).toBeNull();
  });
});

describe('studentPaired', () => {
  it('is Student’s interval of the differences', () => {
    // Differences 1, 2, 3, 2: mean 2, sd √(2/3) = 0.8165; t(0.975, 3) = 3.1824; half = 3.1824 × 0.8165 / 2 = 1.2992.
    const d = studentPaired([1, 2, 3, 2]);
    expect(d?.difference).toBe(2);
    expect(d?.ci[0]).toBeCloseTo(2 - 1.2992, 4);
    expect(d?.ci[1]).toBeCloseTo(2 + 1.2992, 4);
    expect(studentPaired([1])).toBeNull();
    expect(studentPaired([2, 2, 2])).toEqual({ difference: 2, ci: [2, 2] });
  });
});

describe('welch', () => {
  it('matches the interval computed by hand', () => {
    // se² = 1.2²/20 + 1.8²/15 = 0.288; df = 0.288² / (0.072²/19 + 0.216²/14) = 23.005;
    // t(0.975, 23.005) = 2.0687; half-width = 2.0687 × √0.288 = 1.1102.
    const d = welch({ mean: 7.5, sd: 1.2, base: 20 }, { mean: 6.8, sd: 1.8, base: 15 });
    expect(d?.df).toBeCloseTo(23.005, 2);
    expect(d?.difference).toBeCloseTo(0.7, 10);
    expect(d?.ci[0]).toBeCloseTo(0.7 - 1.1102, 3);
    expect(d?.ci[1]).toBeCloseTo(0.7 + 1.1102, 3);
  });
  it('has no interval below two values in a group', () => {
    expect(welch({ mean: 7, sd: null, base: 1 }, { mean: 6, sd: 1, base: 10 })).toBeNull();
  });
});
