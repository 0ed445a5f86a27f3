import { beforeAll, describe, expect, it } from 'vitest';
import { freeText } from '../../src/analysis/free-text.js';
import type { FigureIndex } from '../../src/format/figure-index.js';
import { tablesView } from '../../src/render/tables-view.js';
import { segmentGroups } from '../../src/tables/groups.js';
import type { CrossTab, SurveyTables } from '../../src/tables/model.js';
import { MAX_COLUMNS, surveyTables } from '../../src/tables/tables.js';
import { analysedWithIndex } from '../helpers/analysed.js';

let tables: SurveyTables;
let index: FigureIndex;
let config: Awaited<ReturnType<typeof analysedWithIndex>>['analysed']['edition']['config'];

beforeAll(async () => {
  const made = await analysedWithIndex('data/2024');
  const a = made.analysed;
  config = a.edition.config;
  index = made.index;
  tables = surveyTables({
    config,
    index,
    freeText: freeText(config, a.ingested.responses),
    times: a.ingested.responses.timestamp.epochMs,
    respondents: a.ingested.responses.count,
  });
});

const question = (id: string) => {
  const q = tables.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no tables for ${id}`);
  return q;
};
const tab = (id: string, title: string): CrossTab => {
  const t = question(id).crossTabs.find((x) => x.title === title);
  if (!t) throw new Error(`no cross-tab ${title} for ${id}`);
  return t;
};

describe('the survey’s tables', () => {
  it('have every question of the codebook, in its order, with its topline', () => {
    expect(tables.questions.map((q) => q.id)).toEqual(config.questions.map((q) => q.id));
    const usage = question('usage');
    expect(usage.topline.columns.map((c) => c.segment)).toEqual(['all']);
    const [oui, non] = usage.topline.rows;
    expect(oui?.cells[0]).toMatchObject({
      figure: 'usage.oui.share.all',
      base: 144 - usage.missing,
    });
    expect((oui?.cells[0]?.count ?? 0) + (non?.cells[0]?.count ?? 0)).toBe(144 - usage.missing);
  });

  it('cross every closed question by the groups the segments make, in their order', () => {
    expect(segmentGroups(config).map((g) => g.title)).toEqual(
      [
        'Profession',
        'Secteur d’exercice',
        'Utilisation de l’IA',
        'Profession × Utilisation de l’IA',
        'Profession × Secteur d’exercice',
      ].map((t) => t.replaceAll('’', "'")),
    );
    // A question is not crossed by the groups made of its own answers.
    for (const q of tables.questions.filter((x) => x.topline.rows.length > 0)) {
      const own = segmentGroups(config).filter((g) => g.questions.includes(q.id)).length;
      expect(q.crossTabs).toHaveLength(5 - own);
    }
    expect(question('profession').crossTabs.map((t) => t.title)).not.toContain('Profession');
  });

  it('letter the radiologues’ 81 % with the manipulateurs’ column, not the reverse; the 14 cadres unlettered', () => {
    const t = tab('usage', 'Profession');
    const col = (segment: string) => t.columns.findIndex((c) => c.segment === segment);
    const [radiologues, manipulateurs, cadres] = [
      col('radiologues'),
      col('manipulateurs'),
      col('cadres'),
    ];
    const manipLetter = t.columns[manipulateurs]?.letter as string;
    const radioLetter = t.columns[radiologues]?.letter as string;
    expect(manipLetter).toMatch(/^[A-Z]$/);
    const oui = t.rows.find((r) => r.code === 'oui');
    expect(oui?.cells[radiologues]?.letters).toContain(manipLetter);
    // The comparison the letter stands for: 81 % against 52 %, interval [+11,7 ; +44,7].
    const c = index.compare('usage.oui.share.radiologues', 'usage.oui.share.manipulateurs');
    expect(c.method).toBe('newcombe');
    expect(c.ci?.[0]).toBeCloseTo(0.117, 3);
    expect(c.ci?.[1]).toBeCloseTo(0.447, 3);
    expect(oui?.cells[manipulateurs]?.letters).not.toContain(radioLetter);
    expect(t.columns[cadres]).toMatchObject({ base: 14, small: true, letter: '' });
    expect(oui?.cells[cadres]?.letters).toBe('');
    // The whole is shown, never lettered.
    expect(t.columns[0]).toMatchObject({ segment: 'all', letter: '' });
  });

  it('give a scale its notes and its mean, lettered by the same comparison', () => {
    const t = tab('satisfaction', 'Profession');
    expect(t.rows.map((r) => r.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      'mean',
    ]);
    const mean = t.rows.at(-1);
    expect(mean?.cells[0]?.figure).toBe('satisfaction.mean.all');
  });

  it('count the free answers and the responses per week', () => {
    const comments = question('commentaire');
    expect(comments.crossTabs).toEqual([]);
    expect(comments.freeText?.answers).toBeGreaterThan(0);
    const times = question('horodateur').perWeek ?? [];
    expect(times.reduce((n, w) => n + w.count, 0)).toBe(144);
    expect(times.every((w) => new Date(`${w.week}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('split a group of many segments over tables of at most eight columns', () => {
    for (const q of tables.questions)
      for (const t of q.crossTabs) expect(t.columns.length).toBeLessThanOrEqual(MAX_COLUMNS + 1);
  });
});

describe('a group of many segments, and a question nobody answered', () => {
  it('split twenty professions over tables of at most eight, each with the whole', async () => {
    const { copyEdition, edit } = await import('../helpers/edition-copy.js');
    const { edition } = await copyEdition();
    // Twenty segments on the profession question: the three professions, then seventeen more.
    const extra = Array.from(
      { length: 17 },
      (_, i) =>
        `  - { id: radiologues_${i}, label: "Radiologues ${i}", where: { profession: radiologue } }`,
    ).join('\n');
    await edit(`${edition}/edition.yaml`, (t) =>
      t.replace(/^segments:\n/m, `segments:\n${extra}\n`),
    );
    const { analysed: a, index: manyIndex } = await analysedWithIndex(edition);
    const many = surveyTables({
      config: a.edition.config,
      index: manyIndex,
      freeText: [],
      times: a.ingested.responses.timestamp.epochMs,
      respondents: a.ingested.responses.count,
    });
    const parts = (many.questions.find((q) => q.id === 'usage')?.crossTabs ?? []).filter(
      (t) => t.title === 'Profession',
    );
    expect(parts.length).toBe(3);
    expect(parts.map((p) => p.part)).toEqual([
      { index: 1, of: 3 },
      { index: 2, of: 3 },
      { index: 3, of: 3 },
    ]);
    for (const p of parts) {
      expect(p.columns[0]?.segment).toBe('all');
      expect(p.columns.length).toBeLessThanOrEqual(MAX_COLUMNS + 1);
    }
  });

  it('say « Aucune réponse. » for a question nobody answered, never an empty table', () => {
    const usage = question('usage');
    const nobody = {
      ...usage,
      topline: {
        ...usage.topline,
        columns: usage.topline.columns.map((c) => ({ ...c, base: 0 })),
        rows: usage.topline.rows.map((r) => ({
          ...r,
          cells: r.cells.map((c) => ({ ...c, value: null, base: 0, count: 0 })),
        })),
      },
    };
    const view = tablesView({ ...tables, questions: [nobody] }, 'free-text.csv');
    expect(view.questions[0]).toMatchObject({ noAnswer: 'Aucune réponse.', crossTabs: [] });
    expect(view.questions[0]?.topline).toBeUndefined();
  });
});
