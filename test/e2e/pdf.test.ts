/** The print PDF, read back with poppler (pdfinfo, pdffonts, pdftotext) and pdf-lib. */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedArticle } from '../helpers/build.js';
import { pageFills, pageTexts } from '../helpers/page-fill.js';

let out: string;
let info: string;
let fonts: string;
let text: string;
let html: string;

beforeAll(async () => {
  out = await sharedArticle();
  const pdf = path.join(out, 'enquete.pdf');
  info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  html = await readFile(path.join(out, 'enquete.html'), 'utf8');
  text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
});

describe('enquete.pdf', () => {
  it('is A4, several pages, tagged, with its metadata', () => {
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(5);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Ce que les manipulateurs radio et les cadres de santé font/);
    expect(info).toMatch(/Author:\s+La rédaction de Tech Imago/);
    expect(info).toMatch(/Subject:\s+52\u00a0% des manipulateurs radio/);
  });

  it('embeds the bundled fonts and nothing else', () => {
    const rows = fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+Source(Serif4|Sans3)/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    }
    expect(fonts).toContain('SourceSerif4-Regular');
    expect(fonts).toMatch(/SourceSans3\S*-Bold/);
  });

  it('has a document outline, a structure tree and the French language', async () => {
    const raw = (await readFile(path.join(out, 'enquete.pdf'))).toString('latin1');
    const catalog = /<<\/Type \/Catalog([\s\S]*?)>>\nendobj/.exec(raw)?.[1] ?? '';
    expect(catalog).toMatch(/\/Outlines \d+ 0 R/);
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(catalog).toContain('/Lang (fr)');
    expect(info).toMatch(/CreationDate:\s+Tue Oct 15 00:00:00 2024 UTC/);
  });

  it('prints the key figures in French format, with their bases', () => {
    // The PDF text layer maps every kind of space to U+0020: the no-break spaces are checked in the HTML.
    const flat = text.replace(/[ \u00a0\u202f]+/g, ' ');
    for (const figure of [
      '52 %',
      '57 %',
      '81 %',
      '93 %',
      '8 sur 14',
      '60 sur 74',
      '21 sur 24',
      // Published as 7,1, 6,9 and 7,35: one decimal for every satisfaction mean, the 8 cadres' allowing no more.
      '7,1 sur 10',
      '6,9 sur 10',
      '7,4 sur 10',
      'n = 46',
      '144',
    ]) {
      expect(flat).toContain(figure);
    }
  });

  it('never breaks a line inside a figure', () => {
    expect(text).not.toMatch(/\d[ \u00a0\u202f]*\n[ \u00a0\u202f]*%/);
    expect(text).not.toMatch(/\d\s*\n\s*sur\s+\d|\d\s+sur\s*\n\s*\d/);
  });

  it('has the running header and footer, methodology and appendix', () => {
    expect(text).toMatch(/Page 2 \/ \d+/);
    expect(text).toContain('Méthodologie');
    expect(text).toContain('Annexe : les données des graphiques');
    expect(text.replace(/\s+/g, ' ')).toContain('du 23 avril 2024 au 22 août 2024');
  });

  it('discloses what AAPOR’s code asks, and ends with the questionnaire word for word', () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const said of [
      'Enquête commanditée et réalisée par Tech Imago et Docteur Imago',
      'ne permet pas de calculer de taux de réponse',
      'à moins de 10 minutes d’intervalle ne comptent qu’une fois',
      'sous « Autre » et reproduites telles quelles en annexe',
      'méthode de Wilson pour les parts et par celle de Student pour les moyennes',
      'sa version pour données appariées',
      'Aucune correction pour comparaisons multiples',
      'figure en annexe',
      'Le questionnaire',
      'Quelle est votre satisfaction globale vis-à-vis des outils d’IA ? (1 à 10) (une note de 1 à 10 ; posée aux utilisateurs de l’IA)',
      'Mauvaise intégration dans le flux de travail (RIS, PACS)',
    ])
      expect(flat.replaceAll("'", '’')).toContain(said.replaceAll("'", '’'));
    // Under 30 respondents, the appendix's tables give counts, as the methodology says.
    expect(flat).toMatch(/Cadres de santé 8 14 8 sur 14/);
  });

  it("leaves no page less than three quarters full but the article's last and the document's last", () => {
    const pdf = path.join(out, 'enquete.pdf');
    const fills = pageFills(pdf);
    const texts = pageTexts(pdf);
    expect(fills).toHaveLength(texts.length);
    // The article ends with its methodology box, whose last sentence names Wilson's method.
    const articleLast = texts.findLastIndex((t) => /méthode\s+de\s+Wilson/.test(t));
    expect(articleLast).toBeGreaterThan(0);
    const exempt = new Set([articleLast, fills.length - 1]);
    const short = fills
      .map((fill, page) => ({ page: page + 1, fill: Math.round(fill * 100) }))
      .filter(({ page, fill }) => !exempt.has(page - 1) && fill < 75);
    expect(short, `page fills: ${fills.map((f) => Math.round(f * 100)).join(' ')}`).toEqual([]);
  });

  it('is accessible to the checkable part of PDF/UA-1: alt text, XMP, title shown, headings, table headers, artifacts', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const data = new Uint8Array(await readFile(path.join(out, 'enquete.pdf')));
    const doc = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
    const { metadata } = await doc.getMetadata();
    expect(metadata?.get('dc:title')).toMatch(
      /^Ce que les manipulateurs radio et les cadres de santé/,
    );
    expect(metadata?.get('dc:language')).toBe('fr');
    expect(metadata?.get('pdfuaid:part')).toBe('1');
    type Node = { role?: string; alt?: string; children?: Node[] };
    const roles: Node[] = [];
    const walk = (n: Node) => {
      if (n.role) roles.push(n);
      for (const c of n.children ?? []) walk(c);
    };
    let untagged = 0;
    let artifacts = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      walk((await page.getStructTree()) as Node);
      const content = await page.getTextContent({ includeMarkedContent: true });
      let depth = 0;
      for (const item of content.items as { type?: string; tag?: string; str?: string }[]) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          depth++;
          if (item.tag === 'Artifact') artifacts++;
        } else if (item.type === 'endMarkedContent') depth--;
        else if (depth === 0 && item.str?.trim()) untagged++;
      }
    }
    // Running header and footer: artifacts on every page, no text outside tags or artifacts.
    expect(untagged).toBe(0);
    expect(artifacts).toBeGreaterThanOrEqual(2 * doc.numPages);
    const figures = roles.filter((r) => r.role === 'Figure');
    expect(figures.length).toBe((html.match(/<figure class="chart"/g) ?? []).length);
    for (const f of figures) expect(f.alt ?? '').toMatch(/^.{40,}/);
    const headings = roles.flatMap((r) =>
      /^H[1-6]$/.test(r.role ?? '') ? [Number(r.role?.slice(1))] : [],
    );
    expect(headings[0]).toBe(1);
    expect(headings.filter((h) => h === 1)).toHaveLength(1);
    headings.forEach((h, i) => {
      if (i > 0)
        expect(h, `heading ${i}: H${headings[i - 1]} then H${h}`).toBeLessThanOrEqual(
          (headings[i - 1] as number) + 1,
        );
    });
    expect(roles.filter((r) => r.role === 'TH').length).toBeGreaterThan(10);
    const raw = (await readFile(path.join(out, 'enquete.pdf'))).toString('latin1');
    const catalogs = [...raw.matchAll(/<<\/Type \/Catalog[\s\S]*?endobj/g)];
    expect(catalogs.at(-1)?.[0]).toMatch(/\/DisplayDocTitle true/);
    expect(catalogs.at(-1)?.[0]).toMatch(/\/Metadata \d+ 0 R/);
    await doc.destroy();
  });
});
