/**
 * `enquete init` end to end, as an editor runs it: the synthetic 2025 export
 * against the 2024 edition, the report it writes, and `enquete figures` on
 * the result straight away.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { initEdition } from '../../src/init/init.js';
import { silentLog } from '../../src/log.js';
import { enquete } from '../helpers/cli.js';
import { scratch } from '../helpers/scratch.js';

const EXPORT_2025 = 'test/fixtures/editions/2025/responses.csv';

/** The line of a file holding a text, to check the report's line numbers without typing them. */
/** enquete init <folder> from the 2024 edition, with this export. */
const initFrom2024 = (folder: string, responses = EXPORT_2025) =>
  enquete(['init', folder, '--from', 'data/2024', '--responses', responses]);

async function lineOf(file: string, text: string): Promise<number> {
  return (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('enquete init data/2025 --from data/2024 --responses <2025 export>', () => {
  let folder: string;
  let result: Awaited<ReturnType<typeof enquete>>;
  // biome-ignore lint/suspicious/noExplicitAny: the YAML as written, read back as plain data.
  let config: Record<string, any>;
  let report: string;
  beforeAll(async () => {
    folder = path.join(scratch('init'), '2025');
    result = await initFrom2024(folder);
    config = parseDocument(await readFile(path.join(folder, 'edition.yaml'), 'utf8')).toJS();
    report = await readFile(path.join(folder, 'init-report.md'), 'utf8');
  });
  const q = (id: string) => config.questions.find((x: { id: string }) => x.id === id);

  it('makes the folder: config, articles, the export as responses.csv, the report', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(folder)).sort()).toEqual([
      'articles',
      'edition.yaml',
      'init-report.md',
      'responses.csv',
    ]);
    expect(await readFile(path.join(folder, 'responses.csv'))).toEqual(await readFile(EXPORT_2025));
    // The terminal shows the report for a person to read: no Markdown (init-terminal.test.ts).
    expect(result.stdout).toContain('Ce qu’il vous reste à faire\n───');
    expect(report).toContain('## Ce qu’il vous reste à faire');
  });

  it('updates the edition from the data and names the previous one', () => {
    expect(config.edition).toMatchObject({
      id: '2025',
      survey: 'Enquête IA en imagerie médicale 2025',
      fieldPeriod: { start: '2025-04-14', end: '2025-07-31' },
      publishUrl: 'https://www.tech-imago.fr/enquetes/ia-2025/',
      previous: path.relative(folder, path.resolve('data/2024')),
    });
  });

  it("matches reworded headers, keeps renamed options' codes, adds new options and questions", () => {
    expect(q('profession').header).toBe('Votre profession');
    expect(q('usage').header).toBe(
      "Utilisez-vous l'intelligence artificielle dans votre pratique quotidienne ?",
    );
    expect(q('commentaire').header).toBe('Vos commentaires');
    const option = (id: string, code: string) =>
      q(id).options.find((o: { code: string }) => o.code === code);
    expect(option('usages', 'comptes_rendus').label).toBe('Aide à la rédaction des comptes rendus');
    expect(option('freins', 'disponibilite').label).toBe('Disponibilité insuffisante des outils');
    expect(option('profession', 'physicien_medical').label).toBe('Physicien médical');
    expect(option('usages', 'protocolisation_examens').label).toBe('Protocolisation des examens');
    expect(q('adresse_e_mail')).toMatchObject({ type: 'text', private: true });
    expect(q('suivi_formation_intelligence')).toMatchObject({ type: 'single' });
  });

  it('removes the dropped question with its chart, and reports the article lines that use it', async () => {
    expect(q('frequence')).toBeUndefined();
    const charts = config.articles.flatMap((a: { charts: { id: string }[] }) =>
      a.charts.map((c) => c.id),
    );
    expect(charts).not.toContain('frequence_par_profession');
    const article = path.join(folder, 'articles/manipulateurs-cadres.md');
    const line = await lineOf(article, '{{chart "frequence_par_profession"}}');
    expect(report).toContain(`${article}:${line} cite le graphique « frequence_par_profession »`);
    const radiologues = path.join(folder, 'articles/radiologues.md');
    const used = await lineOf(radiologues, 'frequence.rarement.share.radiologues');
    // The line names every id of the dropped question it holds, this one among them.
    const cites = report.split('\n').find((l) => l.includes(`${radiologues}:${used} cite `));
    expect(cites).toContain('"frequence.rarement.share.radiologues"');
  });

  it('writes every mapping with its evidence in the report, in French', () => {
    expect(report).toContain('| `horodateur` | 1 | Horodateur | même intitulé |');
    expect(report).toMatch(
      /\| `profession` \| 3 \| Votre profession \| indices : intitulés semblables à \d+ %, \d+ % des réponses conformes à ses options ; l’an dernier « Quelle est votre profession \? » \|/,
    );
    expect(report).toMatch(
      /option `comptes_rendus` renommée « Rédaction des comptes rendus » → « Aide à la rédaction des comptes rendus » \(libellés semblables à \d+ %/,
    );
    expect(report).toMatch(
      /nouvelle option `physicien_medical` « Physicien médical » \(\d+ répondants\)/,
    );
    expect(report).toContain(
      "question `frequence` (« À quelle fréquence utilisez-vous l'IA ? ») : aucune colonne cette année",
    );
    expect(report).toContain('`adresse_e_mail` (« Adresse e-mail ») est marquée `private: true`');
    expect(report).toContain(
      'L’export se lit avec la nouvelle configuration : 320 réponses gardées sur 320.',
    );
  });

  it('notes what no longer compares with 2024, in the report and as a commented block in edition.yaml', async () => {
    const text = await readFile(path.join(folder, 'edition.yaml'), 'utf8');
    // Commented out: the comparison stays refused until the editors write their decision.
    expect(config.comparability).toBeUndefined();
    expect(text).toContain('# comparability:');
    expect(text).toContain(
      '#   usage: "…" # question reformulée (« Utilisez-vous l\'intelligence artificielle dans votre pratique ? » en 2024, « Utilisez-vous l\'intelligence artificielle dans votre pratique quotidienne ? » aujourd’hui)',
    );
    expect(text).toMatch(
      /# {3}profession: "…" # question reformulée .* réponses ajoutées depuis 2024 : « Physicien médical », « Interne en radiologie » .* ; elle définit des groupes/,
    );
    expect(report).toContain('## Ce qui ne se compare plus tel quel avec 2024');
    expect(report).toContain(
      '- `freins` : réponses renommées : « Disponibilité limitée des outils » → « Disponibilité insuffisante des outils »',
    );
    // Free text has no figure that compares.
    expect(report).not.toContain('- `commentaire` :');
    expect(report).toContain('décommentez le bloc « comparability: »');
  });

  it('writes the same report in English for an English shell', async () => {
    const english = path.join(path.dirname(folder), 'en-2025');
    const run = await enquete(
      ['init', english, '--from', 'data/2024', '--responses', EXPORT_2025],
      { LANG: 'en_GB.UTF-8' },
    );
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(path.join(english, 'init-report.md'), 'utf8');
    expect(text).toContain('| `horodateur` | 1 | Horodateur | same header |');
    expect(text).toContain('The export reads with the new config: 320 responses kept of 320.');
  });

  it('gives an edition that `enquete figures` reads at once, with changes since 2024', async () => {
    const { code, stdout, stderr } = await enquete(['figures', folder]);
    expect(code, stderr).toBe(0);
    const figures = JSON.parse(stdout) as { id: string; kind: string }[];
    expect(figures.find((f) => f.id === 'usage.oui.share.manipulateurs.change')?.kind).toBe(
      'change',
    );
    expect(figures.some((f) => f.id.startsWith('adresse_e_mail.'))).toBe(true);
  });
});

