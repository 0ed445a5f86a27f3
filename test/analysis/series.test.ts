/**
 * Series over every edition of the `previous` chain, on the synthetic series
 * 2024 (data/2024), 2025 and 2026 (test/fixtures/editions): one point per
 * edition that has the figure, each compared with the one before by the
 * codebooks, each past edition analysed once and remembered by content, and
 * a chain that loops or names no edition stopped with a located message.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analysed, analyseEdition } from '../../src/analyse.js';
import type { ChangeFigure, Figure, SeriesFigure } from '../../src/analysis/figures.js';
import { editionYear, pointDifference, undecidedSteps } from '../../src/analysis/series.js';
import { newcombe, welch } from '../../src/analysis/stats.js';
import { InputError } from '../../src/errors.js';
import { silentLog } from '../../src/log.js';
import { scratch } from '../helpers/scratch.js';

const EDITION_2026 = 'test/fixtures/editions/2026';

let analysed: Analysed;
beforeAll(async () => {
  analysed = await analyseEdition(EDITION_2026, silentLog);
});
const figure = (id: string) => analysed.figures.find((f) => f.id === id) as Figure | undefined;
const series = (id: string) => figure(`${id}.series`) as SeriesFigure;

describe('the previous chain of the synthetic 2026 edition', () => {
  it('is followed back to the first edition, oldest first', () => {
    expect(analysed.history.map((h) => h.edition.config.edition.id)).toEqual(['2024', '2025']);
    expect(analysed.previous).toBe(analysed.history[1]);
    // Change figures still compare with the edition before only.
    expect((figure('usage.oui.share.all.change') as ChangeFigure).previous).toBe('2025');
  });

  it('gives a share one point per edition, each with its own count, base and Wilson interval', () => {
    const s = series('usage.oui.share.manipulateurs');
    expect(s).toMatchObject({
      kind: 'series',
      of: 'share',
      question: 'usage',
      segment: 'manipulateurs',
    });
    expect(s.points.map((p) => [p.edition, p.year])).toEqual([
      ['2024', '2024'],
      ['2025', '2025'],
      ['2026', '2026'],
    ]);
    // 2024: 24 of 46 manipulateurs use IA (the published F2); 2025: 59 of 97 (change.test.ts).
    expect(s.points.slice(0, 2).map((p) => [p.count, p.base])).toEqual([
      [24, 46],
      [59, 97],
    ]);
    const [h2024, h2025] = analysed.history;
    for (const [k, edition] of [h2024, h2025, analysed].entries()) {
      const own = edition?.figures.find((f) => f.id === 'usage.oui.share.manipulateurs');
      if (own?.kind !== 'share') throw new Error('no share');
      expect(s.points[k]).toMatchObject({
        value: own.value,
        count: own.count,
        base: own.base,
        ci: own.ci,
      });
    }
    expect(s.value).toBe(s.points[2]?.value);
  });

  it('compares each point with the one before by the codebooks, with the decisions each edition records', () => {
    const usage = series('usage.oui.share.manipulateurs').points;
    expect(usage[0]).toMatchObject({ comparable: true, notes: [] });
    expect(usage[0]?.previous).toBeUndefined();
    // 2025 reworded the question (and added professions): noted, and decided in 2025's edition.yaml.
    expect(usage[1]?.previous).toBe('2024');
    expect(usage[1]?.comparable).toBe(false);
    expect(usage[1]?.notes.map((n) => n.about)).toContain('usage');
    expect(usage[1]?.notes.every((n) => n.decision !== undefined)).toBe(true);
    // Nothing changed in 2026.
    expect(usage[2]).toMatchObject({ previous: '2025', comparable: true, notes: [] });
    expect(undecidedSteps(series('usage.oui.share.manipulateurs'))).toEqual([]);
    // 2026 reworded the future-use question, and no decision is recorded: that step is undecided.
    const future = series('avenir.oui.share.all');
    const step = future.points[2];
    expect(step?.comparable).toBe(false);
    expect(step?.notes).toEqual([
      expect.objectContaining({
        about: 'avenir',
        difference: expect.objectContaining({ kind: 'reworded' }),
      }),
    ]);
    expect(step?.notes[0]?.decision).toBeUndefined();
    expect(undecidedSteps(future)).toEqual([step]);
    // The last step is the change figure's comparison, its text naming both editions.
    const change = figure('avenir.oui.share.all.change') as ChangeFigure;
    expect(step?.notes.map(({ text, ...n }) => n)).toEqual(change.notes.map(({ text, ...n }) => n));
    expect(change.notes[0]?.text).toMatch(/» en 2025, « .* » aujourd'hui\)$/);
    expect(step?.notes[0]?.text).toMatch(/» en 2025, « .* » en 2026\)$/);
  });

  it('starts where the figure starts, and follows no figure this edition lost', () => {
    // Physicists were offered as an answer from 2025 on.
    expect(series('profession.physicien_medical.share.all').points.map((p) => p.edition)).toEqual([
      '2025',
      '2026',
    ]);
    // The frequency question was dropped in 2025: no series, though 2024 had it.
    expect(figure('frequence.quotidien.share.all.series')).toBeUndefined();
    expect(analysed.history[0]?.figures.some((f) => f.id === 'frequence.quotidien.share.all')).toBe(
      true,
    );
    // Means and counts too; never dates.
    expect(series('satisfaction.mean.utilisateurs').of).toBe('mean');
    expect(series('respondents.count.all').points.map((p) => p.value)).toEqual([144, 320, 360]);
    expect(figure('horodateur.first.date.all.series')).toBeUndefined();
  });

  it('decides the difference between two points by the intervals of a change (Newcombe, Welch)', () => {
    const s = series('usage.oui.share.manipulateurs');
    const [first, , last] = s.points as [
      SeriesFigure['points'][0],
      unknown,
      SeriesFigure['points'][0],
    ];
    const d = pointDifference(s, first, last);
    expect(d.value).toBeCloseTo((last.value as number) - 24 / 46, 12);
    expect(d.ci).toEqual(
      newcombe(last as { count: number; base: number }, { count: 24, base: 46 })?.ci,
    );
    const m = series('satisfaction.mean.utilisateurs');
    const [a, , b] = m.points as [SeriesFigure['points'][0], unknown, SeriesFigure['points'][0]];
    const hand = welch(
      { mean: b.value as number, sd: b.sd ?? null, base: b.base as number },
      { mean: a.value as number, sd: a.sd ?? null, base: a.base as number },
    );
    expect(pointDifference(m, a, b).ci).toEqual(hand?.ci);
    const n = series('respondents.count.all');
    expect(pointDifference(n, n.points[0] as never, n.points[2] as never)).toEqual({
      value: 216,
      ci: null,
    });
  });

  it('names an edition by its year: its id when it is one, else the year its field period starts', () => {
    const edition = (id: string) => ({
      id,
      fieldPeriod: { start: '2027-03-01', end: '2027-05-01' },
    });
    expect(editionYear(edition('2026') as never)).toBe('2026');
    expect(editionYear(edition('printemps') as never)).toBe('2027');
  });
});

/** The three editions side by side in a scratch folder, each `previous:` naming the one before. */
async function chainCopy(): Promise<string> {
  const root = scratch('series');
  await cp('data/2024', path.join(root, '2024'), { recursive: true });
  for (const year of ['2025', '2026']) {
    await cp(`test/fixtures/editions/${year}`, path.join(root, year), { recursive: true });
    await setPrevious(path.join(root, year), `../${year === '2025' ? '2024' : '2025'}`);
  }
  return root;
}

