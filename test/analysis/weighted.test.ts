/**
 * Weighted figures and their comparisons. With every weight 1 the weighted
 * code paths (shares, means, separate groups, a group against the rest of
 * the group containing it, the same respondents) must give what the
 * unweighted ones give; with real weights, intervals come from the
 * effective bases; a change between a weighted and an unweighted edition is
 * refused, and one between two editions weighted the same way is computed
 * at the effective bases.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import { changeFigures } from '../../src/analysis/change.js';
import { comparability } from '../../src/analysis/comparability.js';
import { type Comparison, type Estimate, ResponseComparer } from '../../src/analysis/compare.js';
import {
  buildFigures,
  type ChangeFigure,
  type Figure,
  type ShareFigure,
} from '../../src/analysis/figures.js';
import { Membership } from '../../src/analysis/segments.js';
import { pointDifference, seriesFigures } from '../../src/analysis/series.js';
import { newcombe, welch } from '../../src/analysis/stats.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { loadEdition } from '../../src/edition/load.js';
import { parseEditionConfig } from '../../src/edition/parse-config.js';
import type { EditionConfig } from '../../src/edition/schema.js';
import { FigureIndex, FigureProblem } from '../../src/format/figure-index.js';
import type { Responses } from '../../src/ingest/columns.js';
import { ingestBytes, ingestEdition } from '../../src/ingest/ingest.js';
import { silentLog } from '../../src/log.js';
import { scratch } from '../helpers/scratch.js';

const WEIGHTED = 'test/fixtures/editions/2024-weighted';

/** Two intervals alike to 1e-9, or both none. */
function sameInterval(a: readonly number[] | null, b: readonly number[] | null): void {
  if (b === null) return void expect(a).toBeNull();
  expect(a?.[0]).toBeCloseTo(b[0] as number, 9);
  expect(a?.[1]).toBeCloseTo(b[1] as number, 9);
}

describe('with every weight 1', () => {
  let config: EditionConfig;
  let responses: Responses;
  let plain: Figure[];
  let weighted: Figure[];
  let plainComparer: ResponseComparer;
  let weightedComparer: ResponseComparer;
  beforeAll(async () => {
    const edition = await loadEdition('data/2024', CHART_KINDS);
    config = edition.config;
    responses = (await ingestEdition(edition)).responses;
    const ones = new Float64Array(responses.count).fill(1);
    const membership = new Membership(config, responses);
    plain = buildFigures(config, responses, membership);
    weighted = buildFigures(config, responses, membership, ones);
    plainComparer = new ResponseComparer(config, responses, membership);
    weightedComparer = new ResponseComparer(config, responses, membership, ones);
  });

  it('gives every share and mean of the unweighted figures, at an effective base equal to the base', () => {
    expect(weighted.map((f) => f.id)).toEqual(plain.map((f) => f.id));
    let estimates = 0;
    for (const [k, w] of weighted.entries()) {
      const p = plain[k] as Figure;
      if (w.kind !== 'share' && w.kind !== 'mean') {
        expect(w).toEqual(p);
        continue;
      }
      if (p.kind !== w.kind) throw new Error(w.id);
      estimates++;
      expect(w.weighted).toBe(true);
      expect(w.effectiveBase).toBeCloseTo(w.base, 9);
      expect(w.designEffect).toBeCloseTo(1, 9);
      expect(w.base).toBe(p.base);
      if (w.kind === 'share' && p.kind === 'share') expect(w.count).toBe(p.count);
      if (p.value === null) {
        expect(w.value).toBeNull();
        continue;
      }
      expect(w.value).toBeCloseTo(p.value, 12);
      sameInterval(w.ci, p.ci);
      if (w.kind === 'mean' && p.kind === 'mean' && p.sd !== null)
        expect(w.sd).toBeCloseTo(p.sd, 9);
    }
    expect(estimates).toBeGreaterThan(500);
  });

  it.each([
    ['separate groups', 'usage.oui.share.radiologues', 'usage.oui.share.manipulateurs', 'newcombe'],
    [
      'a group and the whole',
      'usage.oui.share.cadres',
      'usage.oui.share.all',
      'newcombe-rest-of-group',
    ],
    [
      'two answers of the same people',
      'freins.formation.share.all',
      'freins.cout.share.all',
      'newcombe-paired',
    ],
    ['separate means', 'satisfaction.mean.radiologues', 'satisfaction.mean.manipulateurs', 'welch'],
    [
      'a mean and the whole',
      'satisfaction.mean.radiologues',
      'satisfaction.mean.utilisateurs',
      'welch-rest-of-group',
    ],
  ])('compares %s as the unweighted comparison does', (_what, a, b, method) => {
    const get = (figures: Figure[], id: string) => figures.find((f) => f.id === id) as Estimate;
    const p = plainComparer.compare(get(plain, a), get(plain, b)) as Comparison;
    const w = weightedComparer.compare(get(weighted, a), get(weighted, b)) as Comparison;
    expect(w.method).toBe(method);
    expect(p.method).toBe(method);
    expect(w.bases).toEqual(p.bases);
    expect(w.effectiveBases?.[0]).toBeCloseTo(p.bases[0], 9);
    expect(w.effectiveBases?.[1]).toBeCloseTo(p.bases[1], 9);
    expect(w.difference).toBeCloseTo(p.difference, 12);
    sameInterval(w.ci, p.ci);
    if (p.rest) expect(w.rest?.value).toBeCloseTo(p.rest.value, 12);
  });

  it('compares two scores of the same people as Student’s paired t does', async () => {
    const yaml = `
edition: { id: t, survey: T, publisher: T, fieldPeriod: { start: "2024-01-01", end: "2024-12-31" }, channels: [t], sample: t }
questions:
  - { id: horodateur, header: Horodateur, type: timestamp }
  - { id: avant, header: Avant, type: scale, min: 1, max: 10 }
  - { id: apres, header: Après, type: scale, min: 1, max: 10 }
articles: [{ slug: a, title: T, dek: D, author: A, date: "2024-10-01", body: a.hbs }]
`;
    const twoScales = parseEditionConfig(yaml, 'e.yaml', CHART_KINDS);
    const scores = [
      [3, 5],
      [6, 6],
      [7, 9],
      [2, 4],
      [8, 7],
      [5, 8],
    ];
    const text = [
      'Horodateur,Avant,Après',
      ...scores.map(([a, b], i) => `2024/05/0${i + 1} 10:00:00 AM UTC+2,${a},${b}`),
    ].join('\n');
    const { responses: r } = await ingestBytes(new TextEncoder().encode(text), 'r.csv', twoScales);
    const ones = new Float64Array(r.count).fill(1);
    const figures = buildFigures(twoScales, r, undefined, ones);
    const mean = (id: string) => figures.find((f) => f.id === id) as Estimate;
    const unweighted = buildFigures(twoScales, r);
    const plainMean = (id: string) => unweighted.find((f) => f.id === id) as Estimate;
    const w = new ResponseComparer(twoScales, r, undefined, ones).compare(
      mean('apres.mean.all'),
      mean('avant.mean.all'),
    ) as Comparison;
    const p = new ResponseComparer(twoScales, r).compare(
      plainMean('apres.mean.all'),
      plainMean('avant.mean.all'),
    ) as Comparison;
    expect(w.method).toBe('student-paired');
    sameInterval(w.ci, p.ci);
  });
});