describe('enquete init, refusing and cascading', () => {
  it('drops last year’s comparability decisions: they were about the year before', async () => {
    const folder = path.join(scratch('init'), '2026');
    const { report } = await initEdition(
      { folder, from: 'test/fixtures/editions/2025', responses: EXPORT_2025 },
      CHART_KINDS,
      silentLog,
    );
    const config = parseDocument(await readFile(path.join(folder, 'edition.yaml'), 'utf8')).toJS();
    expect(config.comparability).toBeUndefined();
    expect(report).toContain('(usage, profession, secteur)');
  });

  it('refuses a folder that exists and is not empty, and touches nothing in it', async () => {
    const folder = scratch('init');
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    const { code, stderr } = await initFrom2024(folder);
    expect(code).toBe(2);
    expect(stderr).toContain('existe déjà et n’est pas vide');
    expect(await readdir(folder)).toEqual(['notes.txt']);
  });

  it('names a missing export and makes no folder', async () => {
    const folder = path.join(scratch('init'), '2025');
    const { code, stderr } = await initFrom2024(folder, 'nowhere.csv');
    expect(code).toBe(1);
    expect(stderr).toContain(
      'nowhere.csv\n    attendu : le nouvel export Google Forms (CSV)\n    trouvé :  aucun fichier de ce nom',
    );
    expect(await readdir(path.dirname(folder))).toEqual([]);
  });

  it('takes out, with a dropped question, the segments defined on it and what used them', async () => {
    // The 2024 export without its "Utilisez-vous l'IA" column.
    const rows: string[][] = parse(await readFile('data/2024/responses.csv'), { bom: true });
    const without = rows.map((r) => r.filter((_, k) => k !== 3));
    const dir = scratch('init');
    const file = path.join(dir, 'export.csv');
    await writeFile(
      file,
      without.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n'),
    );
    const folder = path.join(dir, 'sans-usage');
    await mkdir(folder);
    const { report } = await initEdition(
      { folder, from: 'data/2024', responses: file },
      CHART_KINDS,
      silentLog,
    );
    const config = parseDocument(await readFile(path.join(folder, 'edition.yaml'), 'utf8')).toJS();
    const segments = config.segments.map((s: { id: string }) => s.id);
    expect(segments).not.toContain('utilisateurs');
    expect(segments).toContain('radiologues');
    expect(
      config.questions.find((x: { id: string }) => x.id === 'satisfaction').appliesTo,
    ).toBeUndefined();
    expect(report).toContain('segment `utilisateurs`: defined on dropped question "usage"');
    expect(report).toContain(
      'chart `utilisateurs_par_profession` (article `manipulateurs_cadres`): removed, it draws dropped question "usage"',
    );
    expect(report).toMatch(
      /chart `satisfaction_par_profession` \(article `manipulateurs_cadres`\): segment `utilisateurs` taken out/,
    );
    expect(report).toContain('The export reads with the new config');
  });
});
