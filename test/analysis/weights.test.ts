/**
 * Raking, checked against an independent computation. The weighted trial
 * edition (test/fixtures/editions/2024-weighted: the 2024 export, weighted
 * on profession and sector to made-up targets) is raked by the pipeline;
 * the same raking is then done here from the CSV file itself (read with
 * csv-parse, answers matched to their codes by their labels), one weight
 * per respondent in plain arrays and a straightforward loop: no cells, no
 * columns, no code of src/ but the figures compared. Weights, and the
 * weighted shares, means, effective bases and intervals built on them,
 * must agree to 1e-6. R is not on the machine (survey::rake would have
 * been the other reference); this loop is the textbook algorithm.
 *
 * Then what raking refuses: a target no respondent can carry, a target of
 * 0 for respondents, targets that contradict each other, bounds too tight.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import type { Figure, MeanFigure, ShareFigure } from '../../src/analysis/figures.js';
import { studentQuantile } from '../../src/analysis/stats.js';
import { rake, type Weights, weighEdition } from '../../src/analysis/weights.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { type Edition, loadEdition } from '../../src/edition/load.js';
import type { EditionConfig } from '../../src/edition/schema.js';
import { InputError } from '../../src/errors.js';
import type { ChoiceColumn, Responses } from '../../src/ingest/columns.js';
import { ingestEdition } from '../../src/ingest/ingest.js';
import { silentLog } from '../../src/log.js';

const FIXTURE = 'test/fixtures/editions/2024-weighted';

let edition: Edition;
let responses: Responses;
let figures: Figure[];
let weights: Weights;

beforeAll(async () => {
  const analysed = await analyseEdition(FIXTURE, silentLog);
  edition = analysed.edition;
  responses = analysed.ingested.responses;
  figures = analysed.figures;
  weights = analysed.weighting as Weights;
});

/** Every row of the export, by column header: read here, not by the pipeline's reader. */
function exportRows(): Record<string, string>[] {
  return parse(readFileSync(`${FIXTURE}/responses.csv`), { columns: true, bom: true });
}

/** A closed question's code for a cell, from the option labels: "" is none, an unknown label « autre ». */
function codeOf(config: EditionConfig, question: string, cell: string): string | null {
  const q = config.questions.find((x) => x.id === question);
  if (!q || !('options' in q)) throw new Error(question);
  const text = cell.trim();
  if (text === '') return null;
  return q.options.find((o) => o.label === text)?.code ?? 'autre';
}

/**
 * The reference: rake every respondent who answered every weighting
 * question to the targets, one weight each, until no share moves; trim the
 * weights to the bounds and rake again, until the raked weights are within
 * them. The others keep 1.
 */
function referenceRake(
  answers: (string | null)[][],
  margins: Record<string, number>[],
  [low, high]: [number, number],
): number[] {
  const w = answers.map(() => 1);
  const raked = answers.map((a) => a.every((x) => x !== null));
  const total = raked.filter(Boolean).length;
  const rakeToTargets = () => {
    for (let sweep = 0; sweep < 10_000; sweep++) {
      let moved = 0;
      margins.forEach((target, v) => {
        const sums: Record<string, number> = {};
        answers.forEach((a, i) => {
          if (raked[i]) sums[a[v] as string] = (sums[a[v] as string] ?? 0) + (w[i] as number);
        });
        for (const [code, sum] of Object.entries(sums))
          moved = Math.max(moved, Math.abs(sum / total - (target[code] as number)));
        answers.forEach((a, i) => {
          if (raked[i])
            w[i] =
              ((w[i] as number) * (target[a[v] as string] as number) * total) /
              (sums[a[v] as string] as number);
        });
      });
      if (moved < 1e-13) return;
    }
  };
  for (let round = 0; round < 10_000; round++) {
    rakeToTargets();
    if (w.every((x, i) => !raked[i] || (x >= low - 1e-9 && x <= high + 1e-9))) return w;
    w.forEach((x, i) => {
      if (raked[i]) w[i] = Math.min(high, Math.max(low, x));
    });
  }
  throw new Error('the reference did not converge');
}

