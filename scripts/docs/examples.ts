/**
 * The guide's examples built by the build's own code: an edition analysed,
 * the example charts added to its articles in memory (the config checked
 * again whole, as the loader checks it), every article composed (audit,
 * charts planned and drawn as the drawing thread draws them), and helper
 * examples rendered with an article's context, as its text is.
 */
import { Text } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { isMap, isSeq, parseDocument as parseYaml } from 'yaml';
import { type Analysed, analyseEdition } from '../../src/analyse.js';
import type { RenderedChart, SvgJob } from '../../src/charts/draw.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { renderSvgs } from '../../src/charts/render.js';
import { type Composed, composeArticles } from '../../src/compose/compose.js';
import { parseEditionConfig } from '../../src/edition/parse-config.js';
import { silentLog } from '../../src/log.js';
import { frenchSpacing } from '../../src/publication/french.js';
import {
  compileMarkdown,
  compileTemplate,
  type Hbs,
  type Template,
} from '../../src/render/environment.js';

/** The edition every example builds with, unless it says otherwise. */
export const EXAMPLE_EDITION = 'data/2024';
/** The edition examples of changes build with: the trial 2025 edition, compared with 2024. */
export const PREVIOUS_EXAMPLE_EDITION = 'test/fixtures/editions/2025';
/** The edition examples of series build with: the trial 2026 edition, after 2025 and 2024. */
export const SERIES_EXAMPLE_EDITION = 'test/fixtures/editions/2026';

/** A chart entry to add to an article's `charts:`. */
export interface ChartEntry {
  article: string;
  chart: Record<string, unknown>;
}

/** Draws as the build's drawing thread does (worker/entry.ts), in this thread. */
export const drawHere = {
  svgs: async (jobs: SvgJob[]): Promise<string[][]> => {
    const out: string[][] = [];
    for (const job of jobs) out.push(await renderSvgs(job.spec, job.widths));
    return out;
  },
};

/** Draws nothing: charts planned, not drawn, as `enquete check` does. */
export const drawNothing = {
  svgs: async (jobs: SvgJob[]): Promise<string[][]> =>
    jobs.map((job) => job.widths.map((w) => `<svg width="${w}" height="1"></svg>`)),
};

/**
 * The edition's articles composed with `entries` added to their charts. The
 * config is read again whole from its text with the entries in it, so the
 * entries meet every check an editor's would (schema, references, kind).
 */
export async function composeWith(
  folder: string,
  entries: readonly ChartEntry[],
  options: { article?: string; drawer?: typeof drawHere } = {},
): Promise<Composed> {
  const analysed = withCharts(await analyseEdition(folder, silentLog), entries);
  return composeArticles(
    { editionFolder: folder, ...(options.article && { article: options.article }) },
    options.drawer ?? drawHere,
    silentLog,
    { analysed },
  );
}

/** The analysis of an edition whose config has `entries` in its articles' charts. */
export function withCharts(analysed: Analysed, entries: readonly ChartEntry[]): Analysed {
  const { edition } = analysed;
  const doc = parseYaml(edition.configText);
  for (const { article, chart } of entries) {
    const articles = doc.get('articles', true);
    const node = isSeq(articles)
      ? articles.items.find((a) => isMap(a) && a.get('slug') === article)
      : undefined;
    if (!isMap(node)) throw new Error(`${edition.configFile} has no article "${article}"`);
    if (!node.has('charts')) node.set('charts', doc.createNode([]));
    const charts = node.get('charts', true);
    if (!isSeq(charts)) throw new Error(`the article "${article}" has charts that are not a list`);
    charts.add(doc.createNode(chart));
  }
  const configText = doc.toString();
  const config = parseEditionConfig(configText, edition.configFile, CHART_KINDS);
  return { ...analysed, edition: { ...edition, configText, config } };
}

/** A chart of the composed articles, drawn. */
export function drawnChart(composed: Composed, id: string): RenderedChart {
  const chart = composed.builds.flatMap((b) => b.charts).find((c) => c.id === id);
  if (!chart) throw new Error(`no chart "${id}" was composed`);
  return chart;
}

/**
 * A piece of article text rendered as the article's body is (its context,
 * the web medium, French spacing), and what a reader sees of it: its text,
 * or for a chart, the chart's title.
 */
export function renderText(
  composed: Composed,
  article: string,
  source: string,
  as: 'handlebars' | 'markdown' = 'handlebars',
): string {
  const build = composed.builds.find((b) => b.article.slug === article);
  if (!build) throw new Error(`no article "${article}" was composed`);
  const { hbs } = composed.materials.templates;
  const template =
    as === 'markdown' ? markdownTemplate(hbs, source) : compileTemplate(hbs, 'guide.hbs', source);
  return frenchSpacing(template.render(build.context, { medium: 'web' }));
}

function markdownTemplate(hbs: Hbs, source: string): Template {
  return compileMarkdown(hbs, 'guide.md', source);
}

/** What a reader sees of rendered text: its words, white space collapsed, and a chart by `chart(title)`. */
export function readerText(html: string, chart: (title: string) => string): string {
  const doc = parseDocument(html);
  for (const figure of DomUtils.getElementsByTagName('figure', doc)) {
    const caption = DomUtils.getElementsByTagName('figcaption', figure)[0];
    DomUtils.replaceElement(figure, new Text(chart(caption ? DomUtils.textContent(caption) : '')));
  }
  return DomUtils.textContent(doc)
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}
