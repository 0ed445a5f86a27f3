/**
 * The one runner of recipes: each article through every article recipe, and
 * the edition recipes, for the three commands that make outputs:
 *
 *   build    every recipe's files, to publish;
 *   check    every page rendered, no file made (`make` keeps nothing);
 *   preview  the 'first' phase served at once, the 'rest' after, each
 *            recipe's files remembered (`make`), stale runs given up (`between`).
 *
 * Which recipes there are is recipes/index.ts's business: no command names one.
 */

import { stages } from '../messages/index.js';
import { outputPath } from '../paths.js';
import type { ArticleLinks } from '../render/context.js';
import { renderArticlePage } from '../render/pages.js';
import type {
  ArticleBuild,
  ArticleRecipe,
  EditionBuild,
  EditionRecipe,
  Phase,
  RecipeLinks,
  Tools,
} from './recipe.js';
import { ARTICLE_RECIPES, EDITION_RECIPES } from './recipes/index.js';
import type { OutputFile } from './write.js';

export interface RunOptions {
  /** Run this phase's article recipes only ('rest' adds the edition recipes): every one by default. */
  phase?: Phase;
  /** What a recipe makes of its page: its files by default; the check keeps none, the preview remembers them. */
  make?: (recipe: ArticleRecipe, page: string, build: ArticleBuild) => Promise<OutputFile[]>;
  /** Awaited before each article recipe starts: the preview yields to requests, and gives up a stale run. */
  between?: () => Promise<void>;
  /** Whether the edition recipes that print run (the check and the preview print no edition file). */
  printEdition?: boolean;
  /** Leave out the edition recipes made on request (the preview makes them when asked: `onRequestRecipe`). */
  skipOnRequest?: boolean;
  /** The edition recipes, started already (`startEditionRecipes`: the build starts them while the charts are drawn). */
  editionStarted?: Promise<OutputFile[]>[];
}

export async function runRecipes(
  builds: readonly ArticleBuild[],
  edition: EditionBuild,
  tools: Tools,
  options: RunOptions = {},
): Promise<OutputFile[]> {
  const { phase, between } = options;
  const make = options.make ?? ((recipe, page, build) => recipe.files(page, build, tools));
  const label = (name: string, slug: string) =>
    builds.length > 1 ? stages.ofArticle(name, slug) : name;
  const running: Promise<OutputFile[]>[] = [];
  const started = options.editionStarted ?? [];
  try {
    for (const recipe of ARTICLE_RECIPES.filter((r) => phase === undefined || r.phase === phase))
      for (const build of builds) {
        await between?.();
        // The page is rendered now, in the list's order: the print, the longest, starts first.
        const page = recipePage(build, recipe);
        const name = label(recipe.label(), build.article.slug);
        running.push(tools.log.stage(name, () => make(recipe, page, build)));
      }
  } catch (e) {
    // Given up (a stale preview run, a page that does not render): what was started ends first,
    // so that no print is left running behind the error; its own failure is not the one to tell.
    await Promise.allSettled([...running, ...started]);
    throw e;
  }
  // The edition's files after the articles', whenever they were started.
  if (options.editionStarted) running.push(...started);
  else if (phase !== 'first') running.push(...startEditionRecipes(edition, tools, options));
  // Let every recipe settle before reporting a failure, so none is left running behind the error.
  const settled = await Promise.allSettled(running);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.flatMap((s) => (s as PromiseFulfilledResult<OutputFile[]>).value);
}

/** Every edition recipe that runs (`options`), started: its files to come. */
export function startEditionRecipes(
  edition: EditionBuild,
  tools: Tools,
  options: Pick<RunOptions, 'printEdition' | 'skipOnRequest'> = {},
): Promise<OutputFile[]>[] {
  return EDITION_RECIPES.filter((r) => editionRuns(r, options)).map((recipe) => {
    const files = tools.log.stage(recipe.label(), () => recipe.files(edition, tools));
    // A failure is told by whoever awaits the files, maybe later (the build awaits its charts first).
    files.catch(() => {});
    return files;
  });
}

/** Whether an edition recipe runs: not one that prints where nothing is printed, nor one made on request. */
function editionRuns(
  recipe: EditionRecipe,
  options: Pick<RunOptions, 'printEdition' | 'skipOnRequest'>,
): boolean {
  if (recipe.prints && options.printEdition === false) return false;
  return !(recipe.onRequest && options.skipOnRequest);
}

/** The edition recipe that makes the file `name` when it is asked for (the workbook in the preview), if one does. */
export function onRequestRecipe(name: string): EditionRecipe | undefined {
  return EDITION_RECIPES.find((r) => r.onRequest?.some((item) => outputPath(item) === name));
}

/** The page an article recipe makes its files from: the article in the recipe's layout and medium ('' if it needs none). */
export function recipePage(build: ArticleBuild, recipe: ArticleRecipe): string {
  if (!recipe.page) return '';
  return renderArticlePage(
    build.templates,
    build.prepared,
    build.context,
    recipe.page,
    recipe.extraCss?.(build),
  );
}

/** Every page any recipe renders: what the templates are loaded for, once per build. */
export function recipePages() {
  return [...ARTICLE_RECIPES, ...EDITION_RECIPES].flatMap((r: ArticleRecipe | EditionRecipe) =>
    r.page ? [r.page] : [],
  );
}

/**
 * An article's links: what the recipes publish that its pages point at
 * (its canonical address, its share image, its charts' PNGs), under the
 * address the output folder is published at.
 */
export function articleLinks(
  slug: string,
  charts: readonly string[],
  baseUrl: string,
): ArticleLinks {
  const links: RecipeLinks = Object.assign({}, ...ARTICLE_RECIPES.map((r) => r.links ?? {}));
  const at = (item: Parameters<typeof outputPath>[0]) => baseUrl + outputPath(item);
  return {
    canonical: at(links.canonical?.(slug) ?? { article: slug, file: 'web' }),
    shareImage: links.shareImage ? at(links.shareImage(slug)) : '',
    chartImages: Object.fromEntries(
      links.chartImage
        ? charts.map((c) => [
            c,
            at((links.chartImage as NonNullable<RecipeLinks['chartImage']>)(slug, c)),
          ])
        : [],
    ),
  };
}

/** How many pages the edition recipes render (the index), besides the articles'. */
export const EDITION_PAGES = EDITION_RECIPES.filter((r) => r.page).length;

/** A checked page stands for a made one: the check renders every page and makes no file. */
export const RENDER_ONLY: NonNullable<RunOptions['make']> = async () => [];
