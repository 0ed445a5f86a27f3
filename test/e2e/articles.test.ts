/**
 * One edition, several articles: every article in one build (one analysis,
 * one Chromium), the edition's index page, and --article rebuilding one
 * article while the others stay exactly as they were.
 */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, sharedBuild } from '../helpers/build.js';
import { enquete } from '../helpers/cli.js';
import { scratch } from '../helpers/scratch.js';

const ARTICLE_FILES = [
  'cards',
  'charts',
  'enquete.fragment.html',
  'enquete.html',
  'enquete.pdf',
  'newsletter.eml',
  'newsletter.html',
  'newsletter.txt',
];

let out: string;
let stderr: string;

beforeAll(async () => {
  ({ edition: out, stderr } = await sharedBuild());
});

describe('a build of an edition with two articles', () => {
  it('writes the edition files at the top and each article in its folder', async () => {
    expect((await readdir(out)).sort()).toEqual([
      '.enquete-output',
      'claims.json',
      'edition.json',
      'figures.json',
      'free-text.csv',
      'index.html',
      'manipulateurs_cadres',
      'radiologues',
      'reconciliation.json',
      'tableaux.html',
      'tableaux.pdf',
      'tableaux.xlsx',
    ]);
    for (const slug of ['manipulateurs_cadres', 'radiologues'])
      expect((await readdir(path.join(out, slug))).sort()).toEqual(ARTICLE_FILES);
    expect((await readdir(path.join(out, 'radiologues', 'charts'))).sort()).toEqual([
      'freins-par-profession.png',
      'radiologues-par-secteur.png',
      'satisfaction-intervalles.png',
      'usages-radiologues.png',
    ]);
    // Beside the edition's folder, the archive page lists it.
    const archive = await readFile(path.join(path.dirname(out), 'index.html'), 'utf8');
    expect(archive).toContain(`href="${path.basename(out)}/radiologues/enquete.html"`);
  });

  it('puts every wording decision of both articles on record in claims.json', async () => {
    const claims = JSON.parse(await readFile(path.join(out, 'claims.json'), 'utf8'));
    expect(new Set(claims.map((c: { article: string }) => c.article))).toEqual(
      new Set(['manipulateurs_cadres', 'radiologues']),
    );
    const methods = new Set(claims.map((c: { method: string }) => c.method));
    for (const m of ['newcombe', 'newcombe-paired', 'welch', 'welch-rest-of-group', 'threshold'])
      expect(methods).toContain(m);
    // "Les plus satisfaits" is not printed: the radiologues' lead over each profession is within the noise.
    const satisfied = claims.filter(
      (c: { helper: string; figures: string[] }) =>
        c.helper === 'highest' && c.figures[0] === 'satisfaction.mean.radiologues',
    );
    expect(satisfied.length).toBeGreaterThan(0);
    expect(satisfied.every((c: { result: boolean }) => !c.result)).toBe(true);
    expect(stderr).toMatch(/\d+ choix de formulation dans les articles \(\d+ vrais\)/);
  });

  it('runs the analysis once and starts one Chromium', () => {
    expect(stderr.match(/Calcul des chiffres/g)).toHaveLength(1);
    expect(stderr).toMatch(
      /2 articles fabriqués \(manipulateurs_cadres, radiologues\) avec 1 Chromium, en [\d,]+\ss\./,
    );
  });

  it('lists each article on the index page, linked to its web article and PDF', async () => {
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<html lang="fr">');
    for (const slug of ['manipulateurs_cadres', 'radiologues']) {
      expect(index).toContain(`href="${slug}/enquete.html"`);
      expect(index).toContain(`href="${slug}/enquete.pdf"`);
    }
    expect(index).toContain(
      'Les radiologues et l’intelligence artificielle\u00a0: usages, satisfaction, freins',
    );
    expect(index).toContain('La rédaction de Tech Imago');
    expect(index).toContain('22\u00a0octobre\u00a02024');
    // The dek is rendered from the figures: 60 of the 74 radiologues who answered.
    expect(index).toContain('60\u00a0sur\u00a074 radiologues');
  });

  it('points each newsletter at its own article folder', async () => {
    const mail = await readFile(path.join(out, 'radiologues', 'newsletter.html'), 'utf8');
    expect(mail).toContain(`src="${BASE_URL}radiologues/charts/freins-par-profession.png"`);
    expect(mail).toContain(`href="${BASE_URL}radiologues/enquete.html"`);
  });

  it('rebuilds one article with --article and leaves the other exactly as it was', async () => {
    // On a copy: the shared build is read-only.
    const copy = path.join(scratch('articles'), '2024');
    await cp(out, copy, { recursive: true, preserveTimestamps: true });
    const other = path.join(copy, 'manipulateurs_cadres');
    const before = await snapshot(other);
    const pdfBefore = await stat(path.join(copy, 'radiologues', 'enquete.pdf'));
    const r = await enquete(['build', 'data/2024', '--out', copy, '--article', 'radiologues']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 article fabriqué \(radiologues\) avec 1 Chromium, en [\d,]+\ss\./);
    expect(r.stderr).not.toContain('manipulateurs_cadres/enquete.pdf');
    expect(await snapshot(other)).toEqual(before);
    const pdfAfter = await stat(path.join(copy, 'radiologues', 'enquete.pdf'));
    expect(pdfAfter.mtimeMs).toBeGreaterThan(pdfBefore.mtimeMs);
    const index = await readFile(path.join(copy, 'index.html'), 'utf8');
    expect(index).toContain('href="manipulateurs_cadres/enquete.pdf"');
  });

  it('publishes only the article asked for in a new folder, the same byte for byte; the index says the other is not out yet', async () => {
    const fresh = path.join(scratch('one'), '2024');
    const r = await enquete([
      'build',
      'data/2024',
      '--out',
      fresh,
      '--article',
      'radiologues',
      '--base-url',
      BASE_URL,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(fresh)).not.toContain('manipulateurs_cadres');
    const index = await readFile(path.join(fresh, 'index.html'), 'utf8');
    expect(index).not.toContain('href="manipulateurs_cadres/');
    expect(index).toContain('Pas encore publié.');
    // Built again from the same inputs, alone or beside the other article: every byte the same.
    expect(await snapshot(path.join(fresh, 'radiologues'), false)).toEqual(
      await snapshot(path.join(out, 'radiologues'), false),
    );
  });
});

/** Every file of a folder with its bytes and, unless `times` is false, its modification time. */
async function snapshot(folder: string, times = true): Promise<Record<string, string>> {
  const files = (await readdir(folder, { recursive: true })) as string[];
  const out: Record<string, string> = {};
  for (const f of files.sort()) {
    const full = path.join(folder, f);
    const s = await stat(full);
    if (!s.isFile()) continue;
    const hash = createHash('sha256')
      .update(await readFile(full))
      .digest('hex');
    out[f] = times ? `${Math.floor(s.mtimeMs / 1000)} ${hash}` : hash;
  }
  return out;
}
