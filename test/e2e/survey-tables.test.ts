/**
 * The survey's tables as the build writes them for 2024: the page, the
 * workbook and the printed tables, checked from the files themselves: the
 * letters as a reader sees them, and the workbook's numbers against
 * figures.json, read back by another library than the one that wrote it.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASE_URL, sharedBuild } from '../helpers/build.js';
import { enquete } from '../helpers/cli.js';
import { scratch } from '../helpers/scratch.js';

let out: string;
let figures: { id: string; value: number | null; base?: number; count?: number }[];

beforeAll(async () => {
  out = (await sharedBuild()).edition;
  figures = JSON.parse(await readFile(path.join(out, 'figures.json'), 'utf8'));
}, 180_000);

const figure = (id: string) => figures.find((f) => f.id === id);

describe('the survey’s tables, as built for 2024', () => {
  it('show every question on the page, the radiologues’ 81 % lettered with the manipulateurs’ column', async () => {
    const html = await readFile(path.join(out, 'tableaux.html'), 'utf8');
    const doc = parseDocument(html);
    const sections = DomUtils.findAll((e) => e.attribs.class === 'question', doc.children);
    expect(sections.map((s) => s.attribs.id)).toEqual([
      'q-horodateur',
      'q-profession',
      'q-secteur',
      'q-usage',
      'q-frequence',
      'q-usages',
      'q-satisfaction',
      'q-avenir',
      'q-freins',
      'q-commentaire',
    ]);
    const usage = sections.find((s) => s.attribs.id === 'q-usage');
    const table = DomUtils.findAll((e) => e.name === 'table', usage ? [usage] : []).find((t) =>
      DomUtils.textContent(t).includes('Radiologues (A)'),
    );
    const header = DomUtils.findAll((e) => e.name === 'th', table ? [table] : []).map((th) =>
      DomUtils.textContent(th).trim(),
    );
    expect(header).toEqual(
      expect.arrayContaining(['Radiologues (A)', 'Manipulateurs (B)', 'Cadres de santé *']),
    );
    const row = DomUtils.findAll((e) => e.name === 'tr', table ? [table] : []).find((tr) =>
      DomUtils.textContent(tr).trim().startsWith('Oui'),
    );
    const cells = DomUtils.findAll((e) => e.name === 'td', row ? [row] : []).map((td) =>
      DomUtils.textContent(td).replace(/\s+/g, ' ').trim(),
    );
    // Each closed question drawn: its chart, with its alt text, before its tables.
    const chart = DomUtils.findOne((e) => e.attribs.class === 'chart-svg', usage ? [usage] : []);
    expect(chart?.attribs['aria-label']).toContain('Oui');
    expect(DomUtils.findOne((e) => e.name === 'svg', chart ? [chart] : [])).not.toBeNull();
    // The responses per week drawn too, week by week.
    const times = sections.find((s) => s.attribs.id === 'q-horodateur');
    const weekChart = DomUtils.findOne(
      (e) => e.attribs.class === 'chart-svg',
      times ? [times] : [],
    );
    expect(weekChart?.attribs['aria-label']).toMatch(
      /^Diagramme en barres, réponses par semaine\. Semaine du 22\savril\s2024\s:\s17/,
    );
    // Ensemble, Radiologues (A), Manipulateurs (B), Cadres de santé *…
    expect(cells[1]).toMatch(/^81 % B/);
    expect(cells[2]).toBe('52 %');
    expect(cells[3]).toBe('57 %');
  });

  it('write a workbook whose numbers, read back by another library, are figures.json’s', async () => {
    const book = XLSX.read(await readFile(path.join(out, 'tableaux.xlsx')));
    expect(book.SheetNames[0]).toBe('Méthode');
    expect(book.SheetNames).toContain('usage');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.usage as XLSX.WorkSheet, {
      header: 1,
      raw: true,
    });
    const oui = rows.filter((r) => r[0] === 'Oui');
    // The topline's row, then the profession cross-tab's: Ensemble, Radiologues (A)…
    const shares = oui.flatMap((r) => r.filter((_, i) => i % 6 === 1));
    expect(shares).toContain(figure('usage.oui.share.all')?.value);
    expect(shares).toContain(figure('usage.oui.share.radiologues')?.value);
    expect(shares).toContain(figure('usage.oui.share.manipulateurs')?.value);
    expect(oui.some((r) => r.some((c) => typeof c === 'string' && /^[A-Z]*B[A-Z]*$/.test(c)))).toBe(
      true,
    );
  });

  it('hold no number in the workbook that figures.json does not have', async () => {
    const known = new Set<number>();
    const collect = (v: unknown): void => {
      if (typeof v === 'number') known.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(figures);
    const book = XLSX.read(await readFile(path.join(out, 'tableaux.xlsx')));
    let checked = 0;
    // Every sheet of a question but the timestamp's (its weeks are dates, counted from the responses).
    for (const name of book.SheetNames.filter((n) => !['Méthode', 'horodateur'].includes(n))) {
      const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name] as XLSX.WorkSheet, {
        header: 1,
        raw: true,
      });
      for (const cell of rows.flat())
        if (typeof cell === 'number') {
          expect(known.has(cell), `${name}: ${cell}`).toBe(true);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('print them on A4 pages, every question there', async () => {
    const pdf = path.join(out, 'tableaux.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    for (const label of [
      'Profession',
      'Utilisation de l’IA',
      'Satisfaction (sur 10)',
      'Commentaire',
    ])
      expect(text).toContain(label);
  });

  it('keep each table with its caption and header, and never leave a lone row on a page', async () => {
    const document = parseDocument(await readFile(path.join(out, 'tableaux.html'), 'utf8'), {
      decodeEntities: true,
    });
    const captions = DomUtils.findAll((e) => e.name === 'caption', document.children).map((e) =>
      DomUtils.textContent(e).replace(/\s+/g, ' ').trim(),
    );
    expect(captions.length).toBeGreaterThan(2);
    const pages = execFileSync(
      'pdftotext',
      ['-enc', 'UTF-8', '-layout', path.join(out, 'tableaux.pdf'), '-'],
      { encoding: 'utf8' },
    )
      .split('\f')
      .slice(0, -1)
      .map((page) =>
        page
          .split('\n')
          .map((l) => l.replace(/\s+/g, ' ').trim())
          .filter((l) => l !== ''),
      );
    const weekRow = /^\d{1,2}(?:er)? [a-zéû]+ \d{4} \d+$/;
    const weeksPerPage: number[] = [];
    for (const [i, lines] of pages.entries()) {
      // A caption (or the end of one that wraps), the last line of its page, has its table on the next.
      const last = lines.at(-1) ?? '';
      expect(
        captions.some((c) => c === last || c.endsWith(` ${last}`)),
        `page ${i + 1} ends with a caption`,
      ).toBe(false);
      // The responses per week, under their header (repeated on each page the table runs onto).
      const header = lines.findIndex((l) => l.startsWith('Semaine du'));
      if (header >= 0)
        weeksPerPage.push(lines.slice(header + 1).filter((l) => weekRow.test(l)).length);
    }
    expect(weeksPerPage.reduce((a, b) => a + b, 0)).toBe(18);
    for (const weeks of weeksPerPage) expect(weeks).toBeGreaterThanOrEqual(3);
  });
});

/** A PDF's link annotations: the addresses it links to, and its links within itself (their destinations). */
async function pdfLinks(file: string): Promise<{ uris: string[]; dests: unknown[] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
  const uris: string[] = [];
  const dests: unknown[] = [];
  for (let p = 1; p <= doc.numPages; p++)
    for (const a of await (await doc.getPage(p)).getAnnotations()) {
      if (a.subtype !== 'Link') continue;
      // unsafeUrl: the address as written, which pdf.js's `url` may leave out (file:).
      if (a.unsafeUrl ?? a.url) uris.push(a.unsafeUrl ?? a.url);
      else if (a.dest) dests.push(a.dest);
    }
  await doc.destroy();
  return { uris, dests };
}

