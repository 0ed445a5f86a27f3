/** The CMS fragment, pasted into a host page and opened in the real Chromium. */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postcss from 'postcss';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { sharedArticle } from '../helpers/build.js';
import { scratch } from '../helpers/scratch.js';

let fragment: string;
let out: string;
let browser: Browser;

/** A CMS page: its own styles, a paragraph before and after the pasted article. */
const host = (body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<style>body { font-family: Georgia, serif; margin: 0 auto; max-width: 720px; } p { margin: 1em 0; }</style>
</head><body><p id="before">Texte du site.</p>${body}<p id="after">Pied de page du site.</p></body></html>`;

beforeAll(async () => {
  // The host pages are written beside the article's files: a copy, the shared build is read-only.
  out = scratch('fragment');
  await cp(await sharedArticle(), out, { recursive: true });
  fragment = await readFile(path.join(out, 'enquete.fragment.html'), 'utf8');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(html: string, name: string) {
  const file = path.join(out, name);
  await writeFile(file, html);
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, url: pathToFileURL(file).href };
}

describe('enquete.fragment.html', () => {
  it('is a fragment: no html, head or body, one root element of the scope class', () => {
    expect(fragment).not.toMatch(/<(html|head|body|!doctype)\b/i);
    expect(fragment.trimStart()).toMatch(
      /^(<!--[\s\S]*?-->\s*)?<div class="enquete-article" lang="fr">/,
    );
    expect(fragment.trimEnd().endsWith('</div>')).toBe(true);
    expect(fragment).not.toMatch(/<script/i);
  });

  it('scopes every style rule under .enquete-article', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(fragment)?.[1] ?? '';
    let rules = 0;
    postcss.parse(css).walkRules((rule) => {
      if (rule.parent?.type === 'atrule' && /keyframes/.test((rule.parent as postcss.AtRule).name))
        return;
      rules++;
      for (const s of rule.selectors) expect(s, s).toMatch(/^\.enquete-article\b/);
    });
    expect(rules).toBeGreaterThan(30);
  });

  it('pasted into a page, loads nothing and leaves the page around it as it was', async () => {
    const plain = await open(host(''), 'host-plain.html');
    const pasted = await open(host(fragment), 'host-pasted.html');
    expect(pasted.requests.filter((u) => !u.startsWith('data:'))).toEqual([pasted.url]);
    const look = (p: typeof plain.page) =>
      p.evaluate(() =>
        ['before', 'after'].map((id) => {
          const s = getComputedStyle(document.getElementById(id) as HTMLElement);
          return [s.fontFamily, s.fontSize, s.color, s.margin, s.lineHeight].join(' | ');
        }),
      );
    expect(await look(pasted.page)).toEqual(await look(plain.page));
    // Its charts show one drawing each, as wide as the host's column.
    const charts = await pasted.page.evaluate(() =>
      [...document.querySelectorAll('.enquete-article figure.chart')].map((f) => ({
        shown: [...f.querySelectorAll('.chart-svg svg')].filter(
          (s) => s.getBoundingClientRect().width > 0,
        ).length,
        width: (f.querySelector('.chart-svg') as HTMLElement).getBoundingClientRect().width,
      })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const c of charts) {
      expect(c.shown).toBe(1);
      expect(c.width).toBeGreaterThan(600);
    }
    await plain.page.close();
    await pasted.page.close();
  });
});
