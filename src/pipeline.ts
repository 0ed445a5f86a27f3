/**
 * The whole build, one call per stage:
 *
 *   edition.yaml ─► loadEdition ─► ingestEdition ─► buildFigures ─► figures.json
 *   responses.csv ─────────────────────┘                 │
 *                                                        ├─► prepareArticle (templates, titles, dek)
 *                                                        ├─► drawCharts ─► SVG (print, web), PNG (newsletter)
 *                                                        └─► renderPages ─► print / web / newsletter HTML
 *   Chromium (started first, in parallel) ─► printPdf ─► enquete.pdf
 *   newsletter HTML ─► inlineStyles, plainText, emlMessage
 *
 *   all files ─► writeInto(staging) ─► swapIn(output/<edition>/)
 *
 * Nothing reaches the output folder unless every stage succeeded.
 */
import path from 'node:path';
import { buildFigures, type Figure } from './analysis/figures.js';
import { drawChart, type RenderedChart } from './charts/draw.js';
import { useFrenchLocale } from './charts/theme.js';
import { type Edition, loadEdition } from './edition/load.js';
import type { Article } from './edition/schema.js';
import { UsageError } from './errors.js';
import { ingestEdition } from './ingest/ingest.js';
import type { Ingested } from './ingest/types.js';
import type { Log } from './log.js';
import { startChromium } from './outputs/chromium.js';
import { emlMessage, inlineStyles, plainText } from './outputs/newsletter.js';
import { printPdf } from './outputs/pdf.js';
import {
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

export async function buildEdition(options: BuildOptions, log: Log): Promise<Written[]> {
  const target = options.outFolder ?? defaultOutFolder(options.editionFolder);
  const chromium = startChromium();
  try {
    const { edition, ingested, figures } = await analyseEdition(options.editionFolder, log);
    const { config } = edition;
    const article = pickArticle(config.articles, options.article);
    const baseUrl = publishedAt(options.baseUrl ?? config.edition.publishUrl);
    const index = new FigureIndex(figures);

    const prepared = await log.stage('Prepare templates', () =>
      prepareArticle(edition.folder, edition.configFile, article, index),
    );
    const charts = await log.stage(`Draw ${article.charts.length} charts`, () =>
      drawCharts(article, edition, index, prepared.chartTitles),
    );
    const pages = await log.stage('Render pages', () =>
      renderPages({
        prepared,
        config,
        article,
        index,
        charts,
        reconciliation: ingested.reconciliation,
        imageBaseUrl: baseUrl,
      }),
    );
    const newsletter = await log.stage('Build newsletter', async () => {
      const html = inlineStyles(pages.newsletter);
      const text = plainText(pages.newsletter);
      const from = `${config.edition.publisher} <newsletter@example.invalid>`;
      const eml = await emlMessage({
        html,
        text,
        subject: article.title,
        from,
        date: article.date,
        charts,
        imageBaseUrl: baseUrl,
      });
      return { html, text, eml };
    });
    const printed = await log.stage('Print PDF (Chromium)', async () =>
      printPdf(await chromium.browser, pages.print, {
        title: article.title,
        author: article.author,
        subject: pages.context.dek,
        keywords: [
          config.edition.survey,
          config.edition.publisher,
          'intelligence artificielle',
          'imagerie médicale',
        ],
        date: article.date,
      }),
    );

    const files: OutputFile[] = [
      { name: 'enquete.pdf', content: printed.pdf },
      { name: 'enquete.html', content: pages.web },
      { name: 'newsletter.html', content: newsletter.html },
      { name: 'newsletter.txt', content: newsletter.text },
      { name: 'newsletter.eml', content: newsletter.eml },
      ...charts.map((c) => ({ name: c.pngFile, content: c.png.bytes })),
      { name: 'figures.json', content: `${JSON.stringify(figures, null, 2)}\n` },
      {
        name: 'reconciliation.json',
        content: `${JSON.stringify(ingested.reconciliation, null, 2)}\n`,
      },
    ];
    await log.stage('Write outputs', () => publish(files, target));
    return sizes(target, files);
  } finally {
    await chromium.close();
  }
}

async function drawCharts(
  article: Article,
  edition: Edition,
  index: FigureIndex,
  titles: Map<string, string>,
): Promise<RenderedChart[]> {
  useFrenchLocale();
  const charts: RenderedChart[] = [];
  for (const c of article.charts)
    charts.push(await drawChart(c, edition.config, index, titles.get(c.id) ?? c.id));
  return charts;
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

export function defaultOutFolder(editionFolder: string): string {
  return path.join('output', path.basename(path.resolve(editionFolder)));
}