describe('the weighted trial edition', () => {
  let figures: Figure[];
  let comparer: ResponseComparer;
  beforeAll(async () => {
    const analysed = await analyseEdition(WEIGHTED, silentLog);
    figures = analysed.figures;
    comparer = analysed.comparer as ResponseComparer;
  });
  const share = (id: string) => figures.find((f) => f.id === id) as ShareFigure & Estimate;

  it('compares two separate groups by Newcombe’s interval at their effective bases', () => {
    const [a, b] = [share('usage.oui.share.radiologues'), share('usage.oui.share.manipulateurs')];
    const c = comparer.compare(a, b) as Comparison;
    const at = (f: ShareFigure) => ({
      count: (f.value as number) * (f.effectiveBase as number),
      base: f.effectiveBase as number,
    });
    expect(c.bases).toEqual([74, 46]);
    expect(c.effectiveBases).toEqual([a.effectiveBase, b.effectiveBase]);
    expect(c.ci).toEqual(newcombe(at(a), at(b))?.ci);
    // Narrower than it would be on the respondents themselves: the weights cost precision.
    const naive = newcombe(a, b)?.ci as [number, number];
    expect((c.ci?.[1] as number) - (c.ci?.[0] as number)).toBeGreaterThan(naive[1] - naive[0]);
  });

  it('compares a group with the whole from the rest of the whole, weighted', () => {
    const c = comparer.compare(
      share('usage.oui.share.cadres'),
      share('usage.oui.share.all'),
    ) as Comparison;
    expect(c.method).toBe('newcombe-rest-of-group');
    expect(c.rest?.base).toBe(143 - 14);
    expect(c.effectiveBases?.[1]).toBeLessThan(129);
  });
});

