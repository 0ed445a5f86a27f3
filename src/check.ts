/**
 * `enquete check`: everything a build verifies (the config, the export,
 * every template on every page, every figure id, the charts' references
 * and data) without Chromium, the chart libraries or writing anything.
 * The build's own composition and runner: charts planned but not drawn (an
 * empty drawing in their place), every page rendered, no file kept.
 */
import path from 'node:path';
import { undrawnSvgs } from './charts/draw.js';
import { composeArticles, editionBuildOf } from './compose/compose.js';
import type { Problem } from './errors.js';
import type { Reconciliation } from './ingest/types.js';
import { type Log, silentLog } from './log.js';
import { stages } from './messages/index.js';
import { noChromium } from './outputs/chromium.js';
import type { Tools } from './outputs/recipe.js';
import { EDITION_PAGES, RENDER_ONLY, runRecipes } from './outputs/run.js';
import type { Claim } from './render/audit.js';

export interface CheckResult {
  edition: string;
  articles: string[];
  figures: number;
  pages: number;
  reconciliation: Reconciliation;
  /** Every decision the articles' wording took, as claims.json lists them. */
  claims: Claim[];
  /** What the new data may have broken (errors with --strict). */
  warnings: Problem[];
}

export async function checkEdition(folder: string, log: Log): Promise<CheckResult> {
  const composed = await composeArticles({ editionFolder: folder }, { svgs: undrawnSvgs }, log);
  const { analysed, builds, claims, warnings } = composed;
  let pages = EDITION_PAGES;
  // The archive page is rendered as a build renders it, listing this edition alone; nothing is written.
  const archive = { folder: path.basename(path.resolve(folder)), others: [] };
  await log.stage(stages.renderEveryPage, () =>
    runRecipes(builds, { ...editionBuildOf(composed), archive }, NO_TOOLS, {
      printEdition: false,
      // The workbook is data laid out, checked by its own tests: the check leaves it out, as the preview does.
      skipOnRequest: true,
      make: (recipe, page, build) => {
        if (recipe.page) pages++;
        return RENDER_ONLY(recipe, page, build);
      },
    }),
  );
  return {
    edition: analysed.edition.config.edition.id,
    articles: builds.map((b) => b.article.slug),
    figures: analysed.figures.length,
    pages,
    reconciliation: analysed.ingested.reconciliation,
    claims,
    warnings,
  };
}

/** The check starts no browser and no thread: a recipe that asked for one would fail loudly. */
const NO_TOOLS: Tools = {
  chromium: noChromium('enquete check prints nothing'),
  offload: {
    svgs: undrawnSvgs,
    newsletter: () => Promise.reject(new Error('enquete check makes no e-mail')),
    pngs: () => Promise.reject(new Error('enquete check draws no PNG')),
    workbook: () => Promise.reject(new Error('enquete check writes no workbook')),
  },
  log: silentLog,
};
