/** The newsletter, checked for what e-mail clients need: inlined CSS, hosted images, size, text part. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { ARTICLE, BASE_URL, sharedArticle } from '../helpers/build.js';

let out: string;
let html: string;
let text: string;
let eml: string;

beforeAll(async () => {
  out = await sharedArticle();
  html = await readFile(path.join(out, 'newsletter.html'), 'utf8');
  text = await readFile(path.join(out, 'newsletter.txt'), 'utf8');
  eml = await readFile(path.join(out, 'newsletter.eml'), 'utf8');
});

const images = () => [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);

describe('newsletter.html', () => {
  it('stays under 90 KB, below the point where Gmail clips a message', async () => {
    expect((await stat(path.join(out, 'newsletter.html'))).size).toBeLessThan(90 * 1024);
  });

  it('has no <style>, script, SVG or data: image: every style is inlined', () => {
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<svg/i);
    expect(html).not.toMatch(/data:/);
    expect(html).not.toMatch(/ class="(content|chart-title)"(?![^>]*style=)/);
  });

  it('is a 600 px single-column table layout', () => {
    expect(html).toMatch(/<table role="presentation" class="container"[^>]*max-width: ?600px/);
    expect(html).toMatch(/<!--\[if mso\]><table role="presentation" width="600"/);
  });

  it('references every chart as an absolute URL under --base-url, with size and meaningful alt', () => {
    const imgs = images();
    expect(imgs.length).toBeGreaterThanOrEqual(6);
    for (const img of imgs) {
      expect(img).toMatch(
        new RegExp(`src="${BASE_URL.replaceAll('.', '\\.')}${ARTICLE}/charts/[a-z-]+\\.png"`),
      );
      expect(img).toMatch(/ width="\d+"/);
      expect(img).toMatch(/ height="\d+"/);
      expect(/ alt="([^"]*)"/.exec(img)?.[1]?.length ?? 0).toBeGreaterThan(40);
    }
  });

  it('is the golden e-mail, which the tests make in their own process: the bundle inlines the same', async () => {
    // The bundle gives juice cheerio's htmlparser2-only entry (scripts/bundle.mjs); the tests, its main one.
    const golden = await readFile(`test/golden/output/${ARTICLE}.newsletter.html`, 'utf8');
    expect(html).toBe(golden);
    expect(text).toBe(await readFile(`test/golden/output/${ARTICLE}.newsletter.txt`, 'utf8'));
  });

  it('fits a 320 px phone without sideways scrolling', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // Offline: the images, at their published address, are not fetched.
      await page.setRequestInterception(true);
      page.on('request', (r) => void (r.url().startsWith('file:') ? r.continue() : r.abort()));
      await page.setViewport({ width: 320, height: 800 });
      await page.goto(pathToFileURL(path.join(out, 'newsletter.html')).href, { waitUntil: 'load' });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await browser.close();
    }
  });

  it('has a hidden preheader and a link to the web version', () => {
    expect(html).toMatch(
      /<div class="preheader" style="display:none;[^"]*">52\u00a0% des manipulateurs/,
    );
    expect(html).toContain(`href="${BASE_URL}${ARTICLE}/enquete.html"`);
  });
});

describe('newsletter.txt', () => {
  it('carries the same content as text: title, key figures, chart findings, web link', () => {
    expect(text).toContain('Ce que les manipulateurs radio et les cadres de santé font');
    expect(text).toContain('52\u00a0%');
    expect(text).not.toMatch(/\d %/);
    expect(text).toContain('8\u00a0sur\u00a014');
    expect(text).toContain('Les radiologues plus souvent utilisateurs');
    expect(text).toContain(`${BASE_URL}${ARTICLE}/enquete.html`);
    expect(text).not.toMatch(/<[a-z]/i);
  });
});

describe('newsletter.eml', () => {
  it('is multipart/alternative with the charts attached by Content-ID', () => {
    expect(eml).toMatch(/Content-Type: multipart\/related/);
    expect(eml).toMatch(/Content-Type: multipart\/alternative/);
    expect(eml).toMatch(/Content-Type: text\/plain/);
    expect(eml).toMatch(/Content-Type: text\/html/);
    const cids = eml.match(/Content-ID: <[^>]+>/g) ?? [];
    expect(cids.length).toBe(images().length);
  });
});

describe('chart PNGs', () => {
  it('are drawn at 2x on an opaque white background', async () => {
    const files = (await readdir(path.join(out, 'charts'))).filter((f) => f.endsWith('.png'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const png = await readFile(path.join(out, 'charts', f));
      const width = png.readUInt32BE(16);
      const img = images().find((i) => i.includes(`/${f}"`)) as string;
      expect(width).toBe(2 * Number(/ width="(\d+)"/.exec(img)?.[1]));
      expect(firstPixel(png)).toEqual([255, 255, 255, 255]);
    }
  });
});

/** The top-left pixel, as another decoder (pngjs) reads the PNG: RGBA. */
function firstPixel(png: Buffer): number[] {
  return [...PNG.sync.read(png).data.subarray(0, 4)];
}
