import { describe, expect, it } from 'vitest';
import { meanOf, wilson } from '../../src/analysis/stats.js';

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
  it('computes mean, sample sd and interval', () => {
    const m = meanOf([6, 7, 8]);
    expect(m?.mean).toBe(7);
    expect(m?.sd).toBe(1);
    expect(m?.ci?.[0]).toBeCloseTo(7 - 1.96 / Math.sqrt(3), 2);
  });
  it('has no spread for a single value', () => {
    expect(meanOf([9])).toEqual({ mean: 9, base: 1, sd: null, ci: null });
  });
  it('is null with nothing to average', () => {
    expect(meanOf([])).toBeNull();
  });
});
