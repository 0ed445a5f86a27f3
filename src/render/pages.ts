/**
 * Pages from templates. The layouts, partials and styles an edition's
 * outputs ask for are read and compiled once per build; each article then
 * compiles its own text and renders it once per medium. Which layout and
 * styles a page uses is the output recipe's choice (outputs/recipes/).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { type Edition, fileInEdition } from '../edition/load.js';
import type { Article } from '../edition/schema.js';
import { InputError } from '../errors.js';
import { fontFaceCss } from '../fonts.js';
import { type FigureIndex, FigureProblem } from '../format/figure-index.js';
import { MEDIA, type MediumName } from '../media/index.js';
import { config, tasks, templates as templateSays, where } from '../messages/index.js';
import { frenchSpacing, frenchText } from '../publication/french.js';
import { type Audit, placeIn, type TemplatePlace } from './audit.js';
import { type ArticleContext, editionView } from './context.js';
import {
  compileTemplate,
  createEnvironment,
  type Hbs,
  loadArticle,
  loadTemplate,
  type Template,
} from './environment.js';
import { inlineTexts } from './texts.js';
import type { ThemeView } from './theme.js';

export const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** What a page is made of: a layout, stylesheets, and how charts show in it. */
export interface PageSpec {
  /** templates/layouts/<layout>.hbs */
  layout: string;
  /** templates/styles/<name>.css, in this order */
  styles: readonly string[];
  /** Inline the bundled fonts (pages read in a browser or printed; not e-mail). */
  fonts: boolean;
  /** What the page is read on: how its charts show (media/), the CSS it adds. */
  medium: MediumName;
  /** Scope every CSS rule under this class (a fragment pasted into another page). */
  scope?: string;
}

export interface Templates {
  hbs: Hbs;
  /** A page rendered from its layout, with `extraCss` after its styles. */
  render(spec: PageSpec, context: object, extraCss?: string): string;
}

/** Compile every layout the specs name, every partial, and read their styles: once per build. */
export async function loadTemplates(
  index: FigureIndex,
  specs: readonly PageSpec[],
  theme: Pick<ThemeView, 'css' | 'emailCss'> = { css: '', emailCss: '' },
): Promise<Templates> {
  const hbs = createEnvironment(index);
  const partialsDir = path.join(TEMPLATES, 'partials');
  const partialNames = (await readdir(partialsDir))
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => f.slice(0, -4));
  const partials = new Map<string, Template>();
  await Promise.all(
    partialNames.map(async (name) => {
      const t = await loadTemplate(hbs, path.join(partialsDir, `${name}.hbs`));
      hbs.registerPartial(name, t.source);
      partials.set(name, t);
    }),
  );
  const layouts = new Map<string, Template>();
  const styles = new Map<string, string>();
  await Promise.all([
    ...[...new Set(specs.map((s) => s.layout))].map(async (name) =>
      layouts.set(name, await loadTemplate(hbs, path.join(TEMPLATES, 'layouts', `${name}.hbs`))),
    ),
    ...[...new Set(specs.flatMap((s) => [...s.styles, `chart-${s.medium}`]))].map(async (name) =>
      styles.set(name, await readFile(path.join(TEMPLATES, 'styles', `${name}.css`), 'utf8')),
    ),
  ]);
  const fonts = specs.some((s) => s.fonts) ? await fontFaceCss() : '';
  // Loaded here, not at start-up: the chart thread is drawing meanwhile.
  const scopeCss = specs.some((s) => s.scope) ? await cssScoper() : null;
  hbs.registerHelper('chart', chartHelper(partials));
  return {
    hbs,
    render(spec, context, extraCss = '') {
      const medium = MEDIA[spec.medium];
      // The theme after the styles whose variables and colours it overrides.
      const themeCss = medium.theme === 'email' ? theme.emailCss : theme.css;
      const css = [
        spec.fonts ? fonts : '',
        ...spec.styles.map((s) => styles.get(s)),
        // How the medium shows a chart (templates/styles/chart-<medium>.css).
        styles.get(`chart-${spec.medium}`),
        themeCss,
        extraCss,
      ]
        .filter(Boolean)
        .join('\n');
      const scoped = spec.scope && scopeCss ? scopeCss(css, `.${spec.scope}`) : css;
      const layout = layouts.get(spec.layout) as Template;
      return frenchSpacing(
        layout.render(
          { ...context, css: new Handlebars.SafeString(scoped) },
          { medium: spec.medium },
        ),
      );
    },
  };
}

/**
 * The {{chart "id"}} helper: the chart as the page's medium shows it, from
 * its partial. A chart the article does not declare is a located problem
 * (gathered with the others when the text is audited).
 */
