/** The web article, opened in the real Chromium: accessibility (axe-core), self-containment, layout. */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { ARTICLE, BASE_URL, sharedArticle } from '../helpers/build.js';

const require = createRequire(import.meta.url);
let out: string;
let html: string;
let browser: Browser;

beforeAll(async () => {
  out = await sharedArticle();
  html = await readFile(path.join(out, 'enquete.html'), 'utf8');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(width: number, scheme: 'light' | 'dark' = 'light') {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(pathToFileURL(path.join(out, 'enquete.html')).href, { waitUntil: 'load' });
  return { page, requests };
}

describe('enquete.html', () => {
  it('passes axe-core with no serious or critical violation, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(1280, scheme);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time
        const axe = (window as any).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v: { id: string; impact: string; nodes: unknown[] }) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        }));
      });
      expect(
        violations.filter(
          (v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical',
        ),
        scheme,
      ).toEqual([]);
      await page.close();
    }
  });

  it('is one self-contained file: no request but itself', async () => {
    const { page, requests } = await open(1280);
    expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([
      pathToFileURL(path.join(out, 'enquete.html')).href,
    ]);
    await page.close();
    expect(html).not.toMatch(/<script/i);
    // The canonical address and the share tags name the published page; nothing is loaded from them.
    expect(html.replace(/<link rel="canonical"[^>]*>/, '')).not.toMatch(/(src|href)="https?:/);
  });

  it('is semantic: French, headings, figures with captions, data tables, inline SVG', () => {
    expect(html).toMatch(/<html lang="fr">/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect((html.match(/<figure class="chart"/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect((html.match(/<figcaption/g) ?? []).length).toBe(
      (html.match(/<figure class="chart"/g) ?? []).length,
    );
    expect(
      (html.match(/<details class="chart-data"><summary>/g) ?? []).length,
    ).toBeGreaterThanOrEqual(6);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(html).toMatch(/role="img" aria-label="[^"]{40,}"/);
  });

  it('writes figures with the no-break spaces of Intl fr-FR', () => {
    const prose = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<svg[\s\S]*?<\/svg>/g, '');
    expect(prose).toContain(new Intl.NumberFormat('fr-FR', { style: 'percent' }).format(0.52));
    expect(prose).toContain('8\u00a0sur\u00a014');
    expect(prose).not.toMatch(/\d %|\d sur \d/);
    expect(prose).toMatch(/«(\u00a0|&nbsp;)21(\u00a0|&nbsp;)sur/);
    expect(prose).not.toMatch(/ :\s/);
  });

  it('prints each mean the same in the prose, on the charts, in their tables and alt text', () => {
    const prose = html
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<figure[\s\S]*?<\/figure>/g, '');
    const charts = [...html.matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    // Every decimal number a chart label shows (SVG text) is printed with the rounding the prose uses.
    const labels = charts.flatMap((c) =>
      [...c.matchAll(/>(\d+,\d+)<\/text>/g)].map((m) => m[1] as string),
    );
    const proseDecimals = [...prose.matchAll(/\b(\d+,\d+)\b/g)].map((m) => m[1] as string);
    expect(proseDecimals).toContain('7,4');
    const places = (n: string) => n.split(',')[1]?.length;
    for (const label of labels) expect(places(label), label).toBe(places('7,4'));
    const satisfaction = charts.find((c) =>
      c.includes('id="graphique-satisfaction_par_profession"'),
    ) as string;
    expect(satisfaction).toContain('>7,4</text>');
    expect(satisfaction).toMatch(/aria-label="[^"]*7,4/);
    expect(satisfaction).toMatch(/<td class="num">7,4<\/td>/);
  });

  it('has the questionnaire under its methodology, and mentions an appendix only the PDF has', async () => {
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect(html).toContain(
      '<details class="questionnaire-toggle"><summary>Lire le questionnaire</summary>',
    );
    expect(text).toContain('est donné sous cet encadré');
    expect(text).not.toMatch(/en annexe/);
    const mail = await readFile(path.join(out, 'newsletter.html'), 'utf8');
    expect(mail).not.toMatch(/annexe/i);
    expect(mail).toContain('ne permet pas de calculer de taux de réponse');
  });

  it('carries Open Graph and Twitter tags pointing at its social card under --base-url', async () => {
    const meta = (key: string) =>
      new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];
    expect(meta('og:title')).toMatch(/^Ce que les manipulateurs radio et les cadres de santé/);
    expect(meta('og:description')).toMatch(/^52\u00a0% des manipulateurs radio/);
    expect(meta('og:image')).toBe(`${BASE_URL}${ARTICLE}/cards/article-1200x630.png`);
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('twitter:image')).toBe(meta('og:image'));
    const png = await readFile(path.join(out, 'cards/article-1200x630.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('has a card for each key figure and each chart, in both sizes', async () => {
    const cards = (await readdir(path.join(out, 'cards'))).sort();
    const keyFigures = (
      html.match(/<ul class="key-figures">[\s\S]*?<\/ul>/)?.[0].match(/<li>/g) ?? []
    ).length;
    const charts = (html.match(/<figure class="chart"/g) ?? []).length;
    expect(keyFigures).toBe(3);
    expect(cards).toHaveLength(2 * (1 + keyFigures + charts));
    for (const name of cards) {
      const png = await readFile(path.join(out, 'cards', name));
      const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
      expect(name.endsWith(`-${size}.png`), name).toBe(true);
    }
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const { page } = await open(375);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('draws each chart as wide as the text column, its text 11 px or more on a phone and 12 px from 768 px', async () => {
    for (const width of [320, 375, 600, 768, 1280]) {
      const { page } = await open(width);
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('figure.chart')].map((figure) => {
          const shown = [...figure.querySelectorAll('.chart-svg svg')].filter(
            (svg) => svg.getBoundingClientRect().width > 0,
          );
          const svg = shown[0] as SVGSVGElement;
          const texts = [...svg.querySelectorAll('text')]
            .map((t) => t.getBoundingClientRect().height)
            .filter((h) => h > 0);
          // A glyph box is about 1.2 font sizes tall: the smallest text as it shows, in CSS px.
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('text')].map(
            (t) => Number.parseFloat(t.getAttribute('font-size') ?? '0') * scale,
          );
          return {
            id: figure.id,
            shown: shown.length,
            chart: svg.getBoundingClientRect().width,
            column: (figure.parentElement as HTMLElement).getBoundingClientRect().width,
            smallest: Math.min(...sizes.filter((s) => s > 0)),
            glyphs: texts.length,
          };
        }),
      );
      expect(charts.length).toBeGreaterThanOrEqual(6);
      for (const c of charts) {
        expect(c.shown, `${c.id} at ${width}`).toBe(1);
        expect(Math.abs(c.chart - c.column), `${c.id} at ${width}: chart vs column`).toBeLessThan(
          1,
        );
        expect(c.smallest, `${c.id} at ${width}`).toBeGreaterThanOrEqual(width >= 768 ? 12 : 11);
        expect(c.glyphs).toBeGreaterThan(3);
      }
      await page.close();
    }
  });

  it('uses the bundled fonts', async () => {
    const { page } = await open(1280);
    const families = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((f) => f.status === 'loaded')
        .map((f) => f.family.replaceAll('"', ''));
    });
    expect(new Set(families)).toEqual(new Set(['Source Serif 4', 'Source Sans 3']));
    await page.close();
  });
});
