/**
 * What an output is: a recipe that names the page it needs (layout, styles,
 * how charts show) and turns that page into files. Article recipes run once
 * per article, edition recipes once per build; the pipeline runs every
 * recipe listed in recipes/index.ts, so adding an output touches no other.
 */
import type { Figure } from '../analysis/figures.js';
import type { FreeTextGroup } from '../analysis/free-text.js';
import type { RenderedChart } from '../charts/draw.js';
import type { Edition } from '../edition/load.js';
import type { Article } from '../edition/schema.js';
import type { Reconciliation } from '../ingest/types.js';
import type { Log } from '../log.js';
import type { Claim } from '../render/audit.js';
import type { ArticleContext } from '../render/context.js';
import type { PageSpec, PreparedArticle, Templates } from '../render/pages.js';
import type { ThemeView } from '../render/theme.js';
import type { Chromium } from './chromium.js';
import type { NewsletterJob, NewsletterResult } from './email.js';
import type { OutputFile } from './write.js';

/** Work a recipe hands to the second thread (implemented by worker/). */
export interface Offload {
  newsletter(job: NewsletterJob): Promise<NewsletterResult>;
  /** SVGs drawn as PNGs `widthPx` wide (resvg, bundled fonts). */
  pngs(jobs: PngJob[]): Promise<Uint8Array[]>;
}

export interface PngJob {
  svg: string;
  widthPx: number;
}

/** What the recipes work with: one browser and one drawing thread per build, and the log. */
export interface Tools {
  chromium: Chromium;
  offload: Offload;
  log: Log;
}

/** One article, ready to be published: its text, its charts drawn, its context. */
export interface ArticleBuild {
  edition: Edition;
  article: Article;
  prepared: PreparedArticle;
  charts: RenderedChart[];
  context: Omit<ArticleContext, 'medium'>;
  templates: Templates;
  /** Where the output folder is published, ending with "/". */
  baseUrl: string;
}

export interface ArticleRecipe {
  /** What the log calls it: "Print PDF". */
  name: string;
  page: PageSpec;
  /** CSS that depends on the article (the print's running header). */
  extraCss?(build: ArticleBuild): string;
  files(page: string, build: ArticleBuild, tools: Tools): Promise<OutputFile[]>;
}

/** The edition as a whole: every article's front matter and the analysis. */
export interface EditionBuild {
  edition: Edition;
  figures: readonly Figure[];
  /** Every decision the articles' wording helpers took, with its interval. */
  claims: readonly Claim[];
  reconciliation: Reconciliation;
  freeText: FreeTextGroup[];
  templates: Templates;
  theme: ThemeView;
  /** Every article of the edition, and whether its outputs are in the folder after this build. */
  articles: { article: Article; dek: string; published: boolean }[];
}

export interface EditionRecipe {
  name: string;
  /** The page it renders, if it renders one. */
  page?: PageSpec;
  files(build: EditionBuild, tools: Tools): Promise<OutputFile[]>;
}
