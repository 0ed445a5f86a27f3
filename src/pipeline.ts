/**
 * The whole build, one call per stage; the analysis runs once and one
 * Chromium prints, whatever the number of articles:
 *
 *   edition.yaml, responses.csv ─► analyseEdition (analyse.ts) ─► figures
 *                                                                      │
 *     for each article:  prepareArticle (text, dek, chart titles) ◄────┤
 *                        planChart ─► worker: SVG                      │
 *                        article recipes: print PDF (Chromium), web, newsletter (worker)
 *     once:              edition recipes: figures.json & data files, index.html
 *
 *   all files ─► publish: staging folder ─► swapped in for output/<edition>/
 *
 * Nothing reaches the output folder unless every recipe succeeded; with
 * --article the other articles' folders are carried over untouched.
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Analysed, analyseEdition, type PreviousEdition } from './analyse.js';
import type { MeanFigure } from './analysis/figures.js';
import { type FreeTextGroup, freeText } from './analysis/free-text.js';
import {
  drawingJob,
  type PlannedChart,
  planChart,
  type RenderedChart,
  undrawn,
  unplannable,
  withDrawings,
} from './charts/draw.js';
import type { Edition } from './edition/load.js';
import type { Article } from './edition/schema.js';
import { InputError, type Problem, UsageError } from './errors.js';
import { FigureIndex, FigureProblem } from './format/figure-index.js';
import type { Reconciliation } from './ingest/types.js';
import { type LintInput, lintEdition } from './lint/index.js';
import type { Log, WrittenFile } from './log.js';
import { stages, tasks, usage, where } from './messages/index.js';
import type { ArticleBuild, ArticleRecipe, EditionBuild, Tools } from './outputs/recipe.js';
import { ARTICLE_RECIPES, EDITION_RECIPES } from './outputs/recipes/index.js';
import { LEAD_CARD } from './outputs/recipes/social-cards.js';
import { checkTarget, type OutputFile, publish, sizes } from './outputs/write.js';
import { articleFolder, outputPath } from './paths.js';
import { Audit, type Claim } from './render/audit.js';
import { articleContext, methodologyFacts, type PreviousFacts } from './render/context.js';
import {
  auditArticle,
  loadTemplates,
  type PreparedArticle,
  prepareArticle,
  renderArticlePage,
  type Templates,
} from './render/pages.js';
import { meanPrecision, precisionProblems } from './render/precision.js';
import { inlineTexts } from './render/texts.js';
import { loadTheme, type ThemeView } from './render/theme.js';
import type { DrawingWorker } from './worker/client.js';

export interface BuildOptions {
  editionFolder: string;
  outFolder?: string;
  /** Rebuild this article only (its slug); every article by default. */
  article?: string;
  /** Where the output folder is published: newsletter images and web links point there. */
  baseUrl?: string;
}

export interface BuildResult {
  written: WrittenFile[];
  reconciliation: Reconciliation;
  articles: string[];
  claims: Claim[];
  warnings: Problem[];
}

/** Every article ready for the recipes: the analysis, the templates, the charts drawn. */
export interface Composed {
  /** Every decision the articles' wording helpers took (claims.json). */
  claims: Claim[];
  /** What the new data may have broken, located (lint/): printed, and errors with check --strict. */
  warnings: Problem[];
  analysed: Analysed;
  templates: Templates;
  /** The articles this build publishes. */
  builds: ArticleBuild[];
  /** Every article of the edition, prepared (deks for the index page). */
  prepared: PreparedArticle[];
  freeText: FreeTextGroup[];
  theme: ThemeView;
}

