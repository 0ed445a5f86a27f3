import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMetrics } from '../../src/charts/font-metrics.js';
import type { ChartData } from '../../src/charts/kind.js';
import { chartKind } from '../../src/charts/kinds/index.js';
import { renderPng, renderSvg, renderSvgs } from '../../src/charts/render.js';
import { wrapLabel } from '../../src/charts/rows.js';
import type { ChartConfig, EditionConfig, Question } from '../../src/edition/schema.js';
import { trueTypePaths } from '../../src/fonts.js';
import type { FigureIndex } from '../../src/format/figure-index.js';
import { analysedWithIndex } from '../helpers/analysed.js';

let config: EditionConfig;
let index: FigureIndex;
const chart = (id: string) =>
  config.articles.flatMap((a) => a.charts).find((c) => c.id === id) as ChartConfig;
const question = (c: ChartConfig) => config.questions.find((q) => q.id === c.question) as Question;
const chartData = (c: ChartConfig): ChartData =>
  chartKind(c.kind).data(c, { config, index, question: question(c) });
const chartSpec = (d: ChartData, width = 480) => chartKind(d.kind).spec(d, width);

beforeAll(async () => {
  const made = await analysedWithIndex('data/2024');
  config = made.analysed.edition.config;
  index = made.index;
});

describe('chart data', () => {
  it('comes from the figures, with bases and the under-30 rule', () => {
    const d = chartData(chart('utilisateurs_par_profession'));
    expect(d.rows.map((r) => [r.group, r.count, r.base, r.text])).toEqual([
      ['Radiologues', 60, 74, '81\u00a0%'],
      ['Manipulateurs', 24, 46, '52\u00a0%'],
      ['Cadres de santé', 8, 14, '8\u00a0sur\u00a014'],
      ['Autres', 4, 9, '4\u00a0sur\u00a09'],
    ]);
  });
  it('ranks answers largest first, "Autre" last', () => {
    const d = chartData(chart('usages_manipulateurs_cadres'));
    expect(d.rows[0]?.group).toBe('Aide au diagnostic');
    expect(d.rows[d.rows.length - 1]?.group).toBe('Autre');
    expect(d.baseNote).toContain('32');
  });
  it('describes itself in words and as a table', () => {
    const d = chartData(chart('utilisateurs_par_profession'));
    const kind = chartKind(d.kind);
    expect(kind.alt('Titre', d)).toContain('Manipulateurs (n\u00a0=\u00a046)\u00a0: 52\u00a0%');
    const t = kind.table(d);
    expect(t.columns).toEqual(['Groupe', 'Effectif', 'Base', 'Part', 'IC 95\u00a0%']);
    expect(t.rows[1]).toEqual(['Manipulateurs', '24', '46', '52\u00a0%', '38\u00a0% – 66\u00a0%']);
  });
  it('breaks long labels in two', () => {
    expect(wrapLabel('Segmentation et post-traitement')).toBe('Segmentation et|post-traitement');
    expect(wrapLabel('Rarement')).toBe('Rarement');
  });
});

describe('chart drawing', () => {
  it('draws an SVG in the chart font, with French numbers, bars from zero', async () => {
    const svg = await renderSvg(chartSpec(chartData(chart('utilisateurs_par_profession'))));
    expect(svg).toMatch(/^<svg[^>]* width="\d+" height="\d+"/);
    expect(svg).toContain('font-family="\'Source Sans 3\', sans-serif"');
    expect(svg).toContain('>0\u00a0%</text>');
    expect(svg).toContain('8\u00a0sur\u00a014');
  });
  it('renders the PNG at the asked pixel width without a browser', async () => {
    const svg = await renderSvg(chartSpec(chartData(chart('freins'))));
    const png = renderPng(svg, 1104);
    const [width, height] = [/width="(\d+)"/, /height="(\d+)"/].map((r) =>
      Number(r.exec(svg)?.[1]),
    );
    expect(Buffer.from(png.bytes).readUInt32BE(16)).toBe(1104);
    expect(Buffer.from(png.bytes).readUInt32BE(20)).toBeCloseTo(
      (1104 * (height as number)) / (width as number),
      -1,
    );
  });
  it('draws a chart at several widths from one view exactly as from a spec per width', async () => {
    const data = chartData(chart('freins'));
    const [wide, narrow] = await renderSvgs(chartSpec(data, 740), [740, 330]);
    const anonymous = (svg: string) => svg.replace(/clip\d+/g, 'clip');
    expect(anonymous(wide as string)).toBe(anonymous(await renderSvg(chartSpec(data, 740))));
    expect(anonymous(narrow as string)).toBe(anonymous(await renderSvg(chartSpec(data, 330))));
  });
  it('draws each medium at its own width, the text the same size in drawing units', async () => {
    const data = chartData(chart('utilisateurs_par_profession'));
    for (const width of [330, 740]) {
      const svg = await renderSvg(chartSpec(data, width));
      expect(Number(/width="(\d+)"/.exec(svg)?.[1])).toBe(width);
      expect(svg).toContain('font-size="13px"');
    }
  });
  it('measures text with the real font: an "i" is narrower than an "M"', () => {
    const regular = trueTypePaths().find((f) => f.includes('SourceSans3_400Regular.')) as string;
    const m = readMetrics(readFileSync(regular));
    expect(m.advance('i'.codePointAt(0) as number)).toBeLessThan(
      m.advance('M'.codePointAt(0) as number),
    );
    expect(m.advance(' '.codePointAt(0) as number)).toBeGreaterThan(0.1);
  });
});
