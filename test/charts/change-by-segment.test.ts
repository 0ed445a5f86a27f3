/** The dumbbell of what changed since last year, drawn from the synthetic 2025 edition against 2024. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import type { ChartData } from '../../src/charts/kind.js';
import { chartKind } from '../../src/charts/kinds/index.js';
import { renderSvg } from '../../src/charts/render.js';
import type { ChartConfig, EditionConfig, Question } from '../../src/edition/schema.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { silentLog } from '../../src/log.js';

let config: EditionConfig;
let index: FigureIndex;
const dataOf = (id: string): { chart: ChartConfig; data: ChartData } => {
  const chart = config.articles.flatMap((a) => a.charts).find((c) => c.id === id) as ChartConfig;
  const question = config.questions.find((q) => q.id === chart.question) as Question;
  return { chart, data: chartKind(chart.kind).data(chart, { config, index, question }) };
};

beforeAll(async () => {
  const a = await analyseEdition('test/fixtures/editions/2025', silentLog);
  config = a.edition.config;
  index = new FigureIndex(a.figures);
});

describe('change_by_segment', () => {
  it("gives each segment last year's and this year's value, with both bases", () => {
    const { data } = dataOf('usage_evolution');
    expect(data.parts).toEqual(['2024', '2025']);
    const manipulateurs = data.rows.filter((r) => r.group === 'Manipulateurs');
    expect(manipulateurs.map((r) => [r.part, r.count, r.base, r.text])).toEqual([
      ['2024', 24, 46, '52\u00a0%'],
      ['2025', 59, 97, '61\u00a0%'],
    ]);
    expect(manipulateurs[0]?.axisLabel).toBe('Manipulateurs|n\u00a0=\u00a046 → 97');
    // Cadres de santé had 14 respondents in 2024: "8 sur 14", the publication's small-base rule.
    expect(data.rows.find((r) => r.group === 'Cadres de santé')?.text).toBe('8\u00a0sur\u00a014');
    expect(manipulateurs[1]?.note).toBe('+9\u00a0points, stable, dans la marge d’incertitude');
  });

  it('says it in words and as a table, and draws dots for both years on one line per segment', async () => {
    const { chart, data } = dataOf('satisfaction_evolution');
    const kind = chartKind(chart.kind);
    const alt = kind.alt('Titre', data);
    expect(alt).toContain('Graphique en haltères');
    expect(alt).toMatch(
      /Radiologues\u00a0: 7,6 en 2024 \(n\u00a0=\u00a060\), 7,\d en 2025 \(n\u00a0=\u00a0\d+\)/,
    );
    expect(kind.table(data).columns).toEqual(['Groupe', '2024 (base)', '2025 (base)', 'Évolution']);
    expect(data.domain).toEqual([1, 10]);
    const svg = await renderSvg(kind.spec(data, 480));
    // A grey dot (last year) and a blue one (this year) for each of the 4 segments, and one of each in the legend.
    expect(svg).toContain('>2024<');
    expect(svg).toContain('>2025<');
    expect((svg.match(/fill="#0072B2"/g) ?? []).length).toBe(5);
    expect((svg.match(/fill="#5b6770"/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });
});
