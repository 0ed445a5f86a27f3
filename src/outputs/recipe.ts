/**
 * What an output is: a recipe that names the page it needs (its layout,
 * styles and medium) and turns that page into files. Article recipes run
 * once per article, edition recipes once per build; one runner (run.ts)
 * runs every recipe listed in recipes/index.ts for the build, the check and
 * the preview, so adding an output is a recipe file, its line in the list
 * and its layout, and touches no other.
 */
import type { Figure } from '../analysis/figures.js';
import type { FreeTextGroup } from '../analysis/free-text.js';
import type { RenderedChart, SvgJob } from '../charts/draw.js';
import type { Edition } from '../edition/load.js';
import type { Article } from '../edition/schema.js';
import type { FigureIndex } from '../format/figure-index.js';
import type { Reconciliation } from '../ingest/types.js';
import type { Log } from '../log.js';
import type { OutputItem } from '../paths.js';
import type { Claim, KeyFigure } from '../render/audit.js';
import type { ArticleContext } from '../render/context.js';
import type { PageSpec, PreparedArticle, Templates } from '../render/pages.js';
import type { ThemeView } from '../render/theme.js';
import type { SurveyTables } from '../tables/model.js';
import type { Archive } from './archive.js';
import type { Chromium } from './chromium.js';
import type { NewsletterJob, NewsletterResult } from './email.js';
import type { WorkbookMethod } from './workbook.js';
import type { OutputFile } from './write.js';

/** Work a recipe hands to the build's other threads (implemented by worker/). */
export interface Offload {
  /** Charts drawn (vega): each job's drawings, in the order of its widths. */
  svgs(jobs: SvgJob[]): Promise<string[][]>;
  newsletter(job: NewsletterJob): Promise<NewsletterResult>;
  /** SVGs drawn as PNGs `widthPx` wide (resvg, bundled fonts). */
  pngs(jobs: PngJob[]): Promise<Uint8Array[]>;
  /** The survey's tables as a workbook (workbook.ts). */
  workbook(tables: SurveyTables, method: WorkbookMethod): Promise<Uint8Array>;
}

export interface PngJob {
  svg: string;
  widthPx: number;
}

/**
 * What earlier builds made, kept by what it was made from (worker/cache.ts).
 * The build has it; the check and the preview keep nothing.
 */
export interface Kept {
  /**
   * The PDF an earlier build printed from `from` (the page and how it is
   * printed, in this browser), or `print`'s, kept for the next build if it says so.
   */
  pdf(from: unknown, print: () => Promise<{ pdf: Uint8Array; keep: boolean }>): Promise<Uint8Array>;
}

/** What the recipes work with: one browser and one drawing thread per build, and the log. */
export interface Tools {
  chromium: Chromium;
  offload: Offload;
  log: Log;
  kept?: Kept;
}

/** One article, ready to be published: its text, its charts drawn, its context. */
export interface ArticleBuild {
  edition: Edition;
  article: Article;
  prepared: PreparedArticle;
  charts: RenderedChart[];
  context: ArticleContext;
  templates: Templates;
  /** Its key figures, as its text states them (the {{#keyFigure}} helper). */
  keyFigures: KeyFigure[];
  /** Where the output folder is published, ending with "/". */
  baseUrl: string;
}

/**
 * When a recipe runs: 'first' the outputs an editor reads while writing
 * (the preview serves them before the others), 'rest' the others.
 */
export type Phase = 'first' | 'rest';

/** The addresses a recipe publishes that other pages link to, for an article's slug. */
export interface RecipeLinks {
  /** The canonical address of the article (the web page). */
  canonical?: (slug: string) => OutputItem;
  /** The image a share of the article shows (Open Graph, Twitter). */
  shareImage?: (slug: string) => OutputItem;
  /** Each chart's PNG. */
  chartImage?: (slug: string, chart: string) => OutputItem;
}

export interface ArticleRecipe {
  /** A stable name, for caches and tests: "print-pdf". */
  id: string;
  /** What the log calls it, in the language of messages: "Impression du PDF". */
  label(): string;
  /** The page it makes its files from, if it makes them from one (the cards do not). */
  page?: PageSpec;
  phase: Phase;
  links?: RecipeLinks;
  /** CSS that depends on the article (the print's running header). */
  extraCss?(build: ArticleBuild): string;
  files(page: string, build: ArticleBuild, tools: Tools): Promise<OutputFile[]>;
}

/** The edition as a whole: every article's front matter and the analysis. */
export interface EditionBuild {
  edition: Edition;
  /** Where the output folder is published, ending with "/": what a printed page links to. */
  baseUrl: string;
  figures: readonly Figure[];
  /** Every decision the articles' wording helpers took, with its interval. */
  claims: readonly Claim[];
  reconciliation: Reconciliation;
  freeText: FreeTextGroup[];
  templates: Templates;
  theme: ThemeView;
  /** Every article of the edition, and whether its outputs are in the folder after this build. */
  articles: { article: Article; dek: string; published: boolean }[];
  /** The whole survey as tables, made when a recipe first asks (every comparison of every cross-tab). */
  tables(): SurveyTables;
  /** Every figure, with its rounding and its comparisons (the tables' charts are planned from it). */
  index: FigureIndex;
  /** The other editions beside the output folder, when this build writes the archive page (archive.ts). */
  archive?: Archive;
}

export interface EditionRecipe {
  id: string;
  label(): string;
  /** The page it renders, if it renders one. */
  page?: PageSpec;
  /** It prints with Chromium: left out where nothing is printed (check, the preview). */
  prints?: boolean;
  /**
   * The files it makes, when it is slow to make and not read while writing
   * (the workbook): the preview makes them only when one is asked for.
   */
  onRequest?: readonly OutputItem[];
  files(build: EditionBuild, tools: Tools): Promise<OutputFile[]>;
}