/** The reference weights of the fixture's export, for its targets and these bounds. */
function referenceWeights(bounds: [number, number]): number[] {
  const config = edition.config;
  const margins = config.weighting?.margins as Record<string, Record<string, number>>;
  const questions = Object.keys(margins);
  const headers = questions.map(
    (id) => config.questions.find((q) => q.id === id)?.header as string,
  );
  const answers = exportRows().map((row) =>
    questions.map((id, v) => codeOf(config, id, row[headers[v] as string] ?? '')),
  );
  return referenceRake(
    answers,
    questions.map((id) => margins[id] as Record<string, number>),
    bounds,
  );
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs((a[i] as number) - (b[i] as number)));
  return d;
};

describe('the weighted trial edition', () => {
  it('meets every target within 0.1 point, the weights within their bounds', () => {
    for (const m of weights.margins) expect(Math.abs(m.weighted - m.target)).toBeLessThan(0.001);
    const [low, high] = weights.bounds;
    expect(weights.range[0]).toBeGreaterThanOrEqual(low - 1e-9);
    expect(weights.range[1]).toBeLessThanOrEqual(high + 1e-9);
    // Radiologues are half the respondents and 30 % of the target: they weigh less than 1.
    const radiologue = weights.margins.find((m) => m.code === 'radiologue');
    expect(radiologue?.sample).toBeCloseTo(74 / 142, 12);
  });

  it('leaves the two respondents without a sector out of the raking, at weight 1, the others averaging 1', () => {
    expect(weights.unraked).toBe(2);
    expect(weights.raked).toBe(142);
    const secteur = responses.columns.get('secteur') as ChoiceColumn;
    let sum = 0;
    for (let i = 0; i < responses.count; i++) {
      if (secteur.answered(i)) sum += weights.weights[i] as number;
      else expect(weights.weights[i]).toBe(1);
    }
    expect(sum / 142).toBeCloseTo(1, 12);
  });

  it('gives the weights of an independent raking of the export, to 1e-6', () => {
    const reference = referenceWeights([0.3, 3]);
    expect(maxDifference(weights.weights, reference)).toBeLessThan(1e-6);
  });

  it('gives the same weights as the independent raking when bounds make it trim, to 1e-6', () => {
    const config = structuredClone(edition.config);
    (config.weighting as { bounds: [number, number] }).bounds = [0.5, 2];
    const raking = rake(config, responses);
    if (!raking?.ok) throw new Error('expected weights');
    expect(raking.weights.trimmed).toBeGreaterThan(0);
    expect(raking.weights.range[0]).toBeGreaterThanOrEqual(0.5 - 1e-9);
    expect(raking.weights.range[1]).toBeLessThanOrEqual(2 + 1e-9);
    for (const m of raking.weights.margins)
      expect(Math.abs(m.weighted - m.target)).toBeLessThan(1e-9);
    expect(maxDifference(raking.weights.weights, referenceWeights([0.5, 2]))).toBeLessThan(1e-6);
  });

  it('states the design effect of all respondents: n Σw² / (Σw)²', () => {
    const w = Array.from(weights.weights);
    const sum = w.reduce((a, b) => a + b, 0);
    const squares = w.reduce((a, b) => a + b * b, 0);
    expect(weights.effectiveBase).toBeCloseTo((sum * sum) / squares, 9);
    expect(weights.designEffect).toBeCloseTo((w.length * squares) / (sum * sum), 9);
  });
});

