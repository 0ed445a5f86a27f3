/**
 * The whole build, one call per stage:
 *
 *   edition.yaml ─► loadEdition ─► ingestEdition ─► buildFigures ─► figures.json
 *   responses.csv ─────────────────────┘                 │
 *                                                        ├─► prepareArticle (templates, titles, dek)
 *                                                        ├─► planChart ─► worker: SVG (print, web)
 *                                                        └─► renderPages ─► print / web / newsletter HTML
 *   Chromium (spawned by the CLI before anything else) ─► printPdf ─► enquete.pdf
 *   while it prints, in the worker thread: chart PNGs, newsletter (inlined CSS, plain text, .eml)
 *
 *   all files ─► writeInto(staging) ─► swapIn(output/<edition>/)
 *
 * Nothing reaches the output folder unless every stage succeeded.
 */
import path from 'node:path';
import { buildFigures, type Figure } from './analysis/figures.js';
import { type FreeTextGroup, freeText } from './analysis/free-text.js';
import { planChart, withDrawing } from './charts/draw.js';
import { type Edition, loadEdition } from './edition/load.js';
import type { Article } from './edition/schema.js';
import { UsageError } from './errors.js';
import { ingestEdition } from './ingest/ingest.js';
import type { Ingested, Reconciliation } from './ingest/types.js';
import type { Log } from './log.js';
import type { Chromium } from './outputs/chromium.js';
import { toCsv } from './outputs/csv.js';
import { printPdf } from './outputs/pdf.js';
import {
  checkTarget,
  discard,
  type OutputFile,
  sizes,
  stagingFolder,
  swapIn,
  type Written,
  writeInto,
} from './outputs/write.js';
import { FigureIndex } from './render/figure-index.js';
import { prepareArticle, renderPages } from './render/pages.js';
import type { DrawingWorker } from './worker/client.js';

export interface BuildOptions {
  editionFolder: string;
  outFolder?: string;
  /** Which article of the edition (its slug); the first by default. */
  article?: string;
  /** Where the output folder is published: newsletter images and web link point there. */
  baseUrl?: string;
}

export interface Analysed {
  edition: Edition;
  ingested: Ingested;
  figures: Figure[];
}

export async function analyseEdition(editionFolder: string, log: Log): Promise<Analysed> {
  const edition = await log.stage('Read edition config', () => loadEdition(editionFolder));
  const ingested = await log.stage('Read responses', () => ingestEdition(edition));
  const figures = await log.stage('Compute figures', () =>
    buildFigures(edition.config, ingested.responses),
  );
  return { edition, ingested, figures };
}

/** Everything the outputs are made from: the analysis, the charts (SVG) and the three pages. */
export async function composePages(options: BuildOptions, worker: DrawingWorker, log: Log) {
  const { edition, ingested, figures } = await analyseEdition(options.editionFolder, log);
  const { config } = edition;
  const article = pickArticle(config.articles, options.article);
  const baseUrl = publishedAt(options.baseUrl ?? config.edition.publishUrl);
  const index = new FigureIndex(figures);
  const typed = freeText(config, ingested.responses);
  const prepared = await log.stage('Prepare templates', () =>
    prepareArticle(edition.folder, edition.configFile, article, index),
  );
  const charts = await log.stage(`Draw ${article.charts.length} charts (SVG)`, async () => {
    const planned = article.charts.map((c) =>
      planChart(c, config, index, prepared.chartTitles.get(c.id) ?? c.id),
    );
    const svgs = await worker.svgs(planned.map((p) => p.job));
    return planned.map((p, i) => withDrawing(p, svgs[i] as string));
  });
  const pages = await log.stage('Render pages', () =>
    renderPages({
      prepared,
      config,
      article,
      index,
      charts,
      reconciliation: ingested.reconciliation,
      freeText: typed,
      imageBaseUrl: baseUrl,
    }),
  );
  return {
    typed,
    config,
    article,
    baseUrl,
    figures,
    reconciliation: ingested.reconciliation,
    charts,
    pages,
  };
}

