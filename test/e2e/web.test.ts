/** The web article, opened in the real Chromium: accessibility (axe-core), self-containment, layout. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findBrowser } from '../../src/outputs/browser.js';
import { buildOnce } from '../helpers/build.js';

const require = createRequire(import.meta.url);
let out: string;
let html: string;
let browser: Browser;

beforeAll(async () => {
  out = await buildOnce();
  html = await readFile(path.join(out, 'enquete.html'), 'utf8');
  browser = await puppeteer.launch({
    executablePath: (await findBrowser()) ?? undefined,
    args: CHROMIUM_ARGS,
  });
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
    expect(html).not.toMatch(/(src|href)="https?:/);
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

  it('fits a 375 px phone without sideways scrolling', async () => {
    const { page } = await open(375);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
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