describe('the weighted figures', () => {
  const Z = 1.959963984540054;
  /** Wilson's interval written out, from a proportion and a base that need not be whole. */
  const wilson = (p: number, n: number): [number, number] => {
    const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
    const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / (1 + (Z * Z) / n);
    return [Math.max(0, centre - half), Math.min(1, centre + half)];
  };
  /** Respondents of a group (by their cells in the export) and their reference weights. */
  function group(test: (row: Record<string, string>) => boolean) {
    const w = referenceWeights([0.3, 3]);
    return exportRows().flatMap((row, i) => (test(row) ? [{ row, w: w[i] as number }] : []));
  }
  const USAGE = "Utilisez-vous l'intelligence artificielle dans votre pratique ?";
  const PROFESSION = 'Quelle est votre profession ?';
  const SECTEUR = 'Dans quel secteur exercez-vous ?';
  const SATISFACTION = "Quelle est votre satisfaction globale vis-à-vis des outils d'IA ? (1 à 10)";
  const figure = <F extends Figure>(id: string) => figures.find((f) => f.id === id) as F;

  it.each([
    ['usage.oui.share.all', () => true],
    ['usage.oui.share.radiologues', (r: Record<string, string>) => r[PROFESSION] === 'Radiologue'],
    ['usage.oui.share.cadres', (r: Record<string, string>) => r[PROFESSION] === 'Cadre de santé'],
    ['usage.oui.share.liberaux', (r: Record<string, string>) => r[SECTEUR] === 'Libéral'],
  ])(
    '%s: the weighted share, its effective base and Wilson interval, counts and base unweighted',
    (id, test) => {
      const answered = group((r) => test(r) && (r[USAGE] ?? '') !== '');
      const sum = answered.reduce((a, x) => a + x.w, 0);
      const squares = answered.reduce((a, x) => a + x.w * x.w, 0);
      const yes = answered.filter((x) => x.row[USAGE] === 'Oui');
      const p = yes.reduce((a, x) => a + x.w, 0) / sum;
      const n = (sum * sum) / squares;
      const f = figure<ShareFigure>(id);
      expect(f.weighted).toBe(true);
      expect(f.count).toBe(yes.length);
      expect(f.base).toBe(answered.length);
      expect(Math.abs((f.value as number) - p)).toBeLessThan(1e-6);
      expect(Math.abs((f.effectiveBase as number) - n)).toBeLessThan(1e-6);
      expect(f.designEffect).toBeCloseTo(answered.length / n, 6);
      const [low, high] = wilson(p, n);
      expect(Math.abs((f.ci?.[0] as number) - low)).toBeLessThan(1e-6);
      expect(Math.abs((f.ci?.[1] as number) - high)).toBeLessThan(1e-6);
    },
  );

  it.each([
    ['satisfaction.mean.utilisateurs', () => true],
    [
      'satisfaction.mean.radiologues',
      (r: Record<string, string>) => r[PROFESSION] === 'Radiologue',
    ],
  ])('%s: the weighted mean, Student at the effective base', (id, test) => {
    const scored = group((r) => test(r) && (r[SATISFACTION] ?? '') !== '');
    const sum = scored.reduce((a, x) => a + x.w, 0);
    const squares = scored.reduce((a, x) => a + x.w * x.w, 0);
    const mean = scored.reduce((a, x) => a + x.w * Number(x.row[SATISFACTION]), 0) / sum;
    const n = (sum * sum) / squares;
    const spread =
      scored.reduce((a, x) => a + x.w * (Number(x.row[SATISFACTION]) - mean) ** 2, 0) / sum;
    const sd = Math.sqrt((spread * n) / (n - 1));
    const half = (studentQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
    const f = figure<MeanFigure>(id);
    expect(f.base).toBe(scored.length);
    expect(Math.abs((f.value as number) - mean)).toBeLessThan(1e-6);
    expect(Math.abs((f.effectiveBase as number) - n)).toBeLessThan(1e-6);
    expect(Math.abs((f.sd as number) - sd)).toBeLessThan(1e-6);
    expect(Math.abs((f.ci?.[0] as number) - (mean - half))).toBeLessThan(1e-6);
    expect(Math.abs((f.ci?.[1] as number) - (mean + half))).toBeLessThan(1e-6);
  });

  it('leaves counts unweighted: respondents, answered, missing', () => {
    expect(figure('respondents.count.all')).toMatchObject({ value: 144 });
    expect(figure('secteur.missing.count.all')).toMatchObject({ value: 2 });
    expect(figure('respondents.count.all')).not.toHaveProperty('weighted');
  });
});

describe('what raking refuses', () => {
  /** The fixture's config with other targets (or bounds), raked on these responses. */
  function raked(change: (c: EditionConfig) => void, on: Responses = responses) {
    const config = structuredClone(edition.config);
    change(config);
    const raking = rake(config, on);
    if (raking === null || raking.ok) throw new Error('expected problems');
    return raking.problems;
  }
  const margins = (c: EditionConfig) =>
    (c.weighting as { margins: Record<string, Record<string, number>> }).margins;

  /** The responses with one column's answers changed for some respondents (a copy: the others keep theirs). */
  function withAnswers(
    question: string,
    change: (i: number, column: ChoiceColumn) => number | null,
  ) {
    const column = responses.columns.get(question) as ChoiceColumn;
    const masks = Uint32Array.from(column.masks);
    for (let i = 0; i < responses.count; i++) {
      const k = change(i, column);
      if (k !== null) masks[i] = k < 0 ? 0 : 1 << k;
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(column)), column, { masks });
    const columns = new Map(responses.columns);
    columns.set(question, copy);
    return { ...responses, columns };
  }

  it('a target no respondent can carry, naming the question and the answer', () => {
    const cadre = (responses.columns.get('profession') as ChoiceColumn).codes.indexOf('cadre');
    const noCadres = withAnswers('profession', (i, c) => (c.chose(i, cadre) ? -1 : null));
    const [p, ...others] = raked(() => {}, noCadres);
    expect(others).toEqual([]);
    expect(p).toMatchObject({ question: 'profession', code: 'cadre' });
    expect(p?.said.found).toBe('none among the respondents weighted');
  });

  it('a target of 0 for an answer respondents gave', () => {
    const [p] = raked((c) => {
      Object.assign(margins(c).profession as object, { cadre: 0, manipulateur: 0.6 });
    });
    expect(p).toMatchObject({ question: 'profession', code: 'cadre' });
    expect(p?.said.expected).toBe(
      'a share above 0 for "cadre" of "profession", which 14 respondents gave',
    );
  });

  it('targets that contradict each other for the respondents', () => {
    // Every cadre made hospitalier: cadres at 50 % cannot fit in hospitaliers at 20 %.
    const profession = responses.columns.get('profession') as ChoiceColumn;
    const cadre = profession.codes.indexOf('cadre');
    const hospitalier = (responses.columns.get('secteur') as ChoiceColumn).codes.indexOf(
      'hospitalier',
    );
    const cadresAtHospital = withAnswers('secteur', (i) =>
      profession.chose(i, cadre) ? hospitalier : null,
    );
    const [p] = raked((c) => {
      margins(c).profession = { radiologue: 0.2, manipulateur: 0.2, cadre: 0.5, autre: 0.1 };
      margins(c).secteur = { hospitalier: 0.2, liberal: 0.5, mixte: 0.2, autre: 0.1 };
    }, cadresAtHospital);
    expect(p).toMatchObject({ question: 'profession', code: 'cadre' });
    expect(p?.said.found).toBe(
      '20 % at best: the targets of the weighting questions contradict each other for these respondents',
    );
  });

  it('bounds too tight, naming the answer that needs the weight and the weight it needs', () => {
    const [p] = raked((c) => {
      (c.weighting as { bounds: [number, number] }).bounds = [0.6, 1.6];
    });
    // Radiologues: 52 % of the respondents for 30 %: their weights must average 0.58.
    expect(p).toMatchObject({ question: 'profession', code: 'radiologue' });
    expect(p?.said.found).toMatch(
      /^52\.1 % of the respondents weighted gave it: the raking needs weights of 0\.\d\d$/,
    );
  });

  it('is said at its key in edition.yaml, as a located input error', () => {
    const tight = { ...edition, config: structuredClone(edition.config) };
    (tight.config.weighting as { bounds: [number, number] }).bounds = [0.9, 1.1];
    let thrown: unknown;
    try {
      weighEdition(tight, responses);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    const [problem] = (thrown as InputError).problems;
    expect(problem?.file).toBe(edition.configFile);
    expect(problem?.where).toMatch(/^key "weighting › margins › (profession|secteur) › \w+"$/);
    expect(problem?.line).toBeGreaterThan(1);
  });

  it('weighs nothing without `weighting:`, nor with apply: false', async () => {
    const plain = await loadEdition('data/2024', CHART_KINDS);
    const { responses: unweighted } = await ingestEdition(plain);
    expect(rake(plain.config, unweighted)).toBeNull();
    const off = structuredClone(edition.config);
    (off.weighting as { apply: boolean }).apply = false;
    expect(rake(off, responses)).toBeNull();
  });
});