export async function composeArticles(
  options: BuildOptions,
  /** Draws the charts: the worker thread (enquete check passes empty drawings). */
  worker: Pick<DrawingWorker, 'svgs'>,
  log: Log,
  reuse: {
    /** Called once the input is known to be sound: the build starts Chromium then. */
    inputRead?: () => void;
    /** The analysis of an unchanged config and export (the preview after a text edit). */
    analysed?: Analysed;
  } = {},
): Promise<Composed> {
  const analysed = reuse.analysed ?? (await analyseEdition(options.editionFolder, log));
  reuse.inputRead?.();
  const { edition, ingested, figures } = analysed;
  const { config } = edition;
  const articles = pickArticles(config.articles, options.article);
  const baseUrl = publishedAt(options.baseUrl ?? config.edition.publishUrl);
  // One rounding per figure, decided from every template before anything is drawn or printed.
  const precision = await meanPrecision(edition, figures);
  const index = new FigureIndex(figures, precision.decimals, analysed.comparer);
  const typed = freeText(config, ingested.responses);
  const theme = await loadTheme(edition);
  const templates = await log.stage(stages.prepareTemplates, () =>
    loadTemplates(
      index,
      [
        ...ARTICLE_RECIPES.map((r) => r.page),
        ...EDITION_RECIPES.flatMap((r) => (r.page ? [r.page] : [])),
      ],
      theme,
    ),
  );
  const methodology = methodologyFacts({
    config,
    figures: index,
    reconciliation: ingested.reconciliation,
    ...(analysed.previous && { previous: previousFacts(analysed.previous) }),
  });
  const contextOf = (p: PreparedArticle, charts: RenderedChart[]) => {
    const slug = p.article.slug;
    return articleContext({
      config,
      article: p.article,
      dek: p.dek,
      charts,
      methodology,
      freeText: typed,
      theme,
      webUrl: baseUrl + outputPath({ article: slug, file: 'web' }),
      shareImage: baseUrl + outputPath({ article: slug, ...LEAD_CARD }),
      pngUrl: (chart) => baseUrl + outputPath({ article: slug, chart }),
    });
  };
  // Every article's texts, once on record: its claims, the figures it prints, every problem located.
  const audit = new Audit();
  const prepared = await Promise.all(
    config.articles.map((a) => prepareArticle(edition, a, templates, audit)),
  );
  const planned = prepared.map((p) => planArticleCharts(p, edition, index, audit));
  for (const [i, p] of prepared.entries())
    auditArticle(p, contextOf(p, (planned[i] as PlannedChart[]).map(undrawn)), audit);
  audit.add(...precisionProblems(precision.asks, printedMeans(audit, planned.flat(), index)));
  if (audit.problems.length > 0) throw new InputError(tasks.renderArticle, audit.problems);
  const { previous } = analysed;
  const warnings = lintEdition({
    edition,
    respondents: { config, responses: ingested.responses, membership: analysed.membership },
    ...(previous && {
      previous: {
        config: previous.edition.config,
        responses: previous.ingested.responses,
        membership: previous.membership,
      },
    }),
    index,
    audit,
    charts: prepared.flatMap((p, i) =>
      p.article.charts.map((chart, j) => ({
        article: p.article,
        chart,
        planned: (planned[i] as PlannedChart[])[j] as PlannedChart,
        at: ['articles', config.articles.indexOf(p.article), 'charts', j],
      })),
    ),
    texts: prepared.flatMap((p) => articleTexts(edition, p)),
  });

  const rebuilt = prepared.flatMap((p, i) =>
    articles.includes(p.article) ? [{ p, planned: planned[i] as PlannedChart[] }] : [],
  );
  const charts = await drawCharts(
    rebuilt.map((r) => r.planned),
    worker,
    log,
  );
  const builds = rebuilt.map(({ p }, i): ArticleBuild => {
    const drawn = charts[i] as RenderedChart[];
    return {
      edition,
      article: p.article,
      prepared: p,
      charts: drawn,
      templates,
      baseUrl,
      context: contextOf(p, drawn),
    };
  });
  return {
    analysed,
    templates,
    builds,
    prepared,
    freeText: typed,
    theme,
    claims: audit.claims,
    warnings,
  };
}

/**
 * The CLI starts the worker before loading this module, so it loads the chart
 * libraries meanwhile; Chromium starts once the input has been read.
 */
export async function buildEdition(
  options: BuildOptions,
  tools: Tools & { worker: DrawingWorker },
): Promise<BuildResult> {
  const target = options.outFolder ?? defaultOutFolder(options.editionFolder);
  await checkTarget(target, options.editionFolder);
  const composed = await composeArticles(options, tools.worker, tools.log, {
    inputRead: () => tools.chromium.warmUp(),
  });
  const { edition, ingested } = composed.analysed;
  const rebuilt = composed.builds.map((b) => b.article);
  const kept = edition.config.articles
    .filter((a) => !rebuilt.includes(a))
    .map((a) => articleFolder(a.slug))
    .filter((folder) => existsSync(path.join(target, folder)));
  const files = await runRecipes(
    composed.builds,
    editionBuildOf(composed, (slug) => kept.includes(articleFolder(slug))),
    tools,
  );
  await tools.log.stage(stages.writeOutputs, () => publish(files, target, kept));
  return {
    written: await sizes(target, files),
    reconciliation: ingested.reconciliation,
    articles: rebuilt.map((a) => a.slug),
    claims: composed.claims,
    warnings: composed.warnings,
  };
}

/** What the edition recipes work from; `kept` says which articles not rebuilt still have their outputs. */
export function editionBuildOf(
  { analysed, builds, prepared, freeText, templates, theme, claims }: Composed,
  kept: (slug: string) => boolean = () => false,
): EditionBuild {
  const rebuilt = builds.map((b) => b.article);
  return {
    edition: analysed.edition,
    figures: analysed.figures,
    reconciliation: analysed.ingested.reconciliation,
    freeText,
    claims,
    templates,
    theme,
    articles: prepared.map((p) => ({
      article: p.article,
      dek: p.dek,
      published: rebuilt.includes(p.article) || kept(p.article.slug),
    })),
  };
}

