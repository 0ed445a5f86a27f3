/**
 * The print recipe: the print page -> A4 PDF in Chromium, then the PDF's
 * author, subject, keywords, fixed dates, XMP metadata and artifacts (pdf-finish.ts), since Chromium
 * writes only the title and the language. The page runs with JavaScript disabled and may
 * load nothing but itself: every other request is refused. Its charts are
 * placed as floats before it prints (print-layout.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { onAbort } from '../cleanup.js';
import { EnvironmentError } from '../errors.js';
import { environment } from '../messages/index.js';
import { finishPdf } from './pdf-finish.js';
import { type PrintArea, placeCharts } from './print-layout.js';

export const PRINT_TIMEOUT_MS = 60_000;

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The article's date: the PDF's dates, so the same inputs give the same PDF. */
  date: string;
  /** The document's language, as its HTML says it: "fr". */
  lang: string;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Requests the page attempted that were refused (none for a sound page). */
  blocked: string[];
}

/** `page` must have JavaScript disabled and request interception on (Chromium.tab gives such a tab). */
export async function printPdf(
  page: Page,
  html: string,
  meta: PdfMeta,
  area: PrintArea,
): Promise<PrintResult> {
  // Loaded from a file of its own, the page's only allowed address. Made synchronously and told to
  // the watch in the same turn: made on the thread pool, it would exist for as long as the main
  // thread took to hear of it (a busy preview: long enough for a kill -9 to leave it behind).
  const folder = mkdtempSync(path.join(tmpdir(), 'enquete-print-'));
  const forget = onAbort(() => rmSync(folder, { recursive: true, force: true }), {
    remove: [folder],
  });
  const file = path.join(folder, 'print.html');
  try {
    await writeFile(file, html);
    const blocked = allowOnly(page, pathToFileURL(file).href);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    // The fonts are inline, but decoded after 'load' on a busy machine: laid out and printed before
    // they are ready, the page would print in a fallback face.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await placeCharts(page, area);
    const printed = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      timeout: PRINT_TIMEOUT_MS,
    });
    return { pdf: finishPdf(printed, pdfInfo(meta)), blocked };
  } catch (e) {
    throw printError(e, meta.title);
  } finally {
    await rm(folder, { recursive: true, force: true });
    forget();
  }
}

/** Every request but the page itself and data: URLs refused; the refused addresses, as they come. */
function allowOnly(page: Page, own: string): string[] {
  const blocked: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url === own || url.startsWith('data:')) void request.continue();
    else {
      blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return blocked;
}

function pdfInfo(meta: PdfMeta) {
  return {
    Title: meta.title,
    Author: meta.author,
    Subject: meta.subject,
    Keywords: meta.keywords.join(', '),
    Creator: 'enquête',
    Producer: 'enquête (Chromium)',
    date: meta.date,
    lang: meta.lang,
  };
}

function printError(e: unknown, title: string): EnvironmentError {
  if (e instanceof Error && /timeout|timed out/i.test(e.message))
    return new EnvironmentError(environment.printTimedOut(PRINT_TIMEOUT_MS / 1000), { cause: e });
  const why = e instanceof Error ? (e.message.split('\n')[0] as string) : String(e);
  return new EnvironmentError(environment.printFailed(title, why), { cause: e });
}
