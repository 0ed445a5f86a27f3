/**
 * The article rendered three ways. The body template and the layouts are
 * compiled once; each output renders them with its own mode, CSS and chart
 * markup (inline SVG for print and web, hosted PNG for e-mail).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { FreeTextGroup } from '../analysis/free-text.js';
import type { RenderedChart } from '../charts/draw.js';
import type { Article, EditionConfig } from '../edition/schema.js';
import { InputError } from '../errors.js';
import { fontFaceCss } from '../fonts.js';
import type { Reconciliation } from '../ingest/types.js';
import type { Mode } from './chart-markup.js';
import { type ArticleContext, articleContext, chartHelper, sourceLine } from './context.js';
import {
  compileTemplate,
  createEnvironment,
  loadTemplate,
  registerPartials,
  type Template,
} from './environment.js';
import type { FigureIndex } from './figure-index.js';
import { frenchSpacing, frenchText } from './french.js';

export const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface Pages {
  print: string;
  web: string;
  /** Before CSS inlining. */
  newsletter: string;
  context: Omit<ArticleContext, 'mode'>;
}

export interface PreparedArticle {
  body: Template;
  /** Chart titles and dek, rendered from their templates for this data. */
  chartTitles: Map<string, string>;
  dek: string;
  layouts: Record<Mode, Template>;
  hbs: ReturnType<typeof createEnvironment>;
}

/** Compile everything the article needs, and render the small templates (dek, chart titles) the charts need first. */
export async function prepareArticle(
  editionFolder: string,
  configFile: string,
  article: Article,
  index: FigureIndex,
): Promise<PreparedArticle> {
  const hbs = createEnvironment(index);
  const bodyFile = path.resolve(editionFolder, article.body);
  const inside = path.relative(path.resolve(editionFolder), bodyFile);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new InputError('Reading the edition config', [
      {
        file: configFile,
        where: `key "articles.${article.slug}.body"`,
        expected: 'a path inside the edition folder (e.g. articles/article.hbs)',
        found: JSON.stringify(article.body),
        fix: 'Keep the article texts in the edition folder and give their path relative to it.',
      },
    ]);
  }
  const [body, print, web, newsletter] = await Promise.all([
    loadTemplate(hbs, bodyFile),
    loadTemplate(hbs, path.join(TEMPLATES, 'layouts', 'print.hbs')),
    loadTemplate(hbs, path.join(TEMPLATES, 'layouts', 'web.hbs')),
    loadTemplate(hbs, path.join(TEMPLATES, 'layouts', 'newsletter.hbs')),
    registerPartials(hbs, path.join(TEMPLATES, 'partials'), [
      'methodology',
      'appendix',
      'free-text',
    ]),
  ]);
  const configText = await readFile(configFile, 'utf8');
  const inline = (where: string, source: string) =>
    frenchText(
      compileTemplate(hbs, configFile, source, { where, fileText: configText }).render({}),
    );
  const chartTitles = new Map(
    article.charts.map((c) => [c.id, inline(`chart "${c.id}" title`, c.title)]),
  );
  return {
    body,
    chartTitles,
    dek: inline(`article "${article.slug}" dek`, article.dek),
    layouts: { print, web, newsletter },
    hbs,
  };
}

export async function renderPages(args: {
  prepared: PreparedArticle;
  config: EditionConfig;
  article: Article;
  index: FigureIndex;
  charts: RenderedChart[];
  reconciliation: Reconciliation;
  freeText: FreeTextGroup[];
  imageBaseUrl: string;
}): Promise<Pages> {
  const { prepared, config, article, charts } = args;
  const webUrl = `${args.imageBaseUrl}enquete.html`;
  const context = articleContext({
    config,
    article,
    dek: prepared.dek,
    figures: args.index,
    charts,
    reconciliation: args.reconciliation,
    freeText: args.freeText,
    webUrl,
  });
  prepared.hbs.registerHelper('chart', chartHelper(charts, args.imageBaseUrl, sourceLine(config)));
  const [fonts, base, print, web, newsletter] = await Promise.all([
    fontFaceCss(),
    ...['base', 'print', 'web', 'newsletter'].map((n) =>
      readFile(path.join(TEMPLATES, 'styles', `${n}.css`), 'utf8'),
    ),
  ]);
  const css: Record<Mode, string> = {
    print: `${fonts}\n${base}\n${print}\n${pageCss(config, article)}`,
    web: `${fonts}\n${base}\n${web}`,
    newsletter: newsletter as string,
  };
  const render = (mode: Mode) => {
    const ctx: ArticleContext = { ...context, mode };
    ctx.body = new Handlebars.SafeString(prepared.body.render(ctx));
    ctx.css = new Handlebars.SafeString(css[mode]);
    return frenchSpacing(prepared.layouts[mode].render(ctx));
  };
  return { print: render('print'), web: render('web'), newsletter: render('newsletter'), context };
}

/** Running header and footer: @page margin boxes, whose text must be a CSS string. */
function pageCss(config: EditionConfig, article: Article): string {
  return `@page { size: A4; margin: 22mm 22mm 22mm 22mm;
  @top-left { content: ${cssString(config.edition.publisher)}; font: 600 8.5pt "Source Sans 3"; color: #5b6770; }
  @top-right { content: ${cssString(shorten(article.title, 80))}; font: 400 8.5pt "Source Sans 3"; color: #5b6770; }
  @bottom-left { content: ${cssString(config.edition.survey)}; font: 400 8.5pt "Source Sans 3"; color: #5b6770; }
  @bottom-right { content: "Page " counter(page) " / " counter(pages); font: 400 8.5pt "Source Sans 3"; color: #5b6770; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }`;
}

/** A CSS string literal: quotes, backslashes, line breaks and "<" escaped, so no text can leave it. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1))}…`;
}
