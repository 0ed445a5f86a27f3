/**
 * `enquete init` from a Microsoft Forms export: the 2024 answers as Microsoft
 * Forms exports them, mapped from the 2024 edition. Its own columns are
 * recognised (ID and start time as metadata, the completion time as the
 * timestamp, the e-mail and the name as private questions), every question
 * of the codebook is matched with its options, and the new edition reads
 * with the figures of the CSV. Then the rules one by one, on small exports.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { buildFigures, type Figure } from '../../src/analysis/figures.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { loadEdition } from '../../src/edition/load.js';
import { parseEditionConfig } from '../../src/edition/parse-config.js';
import type { Question } from '../../src/edition/schema.js';
import { ingestEdition } from '../../src/ingest/ingest.js';
import { applyPlan } from '../../src/init/apply.js';
import { inferQuestion } from '../../src/init/infer-question.js';
import { initEdition } from '../../src/init/init.js';
import { matchColumns } from '../../src/init/match-columns.js';
import { planInit } from '../../src/init/plan.js';
import { profileExport } from '../../src/init/profile.js';
import { silentLog } from '../../src/log.js';
import { testConfig } from '../helpers/edition.js';
import { scratch } from '../helpers/scratch.js';
import {
  answers2024,
  CONFIG_2024,
  CSV_2024,
  googleSheetsWorkbook,
  MICROSOFT_COLUMNS_EN,
  MICROSOFT_COLUMNS_FR,
  microsoftFormsConfig,
  microsoftFormsCsv,
  microsoftFormsWorkbook,
} from '../helpers/workbooks.js';

/** The figures of an edition, as the build computes them. */
async function figuresOf(folder: string): Promise<Figure[]> {
  const edition = await loadEdition(folder, CHART_KINDS);
  return buildFigures(edition.config, (await ingestEdition(edition)).responses);
}

/** enquete init <scratch>/2024 --from data/2024 --responses <this export>, in this process. */
async function initFrom2024(export_: { name: string; bytes: Buffer }) {
  const root = scratch('init-workbook');
  const responses = path.join(root, export_.name);
  await writeFile(responses, export_.bytes);
  const folder = path.join(root, '2024');
  const result = await initEdition(
    { folder, from: 'data/2024', responses },
    CHART_KINDS,
    silentLog,
  );
  const text = await readFile(path.join(folder, 'edition.yaml'), 'utf8');
  // biome-ignore lint/suspicious/noExplicitAny: the YAML as written, read back as plain data.
  const config: Record<string, any> = parseDocument(text).toJS();
  return { responses, folder, result, config };
}

const microsoft = async (own: string[]) => ({
  name: 'export.xlsx',
  bytes: await microsoftFormsWorkbook(await answers2024(), own),
});

/** A report's section, by its title, up to the next. */
const section = (report: string, title: string) =>
  report.slice(report.indexOf(`## ${title}`)).split('\n## ')[0] as string;

