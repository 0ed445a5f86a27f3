/**
 * `enquete build`: the whole build, one call per stage. The analysis runs
 * once and one Chromium prints, whatever the number of articles:
 *
 *   edition.yaml, responses.csv ─► composeArticles (compose/): analysis, audit, charts drawn
 *                                   ─► runRecipes (outputs/run.ts): every output of every article
 *                                   ─► publish: staging folder swapped in for output/<edition>/,
 *                                      and the archive page of every edition beside it (output/index.html)
 *
 * The edition's own outputs (data files, index, the survey's tables, their
 * print and workbook) need no article chart: they start once the texts are
 * read through, while the articles' charts are drawn.
 *
 * Nothing reaches the output folder unless every recipe succeeded; with
 * --article the other articles' folders are carried over untouched.
 */
import path from 'node:path';
import { type Audited, type Composed, composeArticles, editionBuildOf } from './compose/compose.js';
import type { ComposeOptions } from './compose/options.js';
import type { Problem } from './errors.js';
import { UsageError } from './errors.js';
import type { Reconciliation } from './ingest/types.js';
import type { WrittenFile } from './log.js';
import { cli, stages, usage } from './messages/index.js';
import { readArchive } from './outputs/archive.js';
import type { EditionBuild, Tools } from './outputs/recipe.js';
import { runRecipes, startEditionRecipes } from './outputs/run.js';
import { checkTarget, existingIn, type OutputFile, publish, sizes } from './outputs/write.js';
import { ARCHIVE_PAGE, articleFolder } from './paths.js';
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
  let edition: Promise<EditionOutputs> | undefined;
  let composed: Composed;
  try {
    composed = await composeArticles(options, tools.worker, tools.log, {
      inputRead: () => tools.chromium.warmUp(),
      audited: (audited) => {
        edition = startEdition(audited, target, tools);
        // Told when awaited, after the drawings.
        edition.catch(() => {});
      },
    });
  } catch (e) {
    // What was started ends first, so that no print is left running behind the error.
    await edition?.then(
      (started) => Promise.allSettled(started.files),
      () => {},
    );
    throw e;
  }
  const { build, kept, files: editionStarted } = await (edition as Promise<EditionOutputs>);
  const files = await runRecipes(composed.builds, build, tools, { editionStarted });
  // Every page printed: the browser is stopped (its profile removed) while the outputs are written.
  const closing = tools.chromium.close();
  await tools.log.stage(stages.writeOutputs, () => publish(files, target, kept));
  await closing;
  return {
    written: await sizes(target, files),
    outFolder: target,
    reconciliation: composed.analysed.ingested.reconciliation,
    articles: composed.articles.map((a) => a.slug),
    claims: composed.claims,
    warnings: composed.warnings,
  };
}

interface EditionOutputs {
  build: EditionBuild;
  /** The folders of the articles not rebuilt, which keep the outputs they have. */
  kept: string[];
  files: Promise<OutputFile[]>[];
}

/** The edition's recipes started, on what the audit knows. */
async function startEdition(
  audited: Audited,
  target: string,
  tools: Tools,
): Promise<EditionOutputs> {
  const { config } = audited.analysed.edition;
  const kept = await existingIn(
    target,
    config.articles.filter((a) => !audited.articles.includes(a)).map((a) => articleFolder(a.slug)),
  );
  const archive = await readArchive(target);
  if (!archive) tools.log.info(cli.archiveNotOurs(path.join(path.dirname(target), ARCHIVE_PAGE)));
  const build = {
    ...editionBuildOf(audited, (slug) => kept.includes(articleFolder(slug))),
    ...(archive && { archive }),
  };
  return { build, kept, files: startEditionRecipes(build, tools) };
}

/** output/<edition folder's name>, refusing a name that could lead anywhere else. */
export function defaultOutFolder(editionFolder: string): string {
  const name = path.basename(path.resolve(editionFolder));
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new UsageError(usage.editionWithoutName(editionFolder));
  }
  return path.join('output', name);
}
