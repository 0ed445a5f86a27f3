/**
 * A chart's numbers as the newsletter's plain text gives them: one short
 * line a bar, read from its rows, with French typography; a chart split by
 * a second variable gives each group's name, then its parts, indented.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import type { Figure } from '../../src/analysis/figures.js';
import { planChart } from '../../src/charts/draw.js';
import type { EditionConfig } from '../../src/edition/schema.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { silentLog } from '../../src/log.js';
import { meanPrecision } from '../../src/render/precision.js';

type Edition = { config: EditionConfig; index: FigureIndex };
const editions: Record<string, Edition> = {};

async function load(folder: string): Promise<Edition> {
  const a = await analyseEdition(folder, silentLog);
  const precision = await meanPrecision(a.edition, a.figures);
  return {
    config: a.edition.config,
    index: new FigureIndex(a.figures as Figure[], precision.decimals, a.comparer),
  };
}

beforeAll(async () => {
  editions['2024'] = await load('data/2024');
  editions['2025'] = await load('test/fixtures/editions/2025');
});

/** The chart's lines, spaces shown: "·" for a no-break space. */
function lines(edition: string, id: string): string[] {
  const { config, index } = editions[edition] as Edition;
  const chart = config.articles.flatMap((a) => a.charts).find((c) => c.id === id);
  if (!chart) throw new Error(`no chart ${id} in ${edition}`);
  return planChart(chart, config, index, 'Titre').chart.lines.map((l) =>
    l.replaceAll('\u00a0', '·'),
  );
}

describe('a chart as lines of text', () => {
  it('gives each bar its share, count and base; under 30 respondents, the count alone', () => {
    expect(lines('2024', 'utilisateurs_par_profession')).toEqual([
      'Radiologues·: 81·% (60·sur·74)',
      'Manipulateurs·: 52·% (24·sur·46)',
      'Cadres de santé·: 8·sur·14',
      'Autres·: 4·sur·9',
    ]);
  });

  it('gives a mean out of its scale with its base, and its interval where the chart draws it', () => {
    expect(lines('2024', 'satisfaction_par_profession')[0]).toBe(
      'Radiologues·: 7,6·sur·10 (n·=·60)',
    );
    expect(lines('2024', 'satisfaction_intervalles')[0]).toBe(
      'Radiologues·: 7,6·sur·10, entre 7,2 et 8,0 (n·=·60)',
    );
  });

  it('names a score as a score', () => {
    expect(lines('2024', 'satisfaction_distribution')).toHaveLength(10);
    expect(lines('2024', 'satisfaction_distribution')[0]).toMatch(/^Note 1·: /);
  });

  it('gives a split chart group by group, each part indented, without the legend’s base', () => {
    const freins = lines('2024', 'freins_par_profession');
    expect(freins.slice(0, 4)).toEqual([
      'Manque de formation',
      '  Radiologues·: 60·% (41·sur·68)',
      '  Manipulateurs·: 72·% (28·sur·39)',
      '  Cadres de santé·: 7·sur·11',
    ]);
    expect(lines('2024', 'frequence_par_profession').slice(0, 2)).toEqual([
      'Radiologues',
      '  Plusieurs fois par jour·: 42·% (25·sur·60)',
    ]);
  });

  it('gives a change each edition’s value, this year’s with its change in words', () => {
    const change = lines('2025', 'satisfaction_evolution');
    expect(change[0]).toBe('Radiologues');
    expect(change[1]).toMatch(/^ {2}2024·: \d,\d·sur·10 \(n·=·\d+\)$/);
    expect(change[2]).toMatch(/^ {2}2025·: \d,\d·sur·10 \(n·=·\d+\), .+/);
  });
});
