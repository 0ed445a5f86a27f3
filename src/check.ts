/**
 * `enquete check`: everything a build verifies (the config, the export,
 * every template on every page, every figure id, the charts' references
 * and data) without Chromium, the chart libraries or writing anything.
 * Charts are planned (their data, alt text and table worked out) but not
 * drawn: each page is rendered with an empty drawing in their place.
 */
import type { Problem } from './errors.js';
import type { Reconciliation } from './ingest/types.js';
import type { Log } from './log.js';
import { stages } from './messages/index.js';
import { ARTICLE_RECIPES } from './outputs/recipes/index.js';
import { composeArticles, recipePage } from './pipeline.js';
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
  const { analysed, builds, claims, warnings } = await composeArticles(
    { editionFolder: folder },
    NO_DRAWING,
    log,
  );
  let pages = 0;
  await log.stage(stages.renderEveryPage, async () => {
    for (const build of builds)
      for (const recipe of ARTICLE_RECIPES) {
        recipePage(build, recipe);
        pages++;
      }
  });
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

/** Stands in for the drawing thread: an empty SVG of each asked width. */
const NO_DRAWING = {
  svgs: async (jobs: { widths: number[] }[]) =>
    jobs.map((job) => job.widths.map((w) => `<svg width="${w}" height="1"></svg>`)),
};
