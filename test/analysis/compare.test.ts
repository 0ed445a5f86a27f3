/**
 * Two figures compared as their respondents allow, on a small export built
 * so that each interval can be worked out by hand (or read in a published
 * table): separate groups, the same respondents, a group within another,
 * means with Student's t, and the overlap no interval can decide.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Comparison, type Estimate, ResponseComparer } from '../../src/analysis/compare.js';
import { buildFigures, type Figure } from '../../src/analysis/figures.js';
import { newcombe, studentQuantile } from '../../src/analysis/stats.js';
import { ingestBytes } from '../../src/ingest/ingest.js';
import { csv, testConfig } from '../helpers/edition.js';

const config = testConfig();

const T = '2024/05/02 10:00:00 AM UTC+2';
const DIAGNOSTIC = 'Aide au diagnostic';
const SEGMENTATION = 'Segmentation, mesures et post-traitement';
const OTHER_ONLY = 'Segmentation';

/** `n` rows alike but for their comment, so that none is a double submission of another. */
let row = 0;
const rows = (n: number, profession: string, usage: string, usages: string, note: string) =>
  Array.from({ length: n }, () => [T, profession, usage, usages, note, `r${row++}`]);

let figures: Figure[];
let comparer: ResponseComparer;
const fig = (id: string) => {
  const f = figures.find((x) => x.id === id);
  if (!f || (f.kind !== 'share' && f.kind !== 'mean') || f.value === null)
    throw new Error(`no estimate ${id}`);
  return f as Estimate;
};
const compare = (a: string, b: string) => comparer.compare(fig(a), fig(b)) as Comparison;

beforeAll(async () => {
  const { responses } = await ingestBytes(
    csv([
      // Radiologues: 9 of 10 use IA, their scores 7, 9 and seven 8s (mean 8).
      ...rows(1, 'Radiologue', 'Oui', DIAGNOSTIC, '7'),
      ...rows(1, 'Radiologue', 'Oui', DIAGNOSTIC, '9'),
      ...rows(7, 'Radiologue', 'Oui', DIAGNOSTIC, '8'),
      ...rows(1, 'Radiologue', 'Non', '', ''),
      // Manipulateurs: 3 of 10 use IA, their scores 5, 6, 7.
      ...rows(1, 'Manipulateur radio', 'Oui', DIAGNOSTIC, '5'),
      ...rows(1, 'Manipulateur radio', 'Oui', DIAGNOSTIC, '6'),
      ...rows(1, 'Manipulateur radio', 'Oui', DIAGNOSTIC, '7'),
      ...rows(7, 'Manipulateur radio', 'Non', '', ''),
      // Other professions, users: the paired table of Cavo et al. (2012) for two options,
      // diagnostic (a) and segmentation (b): 59 both, 6 a only, 16 b only, 80 neither.
      ...rows(59, 'Physicien', 'Oui', `${DIAGNOSTIC}, ${SEGMENTATION}`, ''),
      ...rows(6, 'Physicien', 'Oui', DIAGNOSTIC, ''),
      ...rows(16, 'Physicien', 'Oui', SEGMENTATION, ''),
      ...rows(80, 'Physicien', 'Oui', OTHER_ONLY, ''),
    ]),
    'test.csv',
    withSegments,
  );
  figures = buildFigures(withSegments, responses);
  comparer = new ResponseComparer(withSegments, responses);
});

const withSegments = {
  ...config,
  segments: [
    ...config.segments,
    { id: 'manipulateurs', label: 'Manipulateurs', where: { profession: 'manipulateur' } },
    { id: 'autres', label: 'Autres', where: { profession: 'autre' } },
  ],
};