describe('change figures and weighting', () => {
  it('refuses a change between a weighted edition and an unweighted one, counts excepted', async () => {
    const folder = path.join(scratch('weighted-change'), '2024-weighted');
    await cp(WEIGHTED, folder, { recursive: true });
    const config = path.join(folder, 'edition.yaml');
    const text = await readFile(config, 'utf8');
    await writeFile(
      config,
      text.replace('  timezone:', `  previous: "${path.resolve('data/2024')}"\n  timezone:`),
    );
    const analysed = await analyseEdition(folder, silentLog);
    const change = (id: string) => analysed.figures.find((f) => f.id === id) as ChangeFigure;
    const usage = change('usage.oui.share.all.change');
    expect(usage.comparable).toBe(false);
    expect(usage.notes.map((n) => n.difference)).toEqual([
      { kind: 'weighting', from: [], to: ['Profession', "Secteur d'exercice"] },
    ]);
    expect(usage.notes[0]?.text).toBe(
      "pondération différente (édition 2024 non pondérée, celle-ci pondérée sur « Profession », « Secteur d'exercice »)",
    );
    expect(change('respondents.count.all.change').comparable).toBe(true);
    const index = new FigureIndex(analysed.figures, new Map(), analysed.comparer);
    let thrown: unknown;
    try {
      index.change('usage.oui.share.all');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FigureProblem);
    expect((thrown as FigureProblem).complaint.found).toBe(
      'weighted differently (2024 unweighted, this edition weighted on "Profession", "Secteur d\'exercice")',
    );
    expect(index.change('respondents.count.all').value).toBe(0);
  });

  it('computes a change between two editions weighted the same way at their effective bases', async () => {
    const trial = await loadEdition(WEIGHTED, CHART_KINDS);
    const analysed = await analyseEdition(WEIGHTED, silentLog);
    const own = analysed.figures;
    // The same edition as its own previous: weighted on the same questions, nothing to note.
    const notes = comparability(trial.config, trial.config);
    const changes = changeFigures(own, own, '2023', notes);
    const usage = changes.find(
      (c) => c.id === 'usage.oui.share.radiologues.change',
    ) as ChangeFigure;
    const f = own.find((x) => x.id === 'usage.oui.share.radiologues') as ShareFigure;
    expect(usage.comparable).toBe(true);
    expect(usage.from).toEqual({
      value: f.value,
      count: f.count,
      base: f.base,
      weighted: true,
      effectiveBase: f.effectiveBase,
    });
    const at = {
      count: (f.value as number) * (f.effectiveBase as number),
      base: f.effectiveBase as number,
    };
    expect(usage.ci).toEqual(newcombe(at, at)?.ci);
    const mean = changes.find(
      (c) => c.id === 'satisfaction.mean.utilisateurs.change',
    ) as ChangeFigure;
    const m = own.find((x) => x.id === 'satisfaction.mean.utilisateurs');
    if (m?.kind !== 'mean') throw new Error('no mean');
    const sample = { mean: m.value as number, sd: m.sd, base: m.effectiveBase as number };
    expect(mean.ci).toEqual(welch(sample, sample)?.ci);
  });

  it('notes a change of the questions weighted on, and not one of this year’s targets', async () => {
    const trial = (await loadEdition(WEIGHTED, CHART_KINDS)).config;
    const otherTargets = structuredClone(trial);
    Object.assign(
      (otherTargets.weighting as { margins: Record<string, object> }).margins.profession as object,
      { radiologue: 0.35, manipulateur: 0.4 },
    );
    expect(comparability(otherTargets, trial)('usage', 'all', 'share')).toEqual([]);
    const fewer = structuredClone(trial);
    delete (fewer.weighting as { margins: Record<string, object> }).margins.secteur;
    const [note] = comparability(fewer, trial)('usage', 'all', 'share');
    expect(note?.difference).toEqual({
      kind: 'weighting',
      from: ['Profession', "Secteur d'exercice"],
      to: ['Profession'],
    });
    expect(comparability(fewer, trial)('usage', 'all', 'count')).toEqual([]);
    const off = structuredClone(trial);
    (off.weighting as { apply: boolean }).apply = false;
    expect(comparability(off, trial)('usage', 'all', 'mean')[0]?.difference).toMatchObject({
      from: ['Profession', "Secteur d'exercice"],
      to: [],
    });
  });
});

describe('series and weighting', () => {
  it('compare two points weighted the same way at their effective bases; a count is never weighted', async () => {
    const trial = await analyseEdition(WEIGHTED, silentLog);
    const plain = await analyseEdition('data/2024', silentLog);
    const weightedTwice = seriesFigures([
      { config: trial.edition.config, figures: trial.figures },
      { config: trial.edition.config, figures: trial.figures },
    ]);
    const usage = weightedTwice.find((s) => s.id === 'usage.oui.share.cadres.series');
    const [first, last] = usage?.points ?? [];
    if (!usage || !first || !last) throw new Error('no series');
    const f = trial.figures.find((x) => x.id === 'usage.oui.share.cadres') as ShareFigure;
    expect(last).toMatchObject({
      comparable: true,
      weighted: true,
      effectiveBase: f.effectiveBase,
    });
    const at = {
      count: (f.value as number) * (f.effectiveBase as number),
      base: f.effectiveBase as number,
    };
    expect(pointDifference(usage, first, last).ci).toEqual(newcombe(at, at)?.ci);
    // From the unweighted 2024 to the weighted trial: the shares do not compare, the counts do.
    const mixed = seriesFigures([
      { config: plain.edition.config, figures: plain.figures },
      { config: trial.edition.config, figures: trial.figures },
    ]);
    const step = (id: string) => mixed.find((s) => s.id === id)?.points.at(-1);
    expect(step('usage.oui.share.cadres.series')?.notes.map((n) => n.difference.kind)).toEqual([
      'weighting',
    ]);
    expect(step('respondents.count.all.series')?.comparable).toBe(true);
  });
});
