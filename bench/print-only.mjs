#!/usr/bin/env node
/**
 * The benchmark's baseline: merely print a finished page with Chromium.
 * Launch the browser (same flags as the build), open the page, print it
 * to A4 with the same options, close. Usage: node bench/print-only.mjs page.html out.pdf
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { CHROMIUM_ARGS, findBrowser } from '../dist/outputs/browser.js';

const [page, out] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: await findBrowser(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const tab = await browser.newPage();
  await tab.setJavaScriptEnabled(false);
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  await writeFile(
    out,
    await tab.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    }),
  );
} finally {
  await browser.close();
}