describe('enquete init from the 2024 edition, with Microsoft Forms’ export of its answers', () => {
  let run: Awaited<ReturnType<typeof initFrom2024>>;
  /** The same answers as Google Forms' CSV: what init makes of them is the reference. */
  let google: Awaited<ReturnType<typeof initFrom2024>>;
  beforeAll(async () => {
    run = await initFrom2024(await microsoft(MICROSOFT_COLUMNS_FR));
    google = await initFrom2024({ name: 'export.csv', bytes: await readFile(CSV_2024) });
  });
  const q = (id: string) => run.config.questions.find((x: { id: string }) => x.id === id);

  it('copies the workbook in as responses.xlsx and reads it at once', async () => {
    expect((await readdir(run.folder)).sort()).toEqual([
      'articles',
      'edition.yaml',
      'init-report.md',
      'responses.xlsx',
    ]);
    expect(await readFile(path.join(run.folder, 'responses.xlsx'))).toEqual(
      await readFile(run.responses),
    );
    expect(run.result.problems).toEqual([]);
    expect(run.result.report).toContain(
      'The export reads with the new config: 144 responses kept of 144.',
    );
  });

  it('keeps ID and the start time out of the questions, as metadata', () => {
    expect(run.config.source).toMatchObject({
      file: 'responses.xlsx',
      metadata: ['ID', 'Heure de début'],
    });
    expect(run.config.questions.map((x: Question) => x.header)).not.toContain('ID');
    expect(run.result.report).toContain(
      '- The form\'s own columns, which are no answers: "ID", "Heure de début"; listed under `source.metadata`, never read',
    );
  });

  it('makes the completion time last year’s timestamp, keeping its id', () => {
    expect(q('horodateur')).toMatchObject({ header: 'Heure de fin', type: 'timestamp' });
    expect(run.result.report).toContain(
      '| `horodateur` | 3 | Heure de fin | the time the form recorded each response (last year "Horodateur") |',
    );
  });

  it('marks the e-mail and the name private', () => {
    const added = run.config.questions.filter(
      (x: Question) => !google.config.questions.some((g: Question) => g.id === x.id),
    );
    expect(added).toEqual([
      expect.objectContaining({ header: 'Adresse de messagerie', type: 'text', private: true }),
      expect.objectContaining({ header: 'Nom', type: 'text', private: true }),
    ]);
  });

  it('maps every other question as it does Google’s CSV of the same answers, ";" joins included', () => {
    for (const g of google.config.questions) {
      expect(q(g.id)).toEqual(g.id === 'horodateur' ? { ...g, header: 'Heure de fin' } : g);
    }
    expect(section(run.result.report, 'Answer options')).toBe(
      section(google.result.report, 'Answer options'),
    );
  });

  it('gives the figures of the CSV, and of the private questions only who gave one', async () => {
    const got = await figuresOf(run.folder);
    const privateIds = run.config.questions
      .filter((x: Question) => x.private)
      .map((x: Question) => x.id);
    const own = got.filter((f) => 'question' in f && privateIds.includes(f.question));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((f) => /\.(answered|missing)\.count\./.test(f.id))).toBe(true);
    expect(got.filter((f) => !own.includes(f))).toEqual(await figuresOf(google.folder));
  });

  it('maps the same export saved as CSV from Excel as it maps the workbook, with its figures', async () => {
    const csv = microsoftFormsCsv(await answers2024(), ';');
    const saved = await initFrom2024({ name: 'export.csv', bytes: Buffer.from(`\ufeff${csv}`) });
    expect(saved.result.problems).toEqual([]);
    expect(saved.config.source).toMatchObject({
      file: 'responses.csv',
      metadata: ['ID', 'Heure de début'],
    });
    expect(saved.config.questions).toEqual(run.config.questions);
    expect(await figuresOf(saved.folder)).toEqual(await figuresOf(run.folder));
  });

  it('reads English headers the same way', async () => {
    const english = await initFrom2024(await microsoft(MICROSOFT_COLUMNS_EN));
    expect(english.result.problems).toEqual([]);
    expect(english.config.source.metadata).toEqual(['ID', 'Start time']);
    expect(english.config.questions[0]).toMatchObject({
      id: 'horodateur',
      header: 'Completion time',
    });
    expect(
      english.config.questions.filter((x: Question) => x.private).map((x: Question) => x.header),
    ).toEqual(['Email', 'Name']);
  });
});

/** A Microsoft Forms export (as CSV: the same rules read both) of a header and rows, profiled. */
async function profile(header: string[], rows: string[][]) {
  const file = path.join(scratch('init-rules'), 'export.csv');
  const csv = [header, ...rows]
    .map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
    .join('\n');
  await writeFile(file, csv);
  return profileExport(file, 'Europe/Paris');
}

const OWN = ['ID', 'Heure de début', 'Heure de fin', 'Adresse de messagerie', 'Nom'];
const own = (i: number) => [String(i + 1), '45405.375', `45405.38${i}`, 'anonymous', ''];

