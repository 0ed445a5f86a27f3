/** The chart kinds' registry, and the two kinds added through it, drawn from the 2024 figures. */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRAWINGS, PRINT_COLUMN_PT } from '../../src/charts/drawings.js';
import type { ChartData } from '../../src/charts/kind.js';
import { CHART_KINDS, chartKind } from '../../src/charts/kinds/index.js';
import { renderSvg } from '../../src/charts/render.js';
import type { ChartConfig, EditionConfig, Question } from '../../src/edition/schema.js';
import type { FigureIndex } from '../../src/format/figure-index.js';
import { analysedWithIndex } from '../helpers/analysed.js';

let config: EditionConfig;
let index: FigureIndex;
const chart = (id: string) =>
  config.articles.flatMap((a) => a.charts).find((c) => c.id === id) as ChartConfig;
const dataOf = (c: ChartConfig): ChartData =>
  chartKind(c.kind).data(c, {
    config,
    index,
    question: config.questions.find((q) => q.id === c.question) as Question,
  });

beforeAll(async () => {
  const made = await analysedWithIndex('data/2024');
  config = made.analysed.edition.config;
  index = made.index;
});

describe('the registry', () => {
  it('has one file per kind, named after it, and each kind once', () => {
    const files = readdirSync('src/charts/kinds')
      .filter((f) => f !== 'index.ts')
      .sort();
    expect(CHART_KINDS.map((k) => `${k.kind.replaceAll('_', '-')}.ts`).sort()).toEqual(files);
    expect(new Set(CHART_KINDS.map((k) => k.kind)).size).toBe(CHART_KINDS.length);
  });
  it('gives each kind a schema whose "kind" is its name', () => {
    for (const k of CHART_KINDS) expect(k.schema.shape.kind.value).toBe(k.kind);
  });
});

describe('every chart of the 2024 edition, drawn for print', () => {
  it('has its text at caption size, 8 to 9 pt once scaled to the text column', async () => {
    const print = DRAWINGS.find((d) => d.name === 'print') as { width: number };
    const pt = PRINT_COLUMN_PT / print.width;
    for (const c of config.articles.flatMap((a) => a.charts)) {
      const svg = await renderSvg(chartKind(c.kind).spec(dataOf(c), print.width));
      expect(Number(/width="([\d.]+)"/.exec(svg)?.[1])).toBe(print.width);
      const sizes = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]) * pt);
      expect(sizes.length, c.id).toBeGreaterThan(3);
      expect(Math.min(...sizes), c.id).toBeGreaterThanOrEqual(8);
      expect(Math.max(...sizes), c.id).toBeLessThanOrEqual(9);
    }
  });
});

describe('means_with_intervals', () => {
  it('draws each mean as a dot with its 95 % interval, on the whole scale', async () => {
    const d = dataOf(chart('satisfaction_intervalles'));
    expect(d.rows.map((r) => [r.group, r.base, r.text])).toEqual([
      // One decimal, as the articles print them (a mean of 8 respondents supports no more).
      ['Radiologues', 60, '7,6'],
      ['Manipulateurs', 24, '7,1'],
      ['Cadres de santé', 8, '6,9'],
      ['Utilisateurs', 96, '7,4'],
    ]);
    const radiologues = d.rows[0];
    expect(radiologues?.low).toBeLessThan(7.58);
    expect(radiologues?.high).toBeGreaterThan(7.58);
    expect(d.domain).toEqual([1, 10]);
    const svg = await renderSvg(chartKind(d.kind).spec(d, 480));
    expect(svg).toContain('>7,6</text>');
    expect(svg).toContain('>10</text>');
    expect(svg).toMatch(/<path[^>]*class="[^"]*"|<line/);
  });
  it('says the intervals in its alt text and table', () => {
    const d = dataOf(chart('satisfaction_intervalles'));
    const kind = chartKind(d.kind);
    // Student's interval of the mean: 7,15 to 8,01 (t at 59 degrees of freedom), printed as the mean is.
    expect(kind.alt('T', d)).toContain(
      'Radiologues (n\u00a0=\u00a060)\u00a0: 7,6, entre 7,2 et 8,0',
    );
    expect(kind.table(d).rows[2]).toEqual(['Cadres de santé', '6,9', '8', '6,0 – 7,7']);
  });
});

describe('options_by_segment', () => {
  it('groups one bar per segment under each answer, with each base in the legend', async () => {
    const d = dataOf(chart('freins_par_profession'));
    expect(d.parts).toEqual([
      'Radiologues (n\u00a0=\u00a068)',
      'Manipulateurs (n\u00a0=\u00a039)',
      'Cadres de santé (n\u00a0=\u00a011)',
    ]);
    const formation = d.rows.filter((r) => r.group === 'Manque de formation');
    expect(formation.map((r) => r.text)).toEqual(['60\u00a0%', '72\u00a0%', '7\u00a0sur\u00a011']);
    expect(d.rows[d.rows.length - 1]?.group).toBe('Autre');
    const svg = await renderSvg(chartKind(d.kind).spec(d, 480));
    expect(svg).toContain('Cadres de santé (n\u00a0=\u00a011)');
    expect(svg).toContain('7\u00a0sur\u00a011');
  });
  it('has a table of counts and shares, one column per segment (counts of their base under 30)', () => {
    const d = dataOf(chart('freins_par_profession'));
    const t = chartKind(d.kind).table(d);
    expect(t.columns[0]).toBe('Réponse');
    expect(t.rows[0]).toEqual([
      'Manque de formation',
      '41 (60\u00a0%)',
      '28 (72\u00a0%)',
      // Under 30 respondents, a count of its base, as everywhere.
      '7\u00a0sur\u00a011',
    ]);
  });
});
