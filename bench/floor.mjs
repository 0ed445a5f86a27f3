#!/usr/bin/env node
/**
 * The build's floor (issue 21): what no build of the edition can do without.
 * One Node process and one Chromium print every page the build prints (each
 * in a tab of its own, as the build does), while resvg draws the same PNGs
 * the build draws (the same SVGs, at the same widths, with the same fonts)
 * on as many threads as the machine has cores; it ends when both are done.
 * Nothing else: no data read, no page rendered, no chart laid out.
 *
 *   node bench/floor.mjs <inputs> <out> [print|pngs]
 *
 * With `print` it only prints, with `pngs` it only draws: the issue's own
 * arithmetic adds the two (the printing's time, and the PNGs' spread over
 * the cores), where run together they share the cores and take less.
 *
 * <inputs> is what bench/floor-inputs.mjs took from a build: page-*.html
 * and pngs.json. The PDFs and PNGs are written to <out> (the build writes
 * its own too), so that they can be compared with the build's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

if (isMainThread) await floor(...process.argv.slice(2));
else drawShare(workerData);

async function floor(inputs, out, only) {
  if (only !== undefined && only !== 'print' && only !== 'pngs')
    throw new Error(`the part to run alone is print or pngs, not ${only}`);
  await mkdir(out, { recursive: true });
  const jobs = path.join(inputs, 'pngs.json');
  // Which PNG a thread draws next: one counter shared by every thread.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const threads = Array.from({ length: only === 'print' ? 0 : availableParallelism() }, () => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { jobs, out, next } });
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
    });
  });
  const pages = readdirSync(inputs)
    .filter((f) => /^page-\d+\.html$/.test(f))
    .map((f) => path.join(inputs, f));
  await Promise.all([only === 'pngs' ? undefined : print(pages, out), ...threads]);
}

/** Every page printed to A4 in one Chromium, each in its own tab, all at once. */
async function print(pages, out) {
  const [{ default: puppeteer }, { CHROMIUM_ARGS, findBrowser }] = await Promise.all([
    import('puppeteer'),
    import('../dist/outputs/browser.js'),
  ]);
  const browser = await puppeteer.launch({
    executablePath: await findBrowser(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    await Promise.all(
      pages.map(async (page) => {
        const tab = await browser.newPage();
        await tab.setJavaScriptEnabled(false);
        await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
        // As the build does: its inline fonts decoded, or it would print in a fallback face.
        await tab.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await tab.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          tagged: true,
          outline: true,
        });
        await writeFile(path.join(out, `${path.basename(page, '.html')}.pdf`), pdf);
      }),
    );
  } finally {
    await browser.close();
  }
}

/**
 * A drawing thread: takes the next PNG until none is left, as plain resvg
 * draws it, with the font packages' full faces (the build gives resvg faces
 * cut down to French text, which draw the same pixels faster: src/fonts.ts).
 */
async function drawShare({ jobs, out, next }) {
  const [{ Resvg }, { trueTypePaths }] = await Promise.all([
    import('@resvg/resvg-js'),
    import('../dist/fonts.js'),
  ]);
  const list = JSON.parse(readFileSync(jobs, 'utf8'));
  const both = trueTypePaths();
  const sans = both.filter((f) => f.includes('SourceSans3'));
  for (let i = Atomics.add(next, 0, 1); i < list.length; i = Atomics.add(next, 0, 1)) {
    const { svg, widthPx } = list[i];
    const png = new Resvg(svg, {
      fitTo: { mode: 'width', value: widthPx },
      background: 'white',
      font: {
        // The build's choice: the serif is loaded only for an image that uses it.
        fontFiles: svg.includes('Source Serif 4') ? both : sans,
        loadSystemFonts: false,
        defaultFontFamily: 'Source Sans 3',
        sansSerifFamily: 'Source Sans 3',
        serifFamily: 'Source Serif 4',
      },
    })
      .render()
      .asPng();
    await writeFile(path.join(out, `${i}.png`), png);
  }
}
