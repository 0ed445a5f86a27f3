/**
 * `enquete build`: the whole build, one call per stage. The analysis runs
 * once and one Chromium prints, whatever the number of articles:
 *
 *   edition.yaml, responses.csv ─► composeArticles (compose/): analysis, audit, charts drawn
 *                                   ─► runRecipes (outputs/run.ts): every output of every article
 *                                   ─► publish: staging folder swapped in for output/<edition>/
 *
 * Nothing reaches the output folder unless every recipe succeeded; with
 * --article the other articles' folders are carried over untouched.
 */
import path from 'node:path';
import { composeArticles, editionBuildOf } from './compose/compose.js';
import type { ComposeOptions } from './compose/options.js';
import type { Problem } from './errors.js';
import { UsageError } from './errors.js';
import type { Reconciliation } from './ingest/types.js';
import type { WrittenFile } from './log.js';
import { stages, usage } from './messages/index.js';
import type { Tools } from './outputs/recipe.js';
import { runRecipes } from './outputs/run.js';
import { checkTarget, existingIn, publish, sizes } from './outputs/write.js';
import { articleFolder } from './paths.js';
import type { Claim } from './render/audit.js';
import type { DrawingWorker } from './worker/client.js';

export interface BuildOptions extends ComposeOptions {
  outFolder?: string;
}

export interface BuildResult {
  written: WrittenFile[];
  /** Where the outputs were published. */
  outFolder: string;
  reconciliation: Reconciliation;
  articles: string[];
  claims: Claim[];
  warnings: Problem[];
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
  // The articles not rebuilt keep the outputs they have.
  const kept = await existingIn(
    target,
    edition.config.articles.filter((a) => !rebuilt.includes(a)).map((a) => articleFolder(a.slug)),
  );
  const editionBuild = editionBuildOf(composed, (slug) => kept.includes(articleFolder(slug)));
  const files = await runRecipes(composed.builds, editionBuild, tools);
  await tools.log.stage(stages.writeOutputs, () => publish(files, target, kept));
  return {
    written: await sizes(target, files),
    outFolder: target,
    reconciliation: ingested.reconciliation,
    articles: rebuilt.map((a) => a.slug),
    claims: composed.claims,
    warnings: composed.warnings,
  };
}

/** output/<edition folder's name>, refusing a name that could lead anywhere else. */
export function defaultOutFolder(editionFolder: string): string {
  const name = path.basename(path.resolve(editionFolder));
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new UsageError(usage.editionWithoutName(editionFolder));
  }
  return path.join('output', name);
}
