/**
 * What changed since the previous edition: change figures for every figure
 * both editions have, with Newcombe (shares) and Welch (means) intervals, on
 * the synthetic 2025 test edition compared with 2024.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analysed, analyseEdition } from '../../src/analyse.js';
import { changeFigures, direction } from '../../src/analysis/change.js';
import type { ChangeFigure, Figure } from '../../src/analysis/figures.js';
import { newcombe, welch } from '../../src/analysis/stats.js';
import { silentLog } from '../../src/log.js';
import { shareFigure } from '../helpers/figures.js';

const EDITION_2025 = 'test/fixtures/editions/2025';

let analysed: Analysed;
beforeAll(async () => {
  analysed = await analyseEdition(EDITION_2025, silentLog);
});
const change = (id: string) =>
  analysed.figures.find((f) => f.id === `${id}.change`) as ChangeFigure;

describe('change figures (2025 synthetic edition against 2024)', () => {
  it('are made for every figure both editions have, and only for those', () => {
    const own = analysed.figures.filter((f) => f.kind !== 'change' && f.kind !== 'date');
    const before = new Set(analysed.previous?.figures.map((f) => f.id));
    const changes = analysed.figures.filter((f) => f.kind === 'change');
    expect(changes.length).toBe(own.filter((f) => before.has(f.id)).length);
    expect(change('frequence.rarement.share.cadres')).toBeUndefined(); // dropped in 2025
    expect(change('profession.physicien_medical.share.all')).toBeUndefined(); // new in 2025
    expect(change('usages.comptes_rendus.share.all')).toBeDefined(); // renamed, code kept
  });

  it('give a share the difference of proportions with its Newcombe interval', () => {
    const c = change('usage.oui.share.manipulateurs');
    // 2024: 24 of 46 manipulateurs use IA (the published F2); 2025: 59 of 97.
    expect(c).toMatchObject({
      kind: 'change',
      of: 'share',
      previous: '2024',
      from: { count: 24, base: 46 },
      to: { count: 59, base: 97 },
    });
    expect(c.value).toBeCloseTo(59 / 97 - 24 / 46, 12);
    const hand = newcombe({ count: 59, base: 97 }, { count: 24, base: 46 });
    expect(c.ci).toEqual(hand?.ci);
    // By hand from the two Wilson intervals (24/46: 0.3814–0.6587; 59/97: 0.5088–0.6996):
    // low = 0.0865 − √((0.6082 − 0.5088)² + (0.6587 − 0.5217)²) = −0.0828.
    expect(c.ci?.[0]).toBeCloseTo(-0.0828, 3);
    expect(c.ci?.[1]).toBeCloseTo(0.2539, 3);
    expect(direction(c)).toBe('steady');
  });

  it('give a mean the difference with its Welch interval', () => {
    const c = change('satisfaction.mean.utilisateurs');
    const to = analysed.figures.find((f) => f.id === 'satisfaction.mean.utilisateurs');
    const from = analysed.previous?.figures.find((f) => f.id === 'satisfaction.mean.utilisateurs');
    if (to?.kind !== 'mean' || from?.kind !== 'mean') throw new Error('no means');
    expect(c.from).toEqual({ value: from.value, base: 96 });
    const hand = welch(
      { mean: to.value as number, sd: to.sd, base: to.base },
      { mean: from.value as number, sd: from.sd, base: from.base },
    );
    expect(c.ci).toEqual(hand?.ci);
    expect(c.value).toBeCloseTo((to.value as number) - 7.354166666666667, 12);
  });

  it('give a count its exact difference, with no interval', () => {
    const c = change('respondents.count.all');
    expect(c).toMatchObject({ of: 'count', value: 176, from: { value: 144 }, to: { value: 320 } });
    expect(c.ci).toBeNull();
    expect(direction(c)).toBe('up');
  });
});

describe('changeFigures', () => {
  const share = shareFigure;
  it('skips figures whose kind changed, and keeps a figure without a value as null', () => {
    const before: Figure[] = [
      share('a', 5, 10),
      { id: 'b', kind: 'count', label: 'b', segment: 'all', value: 3 },
      share('c', 1, 2),
    ];
    const now: Figure[] = [share('a', 0, 0), share('b', 1, 2), share('c', 2, 2)];
    const out = changeFigures(now, before, '2024');
    expect(out.map((f) => f.id)).toEqual(['a.change', 'c.change']);
    expect(out[0]?.value).toBeNull();
    expect(direction(out[0] as ChangeFigure)).toBe('steady');
  });
});