describe('Microsoft Forms’ columns, rule by rule', () => {
  it('are told from the header, with ";" joins; its IDs are no times', async () => {
    const p = await profile(
      [...OWN, 'Q'],
      [own(0), own(1)].map((r) => [...r, 'Oui']),
    );
    expect(p.columns.map((c) => c.form)).toEqual([
      'metadata',
      'metadata',
      'responseTime',
      'personal',
      'personal',
      null,
    ]);
    expect(p.columns.every((c) => c.join === ';')).toBe(true);
    expect(p.columns.map((c) => c.times !== null)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('a Google export keeps ", " joins and its « Horodateur » is the response time', async () => {
    const p = await profile(['Horodateur', 'ID'], [['2025/04/14 9:00:00 AM UTC+2', '1']]);
    expect(p.columns.map((c) => [c.form, c.join])).toEqual([
      ['responseTime', ', '],
      [null, ', '],
    ]);
  });

  it('a Google export stays Google’s even when its questions are called ID, start and end time', async () => {
    const p = await profile(
      ['Horodateur', 'ID', 'Heure de début', 'Heure de fin', 'Outils'],
      [['2025/04/14 9:00:00 AM UTC+2', '12', '08:00', '17:00', 'Excel, Word']],
    );
    expect(p.columns.map((c) => [c.form, c.join])).toEqual([
      ['responseTime', ', '],
      [null, ', '],
      [null, ', '],
      [null, ', '],
      [null, ', '],
    ]);
  });

  it('a new multiple-choice question is read from ";" joins, labels with commas whole', async () => {
    const answers = ['Scanner, IRM;', 'Échographie;', 'Scanner, IRM;Échographie;', 'Radio;'];
    const p = await profile(
      [...OWN, 'Quels examens ?'],
      Array.from({ length: 40 }, (_, i) => [...own(i), answers[i % 4] as string]),
    );
    const column = p.columns[5] as (typeof p.columns)[number];
    const { question } = inferQuestion(column, new Set(), p.rows);
    expect(question).toMatchObject({ type: 'multiple' });
    expect('options' in question && question.options.map((o) => o.label)).toEqual([
      'Scanner, IRM',
      'Échographie',
      'Radio',
    ]);
  });

  it('the completion time matches last year’s timestamp, whatever its header', async () => {
    const p = await profile(OWN, [own(0), own(1)]);
    const horodateur = testConfig().questions.find((x) => x.id === 'horodateur') as Question;
    const m = matchColumns([horodateur], p.columns);
    expect(m.matches.map((x) => [x.question.id, x.column.header, x.how])).toEqual([
      ['horodateur', 'Heure de fin', 'responseTime'],
    ]);
  });
});

describe('the sheet and the source key a year on', () => {
  it('reads last year’s sheet when the workbook has it, else its first', async () => {
    const file = path.join(scratch('init-sheet'), 'export.xlsx');
    await writeFile(file, await googleSheetsWorkbook(await answers2024(), ['Résumé']));
    const named = await profileExport(file, 'Europe/Paris', 'Réponses au formulaire 1');
    expect([named.sheet, named.rows]).toEqual(['Réponses au formulaire 1', 144]);
    const gone = await profileExport(file, 'Europe/Paris', 'Feuille de l’an dernier');
    // The summary sheet's one row is its header: no responses.
    expect([gone.sheet, gone.rows]).toEqual(['Résumé', 0]);
  });

  it('from Microsoft’s workbook back to Google’s CSV: responses.csv, no sheet, no metadata', async () => {
    const text = microsoftFormsConfig(await readFile(CONFIG_2024, 'utf8')).replace(
      '  metadata:',
      '  sheet: "Feuil1"\n  metadata:',
    );
    const config = parseEditionConfig(text, 'edition.yaml', CHART_KINDS);
    const profile = await profileExport(CSV_2024, 'Europe/Paris');
    const folders = { previous: path.resolve('data/2024'), next: path.resolve('data/2025') };
    const plan = planInit(config, profile, folders, CHART_KINDS);
    const source = parseDocument(applyPlan(text, config, plan)).toJS().source;
    expect(source).toEqual({ file: 'responses.csv', duplicateWindowMinutes: 10 });
    expect(plan.matches.find((m) => m.question.id === 'horodateur')).toMatchObject({
      how: 'responseTime',
      column: { header: 'Horodateur' },
    });
  });
});