/** Every PDF of an edition's output folder, the articles' and tableaux.pdf. */
async function pdfsOf(folder: string): Promise<string[]> {
  const files = await readdir(folder, { recursive: true });
  return files.filter((f) => f.endsWith('.pdf')).map((f) => path.join(folder, f));
}

describe('the printed tables’ link to free-text.csv', () => {
  // Printed from a temporary folder (outputs/pdf.ts), a relative link became file:///tmp/enquete-print-…/free-text.csv.
  it('is its published address, the folder’s --base-url; the contents’ links stay in the PDF; the web page links relatively', async () => {
    const { uris, dests } = await pdfLinks(path.join(out, 'tableaux.pdf'));
    expect(uris).toEqual([`${BASE_URL}free-text.csv`]);
    // The contents: one link to each question's section, inside the PDF (no <base href> moved them).
    expect(dests).toHaveLength(10);
    const html = await readFile(path.join(out, 'tableaux.html'), 'utf8');
    expect(html).toContain('href="free-text.csv"');
    for (const pdf of await pdfsOf(out))
      for (const uri of (await pdfLinks(pdf)).uris) expect(uri, pdf).not.toMatch(/^file:/i);
  });

  it('is under edition.publishUrl without --base-url', async () => {
    const config = parse(await readFile('data/2024/edition.yaml', 'utf8'));
    const publishUrl: string = config.edition.publishUrl;
    expect(publishUrl).toBe('https://www.tech-imago.fr/enquetes/ia-2024/');
    const folder = path.join(scratch('tables-link'), '2024');
    const r = await enquete(['build', 'data/2024', '--out', folder, '--article', 'radiologues']);
    expect(r.code, r.stderr).toBe(0);
    expect((await pdfLinks(path.join(folder, 'tableaux.pdf'))).uris).toEqual([
      `${publishUrl}free-text.csv`,
    ]);
    for (const pdf of await pdfsOf(folder))
      for (const uri of (await pdfLinks(pdf)).uris) expect(uri, pdf).not.toMatch(/^file:/i);
  });
});