/** The CLI starts Chromium and the worker before loading this module, so both warm up meanwhile. */
export async function buildEdition(
  options: BuildOptions,
  chromium: Chromium,
  worker: DrawingWorker,
  log: Log,
): Promise<{ written: Written[]; reconciliation: Reconciliation }> {
  const target = options.outFolder ?? defaultOutFolder(options.editionFolder);
  await checkTarget(target, options.editionFolder);
  const { config, article, baseUrl, figures, reconciliation, charts, pages, typed } =
    await composePages(options, worker, log);
  // Chromium prints in its own process while the worker draws the PNGs and the newsletter.
  const printing = log.stage('Print PDF (Chromium)', async () =>
    printPdf(await chromium.printPage(), pages.print, {
      title: article.title,
      author: article.author,
      subject: pages.context.dek,
      keywords: [config.edition.survey, config.edition.publisher],
      date: article.date,
    }),
  );
  printing.catch(() => {});
  const newsletter = await log.stage('Chart PNGs and newsletter', () =>
    worker.newsletter({
      html: pages.newsletter,
      charts: charts.map((c) => ({ id: c.id, svg: c.svg, pngFile: c.pngFile })),
      subject: article.title,
      from: `${config.edition.publisher} <newsletter@example.invalid>`,
      date: article.date,
      imageBaseUrl: baseUrl,
    }),
  );
  const printed = await printing;
  if (printed.blocked.length > 0) {
    // The page printed without them; the editor should know the template asks for outside resources.
    log.info(
      `  note: the print page asked for ${printed.blocked.length} resource(s) outside the build, all refused: ${printed.blocked.slice(0, 3).join(', ')}`,
    );
  }

  const files: OutputFile[] = [
    { name: 'enquete.pdf', content: printed.pdf },
    { name: 'enquete.html', content: pages.web },
    { name: 'newsletter.html', content: newsletter.html },
    { name: 'newsletter.txt', content: newsletter.text },
    { name: 'newsletter.eml', content: newsletter.eml },
    ...newsletter.pngs.map((p) => ({ name: p.name, content: p.bytes })),
    { name: 'figures.json', content: `${JSON.stringify(figures, null, 2)}\n` },
    { name: 'free-text.csv', content: freeTextCsv(typed) },
    { name: 'reconciliation.json', content: `${JSON.stringify(reconciliation, null, 2)}\n` },
  ];
  await log.stage('Write outputs', () => publish(files, target));
  return { written: await sizes(target, files), reconciliation };
}

/** Every typed answer with its question and line, for editors working in a spreadsheet. */
function freeTextCsv(groups: FreeTextGroup[]): string {
  const rows = groups.flatMap((g) =>
    g.items.flatMap((i) =>
      i.lines.map((line) => [g.question.id, g.question.header, String(line), i.text]),
    ),
  );
  return toCsv([['question', 'intitulé', 'ligne', 'texte'], ...rows]);
}

async function publish(files: OutputFile[], target: string): Promise<void> {
  const staging = await stagingFolder(target);
  try {
    await writeInto(staging, files);
    await swapIn(staging, target);
  } catch (e) {
    await discard(staging);
    throw e;
  }
}

function pickArticle(articles: Article[], slug: string | undefined): Article {
  if (slug === undefined) return articles[0] as Article;
  const found = articles.find((a) => a.slug === slug);
  if (!found)
    throw new UsageError(
      `No article "${slug}" in this edition.`,
      `Articles: ${articles.map((a) => a.slug).join(', ')}.`,
    );
  return found;
}

/** The published folder's address, ending with "/". */
export const DEFAULT_BASE_URL = 'https://example.invalid/enquete/';

function publishedAt(url: string | undefined): string {
  const u = url ?? DEFAULT_BASE_URL;
  return u.endsWith('/') ? u : `${u}/`;
}

/** output/<edition folder's name>, refusing a name that could lead anywhere else. */
export function defaultOutFolder(editionFolder: string): string {
  const name = path.basename(path.resolve(editionFolder));
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new UsageError(
      `The edition folder "${editionFolder}" has no name usable as an output folder.`,
      'Name edition folders with letters, digits, "-", "_" or "." (e.g. data/2025), or choose the folder with --out.',
    );
  }
  return path.join('output', name);
}
