/**
 * What a new year breaks, as an editor meets it: `enquete init` on the
 * synthetic 2025 export (two professions added to the list, a question
 * reworded), the article lines on the dropped question rewritten as the init
 * report asks, then `enquete check`. The stale year and the respondents a
 * chart leaves out are warnings located at their line; a change that no
 * longer compares stops the check until the editors record a decision; an
 * emptied segment is said where it is used, never as an unexpected error.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { enquete } from '../helpers/cli.js';
import { copyEdition, edit } from '../helpers/edition-copy.js';
import { scratch } from '../helpers/scratch.js';

/** Cut a text from the line holding `from` up to (not including) the one holding `to`. */
const cut = (text: string, from: string, to: string) =>
  text.slice(0, text.indexOf(from)) + text.slice(text.indexOf(to));

describe('a new year made with enquete init', () => {
  let edition: string;
  beforeAll(async () => {
    const root = scratch('newyear');
    edition = path.join(root, '2025');
    const init = await enquete([
      'init',
      edition,
      '--from',
      'data/2024',
      '--responses',
      'test/fixtures/editions/2025/responses.csv',
    ]);
    expect(init.code, init.stderr).toBe(0);
    // The 2025 form dropped the frequency question: the editor rewrites what the report lists.
    await edit(path.join(edition, 'articles/manipulateurs-cadres.md'), (t) =>
      cut(t, '## À quel rythme', "## Ce qu'en pensent"),
    );
    await edit(path.join(edition, 'articles/radiologues.md'), (t) =>
      cut(t, '{{#if (higher "frequence.quotidien', '## {{#if (highest "satisfaction')
        // Last year's text typed its year.
        .replace('menée en {{edition.year}}', 'menée en 2024'),
    );
  });

  it('warns of the stale year and of the respondents the professions chart leaves out, located', async () => {
    const { code, stderr } = await enquete(['check', edition]);
    expect(code, stderr).toBe(0);
    const article = path.join(edition, 'articles/radiologues.md');
    const line = (await readFile(article, 'utf8'))
      .split('\n')
      .findIndex((l) => l.includes('menée en 2024'));
    expect(stderr).toContain(`${article}:${line + 1}:`);
    expect(stderr).toContain('trouvé :  « 2024 »');
    expect(stderr).toContain('{{edition.year}}');
    const config = path.join(edition, 'edition.yaml');
    const chartLine = (await readFile(config, 'utf8'))
      .split('\n')
      .findIndex((l) =>
        l.includes('segments: [radiologues, manipulateurs, cadres, autres_professions]'),
      );
    expect(stderr).toContain(`${config}:${chartLine + 1}:`);
    expect(stderr).toContain(
      '31 répondants dans aucun : Physicien médical (26), Interne en radiologie (5)',
    );
    expect(stderr).toContain(
      'where: { profession: [autre, physicien_medical, interne_radiologie] }',
    );
    expect(stderr).toMatch(/\d+ choix de formulation dans les articles \(\d+ vrais\)/);
  });

  it('stops on the warnings with --strict, and lists them with the claims in --json', async () => {
    const strict = await enquete(['check', edition, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('Vérification de ce que les nouvelles données ont pu casser');
    const json = await enquete(['check', edition, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.warnings.map((w: { where: string }) => w.where)).toEqual([
      'texte de l’article « radiologues »',
      'graphique « utilisateurs_par_profession »',
    ]);
    expect(result.claims.length).toBeGreaterThan(20);
    expect(result.claims[0]).toMatchObject({ article: 'manipulateurs_cadres', helper: 'higher' });
  });

  it('refuses a change that no longer compares until the editors record their decision', async () => {
    const article = path.join(edition, 'articles/manipulateurs-cadres.md');
    const text = await readFile(article, 'utf8');
    await writeFile(article, `${text}\n{{change "usage.oui.share.manipulateurs"}}\n`);
    const refused = await enquete(['check', edition]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('« usage.oui.share.manipulateurs.change »');
    expect(refused.stderr).toContain('question reformulée');
    expect(refused.stderr).toContain('comparability:');
    // The decision, recorded where init left the commented block, lets the change print.
    await edit(path.join(edition, 'edition.yaml'), (t) =>
      t.replace(
        /^articles:/m,
        'comparability:\n  usage: "Même usage, mot près."\n  profession: "Nouvelles professions, autrefois « Autre »."\n  secteur: "Nouveau secteur, autrefois « Autre »."\narticles:',
      ),
    );
    const decided = await enquete(['check', edition]);
    expect(decided.code, decided.stderr).toBe(0);
    await writeFile(article, text);
  });
});

describe('a segment the new data empties', () => {
  it('is left out of its chart with a warning, and located where the text uses it', async () => {
    const { edition } = await copyEdition();
    // Every « Autre » profession of the year becomes a radiologue: « autres_professions » is empty.
    const file = path.join(edition, 'responses.csv');
    const rows: string[][] = parse(await readFile(file, 'utf8'), { bom: true });
    const known = ['Radiologue', 'Manipulateur radio', 'Cadre de santé'];
    const column = (rows[0] as string[]).indexOf('Quelle est votre profession ?');
    for (const r of rows.slice(1))
      if (!known.includes(r[column] as string)) r[column] = 'Radiologue';
    await writeFile(
      file,
      rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n'),
    );
    const warned = await enquete(['check', edition]);
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toContain('graphique « utilisateurs_par_profession »');
    expect(warned.stderr).toContain('personne cette année : le graphique l’omet');
    const article = path.join(edition, 'articles/radiologues.md');
    await edit(article, (t) =>
      t.replace('```\n\n', '```\n\nEt {{pct "usage.oui.share.autres_professions"}}.\n\n'),
    );
    const line =
      (await readFile(article, 'utf8'))
        .split('\n')
        .indexOf('Et {{pct "usage.oui.share.autres_professions"}}.') + 1;
    const stopped = await enquete(['check', edition]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(`${article}:${line}:4`);
    expect(stopped.stderr).toContain('personne cette année : le chiffre n’a pas de valeur');
    expect(stopped.stderr).toContain(
      '{{#if (atLeast "usage.answered.count.autres_professions" 1)}}',
    );
    expect(stopped.stderr).not.toContain('inattendue');
  });
});

describe('the 2024 articles', () => {
  it('warn of a comparison on a small base that hides its bases, and of a percentage under 30', async () => {
    const { edition } = await copyEdition();
    await edit(path.join(edition, 'articles/radiologues.md'), (t) =>
      t.replace(
        '```\n\n',
        '```\n\n{{#if (higher "usage.oui.share.cadres" "usage.oui.share.manipulateurs")}}Plus{{else}}Pas d’écart{{/if}} chez les cadres ({{pct "usage.oui.share.cadres"}}).\n\n',
      ),
    );
    const { code, stderr } = await enquete(['check', edition]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(
      'higher sur « usage.oui.share.cadres », n = 14, base absente du paragraphe',
    );
    expect(stderr).toContain('{{pct "usage.oui.share.cadres"}} sur 14 répondants');
  });

  it('refuse two decimals on a mean of 8 respondents, naming the figure and its base', async () => {
    const { edition } = await copyEdition();
    await edit(path.join(edition, 'articles/radiologues.md'), (t) =>
      t.replace(
        '{{mean "satisfaction.mean.cadres"}}',
        '{{mean "satisfaction.mean.cadres" decimals=2}}',
      ),
    );
    const { code, stderr } = await enquete(['check', edition]);
    expect(code).toBe(1);
    expect(stderr).toContain('« satisfaction.mean.cadres » est imprimé et compte 8 répondants');
    expect(stderr).toContain('decimals=2');
  });

  it('warn of key figures typed as a list in an HTML article, which make no social card, at its line', async () => {
    const { edition } = await copyEdition();
    const file = path.join(edition, 'articles/radiologues.hbs');
    await writeFile(
      file,
      '<p>Les radiologues.</p>\n<ul class="key-figures">\n  <li><strong>{{count "respondents.count.radiologues"}}</strong> radiologues</li>\n</ul>\n{{chart "radiologues_par_secteur"}}{{chart "usages_radiologues"}}{{chart "satisfaction_intervalles"}}{{chart "freins_par_profession"}}\n',
    );
    await edit(path.join(edition, 'edition.yaml'), (t) =>
      t.replace('articles/radiologues.md', 'articles/radiologues.hbs'),
    );
    const { code, stderr } = await enquete(['check', edition]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`${file}:2:1`);
    expect(stderr).toContain('une liste tapée à la main (<ul class="key-figures">)');
  });
});

describe('the third edition of the series', () => {
  /** The synthetic 2025 and 2026 editions side by side, 2025's `previous:` naming data/2024. */
  async function series(): Promise<string> {
    const root = scratch('series-lint');
    for (const year of ['2025', '2026'])
      await cp(`test/fixtures/editions/${year}`, path.join(root, year), { recursive: true });
    await edit(path.join(root, '2025', 'edition.yaml'), (t) =>
      t.replace('previous: "../../../../data/2024"', `previous: "${path.resolve('data/2024')}"`),
    );
    return path.join(root, '2026');
  }

  it('warn of a trend since the first edition on a small base that hides it, as of a change', async () => {
    const edition = await series();
    const clean = await enquete(['check', edition]);
    expect(clean.code, clean.stderr).toBe(0);
    // Its article prints the cadres' first base beside the trend: « 8 sur 14 en 2024 ».
    expect(clean.stderr).not.toContain('avertissement');
    await edit(path.join(edition, 'articles/trois-ans.md'), (t) =>
      t.replace(
        '{{chart "usage_par_edition"}}',
        'Chez les cadres, {{#if (risenSince "usage.oui.share.cadres")}}une hausse{{else}}pas de hausse mesurable{{/if}}.\n\n{{chart "usage_par_edition"}}',
      ),
    );
    const { code, stderr } = await enquete(['check', edition]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(
      'risenSince sur « usage.oui.share.cadres » (première édition), n = 14, base absente du paragraphe',
    );
  });
});