function chartHelper(partials: Map<string, Template>) {
  return (
    id: unknown,
    options: Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } },
  ) => {
    const {
      root,
      medium: name,
      audit,
      place,
    } = options.data as {
      root: ArticleContext;
      medium?: MediumName;
      audit?: Audit;
      place?: TemplatePlace;
    };
    const chart = root.charts?.[String(id)];
    if (!chart) {
      const problem = new FigureProblem(
        String(id),
        templateSays.unknownChart(String(id), Object.keys(root.charts ?? {})),
      );
      const at = options.loc?.start;
      if (!audit || !place || !at) throw problem;
      audit.problem(placeIn(place, at), String(id), problem.complaint, where.chart(String(id)));
      return '';
    }
    const medium = MEDIA[name ?? 'web'];
    const partial = partials.get(`chart-${medium.name}`);
    if (!partial) throw new Error(templateSays.noPartial(`chart-${medium.name}.hbs`));
    const view = medium.chart(chart, {
      source: root.source,
      ...(root.links.chartImages[chart.id] && { image: root.links.chartImages[chart.id] }),
    });
    return new Handlebars.SafeString(partial.render(view));
  };
}

export interface PreparedArticle {
  article: Article;
  body: Template;
  /** Chart titles and dek, rendered from their templates for this data. */
  chartTitles: Map<string, string>;
  dek: string;
}

/**
 * Compile an article's text, and render the small templates (dek, chart
 * titles) its charts need first, each reporting to the build's audit.
 */
export async function prepareArticle(
  edition: Edition,
  article: Article,
  templates: Templates,
  audit?: Audit,
): Promise<PreparedArticle> {
  const { hbs } = templates;
  // Named as the edition folder was given, so that messages read like the command typed.
  const bodyFile = fileInEdition(edition.folder, article.body);
  if (bodyFile === null) {
    throw new InputError(tasks.readConfig, [
      {
        file: edition.configFile,
        where: where.key(`articles.${article.slug}.body`),
        ...config.bodyOutside(JSON.stringify(article.body)),
      },
    ]);
  }
  const body = await loadArticle(hbs, bodyFile);
  // The dek and the chart titles are templates; the title is plain text.
  const rendered = new Map(
    inlineTexts(edition, article)
      .filter((t) => t.part !== 'title')
      .map(({ text, keyPath, ...place }) => {
        const template = compileTemplate(hbs, edition.configFile, text, {
          where: where.articlePart(article.slug, place.part),
          fileText: edition.configText,
        });
        const context = { edition: editionView(edition.config) };
        return [place.part, frenchText(template.render(context, { place, audit }))];
      }),
  );
  const chartTitles = new Map(
    article.charts.map((c) => [c.id, rendered.get(`chart:${c.id}`) as string]),
  );
  return { article, body, chartTitles, dek: rendered.get('dek') as string };
}

/** Where an article's body is: its file from its first line, mapped from the HTML made of Markdown. */
export function bodyPlace(prepared: PreparedArticle): TemplatePlace {
  return {
    article: prepared.article.slug,
    file: prepared.body.file,
    firstLine: 1,
    firstColumn: 1,
    part: 'body',
    ...(prepared.body.placeOf && { placeOf: prepared.body.placeOf }),
  };
}

/** An article's body rendered once with the audit: its claims, the figures it prints, its problems. */
export function auditArticle(
  prepared: PreparedArticle,
  context: ArticleContext,
  audit: Audit,
): void {
  prepared.body.render(context, { place: bodyPlace(prepared), audit, medium: 'web' });
}

/** An article's page for one medium: its text rendered into the recipe's layout. */
export function renderArticlePage(
  templates: Templates,
  prepared: PreparedArticle,
  context: ArticleContext,
  spec: PageSpec,
  extraCss?: string,
): string {
  const body = new Handlebars.SafeString(prepared.body.render(context, { medium: spec.medium }));
  // The medium's own CSS (which web drawing shows when) on the article's pages, which have charts.
  const css = [MEDIA[spec.medium].css(), extraCss].filter(Boolean).join('\n');
  return templates.render(spec, { ...context, body }, css);
}

/** A CSS string literal: quotes, backslashes, line breaks and "<" escaped, so no text can leave it. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Every rule under a scope (postcss-prefix-selector): the page's own root
 * (html, body, :root) becomes the scope itself. @font-face and the other
 * at-rules without selectors are left as they are.
 */
async function cssScoper(): Promise<(css: string, scope: string) => string> {
  const [{ default: postcss }, { default: prefixSelector }] = await Promise.all([
    import('postcss'),
    import('postcss-prefix-selector'),
  ]);
  return (css, scope) =>
    postcss([
      prefixSelector({
        prefix: scope,
        transform: (prefix, selector, prefixed) => {
          const root = /^(html|body|:root)\b\s*/.exec(selector);
          if (!root) return prefixed;
          const rest = selector.slice(root[0].length);
          return rest ? `${prefix} ${rest}` : prefix;
        },
      }),
    ]).process(css, { from: undefined }).css;
}