function previousFacts({ edition, ingested }: PreviousEdition): PreviousFacts {
  const { id, fieldPeriod } = edition.config.edition;
  return { id, fieldPeriod, kept: ingested.reconciliation.kept };
}

/**
 * An article's charts planned from the figures. A chart that cannot be
 * (a group with no respondent, a change that no longer compares) is a
 * problem located at the chart in edition.yaml, and a placeholder meanwhile
 * so that the rest of the article is checked too.
 */
function planArticleCharts(
  p: PreparedArticle,
  edition: Edition,
  index: FigureIndex,
  audit: Audit,
): PlannedChart[] {
  const at = edition.config.articles.indexOf(p.article);
  return p.article.charts.map((c, j) => {
    const title = p.chartTitles.get(c.id) ?? c.id;
    try {
      return planChart(c, edition.config, index, title);
    } catch (e) {
      if (!(e instanceof FigureProblem)) throw e;
      audit.add({
        file: edition.configFile,
        ...edition.locate(['articles', at, 'charts', j]),
        where: `${where.chart(c.id)}, ${where.figure(e.figureId)}`,
        ...e.complaint,
      });
      return unplannable(c.id, c.kind, title);
    }
  });
}

/**
 * The means the outputs print: by the articles' helpers and on the charts,
 * and last year's that `before` prints (with last year's base).
 */
function printedMeans(audit: Audit, planned: PlannedChart[], index: FigureIndex): MeanFigure[] {
  const ids = new Set([
    ...audit.printed.map((p) => p.figure),
    ...planned.flatMap((c) => c.data.rows.map((r) => r.figureId)),
  ]);
  const before = audit.printed.flatMap((p) => {
    const f = index.find(p.figure);
    const change = index.find(`${p.figure}.change`);
    if (p.helper !== 'before' || f?.kind !== 'mean' || change?.kind !== 'change') return [];
    return [{ ...f, base: change.from.base ?? 0 }];
  });
  return [
    ...[...ids].flatMap((id) => {
      const f = index.find(id);
      return f?.kind === 'mean' ? [f] : [];
    }),
    ...before,
  ];
}

/** The texts an article is written in, for the new-year checks: body, title, dek, chart titles. */
function articleTexts(edition: Edition, p: PreparedArticle): LintInput['texts'] {
  const body = { file: p.body.file, firstLine: 1, firstColumn: 1, part: 'body' };
  return [
    { article: p.article.slug, ...body, text: p.body.source },
    ...inlineTexts(edition, p.article),
  ];
}

/** Every article's charts in one request to the drawing thread. */
async function drawCharts(
  planned: PlannedChart[][],
  worker: Pick<DrawingWorker, 'svgs'>,
  log: Log,
): Promise<RenderedChart[][]> {
  const all = planned.flat();
  const svgs = await log.stage(stages.drawCharts(all.length), () =>
    worker.svgs(all.map(drawingJob)),
  );
  let n = 0;
  return planned.map((charts) => charts.map((p) => withDrawings(p, svgs[n++] as string[])));
}

/** Each article through every article recipe, and the edition recipes, all at once. */
async function runRecipes(
  builds: ArticleBuild[],
  editionBuild: EditionBuild,
  tools: Tools,
): Promise<OutputFile[]> {
  const label = (name: string, slug: string) => (builds.length > 1 ? `${name}: ${slug}` : name);
  const running = [
    ...ARTICLE_RECIPES.flatMap((recipe) =>
      builds.map((b) => {
        const page = recipePage(b, recipe);
        return tools.log.stage(label(recipe.name, b.article.slug), () =>
          recipe.files(page, b, tools),
        );
      }),
    ),
    ...EDITION_RECIPES.map((recipe) =>
      tools.log.stage(recipe.name, () => recipe.files(editionBuild, tools)),
    ),
  ];
  // Let every recipe settle before reporting a failure, so none is left running behind the error.
  const settled = await Promise.allSettled(running);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.flatMap((s) => (s as PromiseFulfilledResult<OutputFile[]>).value);
}

/** The page an article recipe makes its files from: the article in the recipe's layout and styles. */
export function recipePage(build: ArticleBuild, recipe: ArticleRecipe): string {
  return renderArticlePage(
    build.templates,
    build.prepared,
    build.context,
    recipe.page,
    recipe.extraCss?.(build),
  );
}

function pickArticles(articles: Article[], slug: string | undefined): Article[] {
  if (slug === undefined) return articles;
  const found = articles.find((a) => a.slug === slug);
  if (!found) {
    throw new UsageError(
      usage.unknownArticle(
        slug,
        articles.map((a) => a.slug),
      ),
    );
  }
  return [found];
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
    throw new UsageError(usage.editionWithoutName(editionFolder));
  }
  return path.join('output', name);
}
