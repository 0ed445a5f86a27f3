/**
 * The print recipe: the print page -> A4 PDF in Chromium, then the PDF's
 * metadata (author, subject, language, dates) with pdf-lib, since Chromium
 * only writes the title. The page runs with JavaScript disabled and may
 * load nothing but itself: every other request is refused.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { EnvironmentError } from '../errors.js';

export const PRINT_TIMEOUT_MS = 60_000;

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The article's date: the PDF's dates, so the same inputs give the same PDF. */
  date: string;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Requests the page attempted that were refused (none for a sound page). */
  blocked: string[];
}

export async function printPdf(
  browser: Browser,
  html: string,
  meta: PdfMeta,
): Promise<PrintResult> {
  const folder = await mkdtemp(path.join(tmpdir(), 'enquete-print-'));
  const file = path.join(folder, 'print.html');
  await writeFile(file, html);
  // pdf-lib is needed only once the page is printed: load it while Chromium works.
  const pdfLib = import('pdf-lib');
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    const own = pathToFileURL(file).href;
    page.on('request', (request) => {
      const url = request.url();
      if (url === own || url.startsWith('data:')) void request.continue();
      else {
        blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.goto(own, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    const printed = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      timeout: PRINT_TIMEOUT_MS,
    });
    return { pdf: await withMetadata((await pdfLib).PDFDocument, printed, meta), blocked };
  } catch (e) {
    if (e instanceof Error && /timeout|timed out/i.test(e.message)) {
      throw new EnvironmentError(
        `Chromium did not finish printing the PDF within ${PRINT_TIMEOUT_MS / 1000} s.`,
        'Run the build again; if it keeps failing, run it with --debug and report it.',
      );
    }
    throw e;
  } finally {
    await page.close().catch(() => {});
    await rm(folder, { recursive: true, force: true });
  }
}

async function withMetadata(
  PDFDocument: typeof import('pdf-lib').PDFDocument,
  pdf: Uint8Array,
  meta: PdfMeta,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const date = new Date(`${meta.date}T00:00:00Z`);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage('fr-FR');
  doc.setCreator('enquête');
  doc.setProducer('enquête (Chromium, pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc.save();
}
