/**
 * The synthetic series built as an editor builds it: 2025 and 2026 (whose
 * `previous:` chain goes back to 2024) into one output folder, by the real
 * command. The 2026 article follows its figures since 2024 in every medium,
 * its chart breaks where a question was reworded, and the archive page
 * beside the editions lists both.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeriesFigure } from '../../src/analysis/figures.js';
import { formatChange, formatPercent } from '../../src/publication/french.js';
import { enquete } from '../helpers/cli.js';
import { scratch } from '../helpers/scratch.js';

let root: string;
const read = (file: string) => readFile(path.join(root, file), 'utf8');
/** What a reader sees of a page: its text, tags left out, white space collapsed. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/[ \t\r\n]+/g, ' ');

beforeAll(async () => {
  root = scratch('series');
  for (const year of ['2025', '2026']) {
    const built = await enquete([
      'build',
      `test/fixtures/editions/${year}`,
      '--out',
      path.join(root, year),
    ]);
    expect(built.code, built.stderr).toBe(0);
  }
}, 240_000);

describe('the third edition of the series', () => {
  it('follows its figures since 2024 in figures.json, in the text and on record', async () => {
    const figures = JSON.parse(await read('2026/figures.json')) as { id: string }[];
    const series = figures.find((f) => f.id === 'usage.oui.share.all.series') as SeriesFigure;
    expect(series.points.map((p) => p.edition)).toEqual(['2024', '2025', '2026']);
    const [first, , last] = series.points as [
      SeriesFigure['points'][0],
      unknown,
      SeriesFigure['points'][0],
    ];
    const web = words(await read('2026/trois_ans/enquete.html'));
    expect(web).toContain(
      `contre ${formatPercent(first.value as number)} en 2024 (${formatChange('share', (last.value as number) - (first.value as number))} depuis 2024)`,
    );
    const claims = JSON.parse(await read('2026/claims.json')) as {
      helper: string;
      method: string;
    }[];
    expect(
      claims.filter((c) => c.helper === 'risenSince').every((c) => c.method === 'newcombe'),
    ).toBe(true);
    expect(claims.some((c) => c.helper === 'risenSince')).toBe(true);
  });

  it('draws its series chart on the web page, in the PDF and for the e-mail, broken where a question was reworded', async () => {
    const page = await read('2026/trois_ans/enquete.html');
    expect(page).toContain('id="graphique-usage_par_edition"');
    expect(page).toContain('id="graphique-avenir_par_edition"');
    const note = /Ligne interrompue entre 2025 et 2026\s:\squestion reformulée/;
    expect(words(page)).toMatch(note);
    const pdf = execFileSync('pdftotext', [path.join(root, '2026/trois_ans/enquete.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(pdf).toContain('Utiliser davantage l’IA : une question posée autrement cette année');
    expect(pdf.replace(/\s+/g, ' ')).toMatch(note);
    const png = await readFile(path.join(root, '2026/trois_ans/charts/avenir-par-edition.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const mail = await read('2026/trois_ans/newsletter.html');
    expect(mail).toContain('charts/usage-par-edition.png');
    // The e-mail's text part gives each point with its base.
    expect(await read('2026/trois_ans/newsletter.txt')).toMatch(
      /Radiologues\n {2}2024\u00a0: 81\u00a0% \(60\u00a0sur\u00a074\)\n {2}2025\u00a0: /,
    );
  });
});

describe('the archive page beside the editions', () => {
  it('lists each edition built there with its articles, and each edition’s page links to it', async () => {
    const archive = await read('index.html');
    expect(archive.indexOf('médicale 2026')).toBeLessThan(archive.indexOf('médicale 2025'));
    expect(archive).toContain('href="2026/trois_ans/enquete.html"');
    expect(archive).toContain('href="2025/evolution/enquete.pdf"');
    for (const year of ['2025', '2026'])
      expect(await read(`${year}/index.html`)).toContain('href="../index.html"');
  });
});