async function setPrevious(folder: string, previous: string | null): Promise<void> {
  const file = path.join(folder, 'edition.yaml');
  const text = (await readFile(file, 'utf8')).replace(/\n {2}previous: "[^"]*"/, '');
  const line = previous === null ? '' : `\n  previous: "${previous}"`;
  await writeFile(file, text.replace(/(\n {2}publishUrl: "[^"]*")/, `$1${line}`));
}

describe('each past edition', () => {
  it('is analysed once, and again only when its config or export changed', async () => {
    const root = await chainCopy();
    const first = await analyseEdition(path.join(root, '2026'), silentLog);
    const again = await analyseEdition(path.join(root, '2026'), silentLog);
    expect(again.history[0]).toBe(first.history[0]);
    expect(again.history[1]).toBe(first.history[1]);
    // One more line break at the end of 2024's export: the same figures, other bytes, read again.
    const csv = path.join(root, '2024', 'responses.csv');
    await writeFile(csv, `${await readFile(csv, 'utf8')}\n`);
    const edited = await analyseEdition(path.join(root, '2026'), silentLog);
    expect(edited.history[0]).not.toBe(first.history[0]);
    expect(edited.history[0]?.figures).toEqual(first.history[0]?.figures);
    expect(edited.history[1]).toBe(first.history[1]);
  });
});

describe('a chain that cannot be followed', () => {
  async function failure(root: string): Promise<InputError> {
    try {
      await analyseEdition(path.join(root, '2026'), silentLog);
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('the chain was followed');
  }

  // The tests speak English; the French of both is pinned by test/fixtures/bad/config-previous-*.
  it('stops on a loop, at the `previous:` that closes it', async () => {
    const root = await chainCopy();
    await setPrevious(path.join(root, '2024'), '../2026');
    const e = await failure(root);
    const [problem] = e.problems;
    expect(problem?.file).toBe(path.join(root, '2024', 'edition.yaml'));
    expect(problem?.line).toBeGreaterThan(1);
    expect(problem?.found).toBe(
      `"../2026" leads back to an edition already read: ${['2026', '2025', '2024', '2026'].map((y) => path.join(root, y)).join(' → ')}`,
    );
    expect(problem?.fix).toContain('the very first edition has no "previous:"');
  });

  it('stops on an edition missing from the chain, naming the edition that names it', async () => {
    const root = await chainCopy();
    await setPrevious(path.join(root, '2025'), '../2023');
    const [problem] = (await failure(root)).problems;
    expect(problem?.file).toBe(path.join(root, '2025', 'edition.yaml'));
    expect(problem?.found).toBe('"../2023" (a folder without edition.yaml)');
  });
});
