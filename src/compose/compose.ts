/**
 * Every article of an edition made ready for the recipes, the same way for
 * the build, the check and the preview:
 *
 *   analysis (analyse.ts) ─► materials: figures by id, templates, theme, methodology
 *                         ─► audit: texts rendered on record, charts planned, problems, warnings
 *                         ─► charts drawn (the build's worker; the check's empty drawings),
 *                            asked for as soon as they are planned, drawn while the audit goes on
 *                         ─► each article's build: its context, links and key figures
 *
 * What the edition's own outputs need (`Audited`: no chart drawn) is handed
 * out before the drawings are awaited, so that the build starts them meanwhile.
 */
import { type Analysed, analyseEdition } from '../analyse.js';
import { chosenFreeText } from '../analysis/free-text.js';
import { drawingJob, type PlannedChart, type RenderedChart, withDrawings } from '../charts/draw.js';
import type { Article } from '../edition/schema.js';
import type { Problem } from '../errors.js';
import type { Log } from '../log.js';
import { stages } from '../messages/index.js';
import type { ArticleBuild, EditionBuild } from '../outputs/recipe.js';
import { articleLinks } from '../outputs/run.js';
import type { Claim } from '../render/audit.js';
import { articleContext } from '../render/context.js';
import type { PreparedArticle } from '../render/pages.js';
import { surveyTables } from '../tables/tables.js';
import type { DrawingWorker } from '../worker/client.js';
import { auditArticles, type Audited as ReadThrough } from './audit-articles.js';
import { gatherMaterials, type Materials } from './materials.js';
import { type ComposeOptions, pickArticles, publishedAt } from './options.js';

/** The edition read through, its charts not yet drawn: what the edition's outputs are made from. */
export interface Audited {
  analysed: Analysed;
  materials: Materials;
  /** The articles this run makes. */
  articles: Article[];
  /** Every article of the edition, prepared (deks for the index page). */
  prepared: PreparedArticle[];
  /** Every decision the articles' wording helpers took (claims.json). */
  claims: Claim[];
  /** What the new data may have broken, located (lint/): printed, errors with check --strict. */
  warnings: Problem[];
  /** Where the output folder is published, ending with "/" (--base-url, else edition.publishUrl). */
  baseUrl: string;
}

/** Every article ready for the recipes: the analysis, the materials, the charts drawn. */
export interface Composed extends Audited {
  /** The articles this run makes, each with its charts drawn. */
  builds: ArticleBuild[];
}

export async function composeArticles(
  options: ComposeOptions,
  /** Draws the charts: the worker thread (enquete check passes empty drawings). */
  drawer: Pick<DrawingWorker, 'svgs'>,
  log: Log,
  reuse: {
    /** Called once the input is known to be sound: the build starts Chromium then. */
    inputRead?: () => void;
    /** The analysis of an unchanged config and export (the preview after a text edit). */
    analysed?: Analysed;
    /** Called once the texts are read through, while the charts are drawn: the build starts the edition's outputs then. */
    audited?: (audited: Audited) => void;
  } = {},
): Promise<Composed> {
  const analysed = reuse.analysed ?? (await analyseEdition(options.editionFolder, log));
  const { config } = analysed.edition;
  const articles = pickArticles(config.articles, options.article);
  reuse.inputRead?.();
  const baseUrl = publishedAt(options.baseUrl ?? config.edition.publishUrl);
  const materials = await gatherMaterials(analysed, log);
  const contextOf = contexts(analysed, materials, baseUrl);
  const rebuiltOf = (prepared: PreparedArticle[], planned: PlannedChart[][]) =>
    prepared.flatMap((p, i) =>
      articles.includes(p.article) ? [{ p, planned: planned[i] as PlannedChart[] }] : [],
    );
  let drawing: Promise<RenderedChart[][]> | undefined;
  const draw = (rebuilt: ReturnType<typeof rebuiltOf>) => {
    drawing = drawCharts(
      rebuilt.map((r) => r.planned),
      drawer,
      log,
    );
    // Awaited once the audit is over; an audit that fails first is the failure to tell.
    drawing.catch(() => {});
    return drawing;
  };
  const audited = await auditArticles(analysed, materials, contextOf, (prepared, planned) =>
    draw(rebuiltOf(prepared, planned)),
  );
  const rebuilt = rebuiltOf(audited.prepared, audited.planned);
  const early: Audited = { analysed, materials, articles, baseUrl, ...summary(audited) };
  reuse.audited?.(early);
  const charts = await (drawing ?? draw(rebuilt));
  const builds = rebuilt.map(({ p }, i): ArticleBuild => {
    const drawn = charts[i] as RenderedChart[];
    return {
      edition: analysed.edition,
      article: p.article,
      prepared: p,
      charts: drawn,
      templates: materials.templates,
      keyFigures: audited.audit.keyFigures(p.article.slug),
      baseUrl,
      context: contextOf(p, drawn),
    };
  });
  return { ...early, builds };
}

/** Each article's context, with the charts it is given (planned only, for the audit; drawn, for the recipes). */
function contexts(analysed: Analysed, materials: Materials, baseUrl: string) {
  const { config } = analysed.edition;
  return (p: PreparedArticle, charts: RenderedChart[]) =>
    articleContext({
      config,
      article: p.article,
      dek: p.dek,
      charts,
      methodology: materials.methodology,
      freeText: chosenFreeText(config, materials.freeText, p.article.freeText, analysed.membership),
      theme: materials.theme,
      links: articleLinks(
        p.article.slug,
        p.article.charts.map((c) => c.id),
        baseUrl,
      ),
    });
}

function summary({ prepared, audit, warnings }: ReadThrough) {
  return { prepared, claims: audit.claims, warnings };
}

/** Every article's charts in one request to the drawing thread. */
async function drawCharts(
  planned: PlannedChart[][],
  drawer: Pick<DrawingWorker, 'svgs'>,
  log: Log,
): Promise<RenderedChart[][]> {
  const all = planned.flat();
  const svgs = await log.stage(stages.drawCharts(all.length), () =>
    drawer.svgs(all.map(drawingJob)),
  );
  let n = 0;
  return planned.map((charts) => charts.map((p) => withDrawings(p, svgs[n++] as string[])));
}

/** What the edition recipes work from; `kept` says which articles not rebuilt still have their outputs. */
export function editionBuildOf(
  { analysed, articles: rebuilt, prepared, materials, claims, baseUrl }: Audited,
  kept: (slug: string) => boolean = () => false,
): EditionBuild {
  return {
    edition: analysed.edition,
    baseUrl,
    figures: analysed.figures,
    reconciliation: analysed.ingested.reconciliation,
    freeText: materials.freeText,
    claims,
    templates: materials.templates,
    theme: materials.theme,
    articles: prepared.map((p) => ({
      article: p.article,
      dek: p.dek,
      published: rebuilt.includes(p.article) || kept(p.article.slug),
    })),
    index: materials.index,
    tables: once(() =>
      surveyTables({
        config: analysed.edition.config,
        index: materials.index,
        freeText: materials.freeText,
        times: analysed.ingested.responses.timestamp.epochMs,
        respondents: analysed.ingested.responses.count,
      }),
    ),
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
