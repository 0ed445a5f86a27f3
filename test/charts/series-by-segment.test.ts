/** A share followed over every edition, one line per segment, drawn from the synthetic series 2024, 2025, 2026. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Figure, SeriesFigure } from '../../src/analysis/figures.js';
import type { ChartData } from '../../src/charts/kind.js';
import { chartKind } from '../../src/charts/kinds/index.js';
import { chartLines } from '../../src/charts/lines.js';
import { renderSvg } from '../../src/charts/render.js';
import type { ChartConfig, EditionConfig, Question } from '../../src/edition/schema.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { analysedWithIndex } from '../helpers/analysed.js';

const kind = chartKind('series_by_segment');
let config: EditionConfig;
let index: FigureIndex;
const dataOf = (id: string): { chart: ChartConfig; data: ChartData } => {
  const chart = config.articles.flatMap((a) => a.charts).find((c) => c.id === id) as ChartConfig;
  const question = config.questions.find((q) => q.id === chart.question) as Question;
  return { chart, data: kind.data(chart, { config, index, question }) };
};

beforeAll(async () => {
  const a = await analysedWithIndex('test/fixtures/editions/2026');
  config = a.analysed.edition.config;
  index = a.index;
});

describe('series_by_segment', () => {
  it('gives each segment a point per edition, with its count, base and interval', () => {
    const { data } = dataOf('usage_par_edition');
    expect(data.parts).toEqual(['2024', '2025', '2026']);
    const manipulateurs = data.rows.filter((r) => r.group === 'Manipulateurs');
    expect(manipulateurs.map((r) => r.part)).toEqual(['2024', '2025', '2026']);
    // The published 2024 figure (F2), then the synthetic 2025 one (change-by-segment.test.ts).
    expect(manipulateurs.slice(0, 2).map((r) => [r.count, r.base, r.text])).toEqual([
      [24, 46, '52\u00a0%'],
      [59, 97, '61\u00a0%'],
    ]);
    const own = index.share('usage.oui.share.manipulateurs');
    expect([manipulateurs[2]?.low, manipulateurs[2]?.high]).toEqual(own.ci);
    // Cadres de santé: 14 respondents in 2024, "8 sur 14", the publication's small-base rule.
    expect(data.rows.find((r) => r.group === 'Cadres de santé')?.text).toBe('8\u00a0sur\u00a014');
    // 2025 reworded the question, and the editors decided the comparison holds: one unbroken line.
    expect(new Set(data.rows.map((r) => r.run))).toEqual(new Set([0]));
    expect(data.baseNote).toContain(
      'Entre 2024 et 2025, le questionnaire a changé ; la rédaction a jugé la comparaison possible',
    );
    expect(data.baseNote).not.toContain('interrompue');
  });

  it('breaks the line where an edition no longer measures the same, and says why under the chart', async () => {
    const { data } = dataOf('avenir_par_edition');
    expect(data.rows.filter((r) => r.group === 'Utilisateurs').map((r) => r.run)).toEqual([
      0, 0, 1,
    ]);
    expect(data.baseNote).toMatch(
      /Ligne interrompue entre 2025 et 2026 : question reformulée \(« Pensez-vous .* » en 2025, « Envisagez-vous .* » en 2026\)\.$/,
    );
    const svg = await renderSvg(kind.spec(data, 480));
    expect(svg).toContain('>rupture<');
    expect((svg.match(/stroke-dasharray="4,3"/g) ?? []).length).toBe(1);
    const unbroken = await renderSvg(kind.spec(dataOf('usage_par_edition').data, 480));
    expect(unbroken).not.toContain('stroke-dasharray="4,3"');
    // Each segment's latest value at the end of its line.
    const text = svg.replaceAll('&#xa0;', '\u00a0').replaceAll('&nbsp;', '\u00a0');
    for (const r of data.rows.filter((x) => x.part === '2026'))
      expect(text).toContain(`>${r.text}<`);
  });

  it('gives every point its base in the table, the alt text and the e-mail’s lines', () => {
    const { data } = dataOf('usage_par_edition');
    const table = kind.table(data);
    expect(table.columns).toEqual(['Groupe', '2024 (base)', '2025 (base)', '2026 (base)']);
    expect(table.rows.find((r) => r[0] === 'Manipulateurs')?.slice(0, 3)).toEqual([
      'Manipulateurs',
      '52\u00a0% (46)',
      '61\u00a0% (97)',
    ]);
    const alt = kind.alt('Titre', data);
    expect(alt).toMatch(/^Graphique en courbes, une par groupe, de 2024 à 2026/);
    expect(alt).toContain(
      'Manipulateurs\u00a0: 52\u00a0% en 2024 (n\u00a0=\u00a046), 61\u00a0% en 2025 (n\u00a0=\u00a097)',
    );
    expect(chartLines(data).slice(0, 2)).toEqual([
      'Radiologues',
      '  2024\u00a0: 81\u00a0% (60\u00a0sur\u00a074)',
    ]);
  });

  it('leaves a gap where an edition lacks the figure, and marks it', async () => {
    const point = (edition: string, value: number, previous?: string) => ({
      edition,
      year: edition,
      value,
      count: value * 100,
      base: 100,
      ci: [value - 0.1, value + 0.1] as [number, number],
      ...(previous && { previous }),
      comparable: true,
      notes: [],
    });
    const series = (id: string, points: SeriesFigure['points']): SeriesFigure => ({
      id: `${id}.series`,
      kind: 'series',
      label: id,
      segment: 'all',
      of: 'share',
      value: points.at(-1)?.value ?? null,
      points,
    });
    const figures: Figure[] = [
      series('respondents.count.all', [
        point('2024', 1),
        point('2025', 1, '2024'),
        point('2026', 1, '2025'),
      ]),
      series('x.oui.share.all', [point('2024', 0.4), point('2026', 0.6, '2024')]),
    ];
    const question = {
      id: 'x',
      header: 'x',
      type: 'yesno',
      options: [
        { code: 'oui', label: 'Oui' },
        { code: 'non', label: 'Non' },
      ],
    } as Question;
    const chart = {
      id: 'c',
      kind: 'series_by_segment',
      question: 'x',
      answer: 'oui',
      segments: ['all'],
      title: 't',
    };
    const data = kind.data(chart, {
      config: { ...config, questions: [question] },
      index: new FigureIndex(figures),
      question,
    });
    expect(data.rows.map((r) => [r.part, r.run])).toEqual([
      ['2024', 0],
      ['2026', 1],
    ]);
    expect(kind.table(data).rows[0]).toEqual([
      'Ensemble',
      '40\u00a0% (100)',
      '–',
      '60\u00a0% (100)',
    ]);
    expect(await renderSvg(kind.spec(data, 480))).toContain('>rupture<');
  });
});