describe('two separate groups', () => {
  it('are compared by Newcombe’s hybrid score interval (his published 9/10 − 3/10)', () => {
    const c = compare('usage.oui.share.radiologues', 'usage.oui.share.manipulateurs');
    expect(c.method).toBe('newcombe');
    expect(c.difference).toBeCloseTo(0.6, 12);
    expect(c.ci?.[0]).toBeCloseTo(0.1705, 4);
    expect(c.ci?.[1]).toBeCloseTo(0.809, 4);
    expect(c.bases).toEqual([10, 10]);
  });

  it('have their means compared by Welch with the Student quantile', () => {
    // Radiologue users' scores 7, 9 and seven 8s (mean 8, variance 2/8 = 0.25); manipulateurs'
    // 5, 6, 7 (mean 6, variance 1). se² = 0.25/9 + 1/3 = 0.36111;
    // df = 0.36111² / ((0.25/9)²/8 + (1/3)²/2) = 2.3431.
    const c = compare('note.mean.radiologues', 'note.mean.manipulateurs');
    expect(c.method).toBe('welch');
    const se2 = 0.25 / 9 + 1 / 3;
    const df = se2 ** 2 / ((0.25 / 9) ** 2 / 8 + (1 / 3) ** 2 / 2);
    expect(df).toBeCloseTo(2.3431, 3);
    const half = studentQuantile(0.975, df) * Math.sqrt(se2);
    expect(c.difference).toBeCloseTo(2, 12);
    expect(c.ci?.[0]).toBeCloseTo(2 - half, 10);
    expect(c.ci?.[1]).toBeCloseTo(2 + half, 10);
    // t at 2.34 degrees of freedom is about 3.8, not the normal 1.96: the interval holds 0.
    expect(studentQuantile(0.975, df)).toBeGreaterThan(3.5);
    expect(c.ci?.[0]).toBeLessThan(0);
  });
});

describe('the same respondents', () => {
  it('are compared by Newcombe’s paired method (published: −0.0621, −0.1186 to −0.0046)', () => {
    const c = compare('usages.diagnostic.share.autres', 'usages.segmentation.share.autres');
    expect(c.method).toBe('newcombe-paired');
    expect(c.bases).toEqual([161, 161]);
    expect(c.difference).toBeCloseTo(-0.0621, 4);
    expect(c.ci?.[0]).toBeCloseTo(-0.1186, 4);
    expect(c.ci?.[1]).toBeCloseTo(-0.0046, 4);
  });

  it('would be wrongly called comparable if taken for two separate samples', () => {
    // The same two shares as independent samples: the interval then holds 0.
    const a = fig('usages.diagnostic.share.autres') as Estimate & { count: number };
    const b = fig('usages.segmentation.share.autres') as Estimate & { count: number };
    expect([a.count, a.base, b.count, b.base]).toEqual([65, 161, 75, 161]);
    expect(newcombe(a, b)?.ci[1]).toBeGreaterThan(0);
  });
});

describe('a group and a group containing it', () => {
  it('compare the group with the rest of the other (radiologues against everyone else)', () => {
    // All respondents: 9 + 3 + 161 users of 181; the rest of them once radiologues are out: 164 of 171.
    const c = compare('usage.oui.share.radiologues', 'usage.oui.share.all');
    expect(c.method).toBe('newcombe-rest-of-group');
    expect(c.rest).toEqual({ side: 'b', base: 171, value: 164 / 171 });
    expect(c.bases).toEqual([10, 171]);
    expect(c.difference).toBeCloseTo(0.9 - 164 / 171, 12);
    // The whole on the left: the rest takes the left side, the sign still that of whole − part.
    const d = compare('usage.oui.share.all', 'usage.oui.share.radiologues');
    expect(d.rest?.side).toBe('a');
    expect(d.difference).toBeCloseTo(164 / 171 - 0.9, 12);
  });

  it('compare a group’s mean with the rest’s (Welch), not with the whole it is part of', () => {
    // Users who gave a score: 9 radiologues (mean 8) and 3 manipulateurs (5, 6, 7): the rest of
    // the radiologues is the manipulateurs, so the test is the one above.
    const c = compare('note.mean.radiologues', 'note.mean.utilisateurs');
    expect(c.method).toBe('welch-rest-of-group');
    expect(c.rest).toEqual({ side: 'b', base: 3, value: 6 });
    const direct = compare('note.mean.radiologues', 'note.mean.manipulateurs');
    expect(c.ci).toEqual(direct.ci);
  });
});

describe('groups that only partly overlap', () => {
  it('are refused: no interval answers the question', () => {
    // Radiologues who answered usage, and users: the radiologue users are in both, not all of either.
    expect(
      comparer.compare(fig('usage.oui.share.radiologues'), fig('usages.diagnostic.share.all')),
    ).toEqual({ refused: 'overlap' });
    expect(
      comparer.compare(fig('usage.oui.share.radiologues'), fig('usage.oui.share.radiologues')),
    ).toEqual({ refused: 'same-figure' });
  });
});
