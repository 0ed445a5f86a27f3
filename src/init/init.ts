/**
 * `enquete init <new-folder> --from <previous-edition> --responses <export>`:
 * a new year's edition from last year's, its codebook matched to the new
 * export. Reads, plans (plan.ts), writes the folder in one move, then checks
 * that the new edition reads and writes the report.
 *
 *   previous edition.yaml ─┐
 *   new export ─► profile ─┴► planInit ─► applyPlan ─► new folder ─► check ─► init-report.md
 */
import { cp, mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type QuestionChanges, questionChanges } from '../analysis/comparability.js';
import { CONFIG_FILE, loadEdition } from '../edition/load.js';
import { parseEditionConfig } from '../edition/parse-config.js';
import type { ChartKindRule, EditionConfig } from '../edition/schema.js';
import { InputError, type Problem, UsageError } from '../errors.js';
import { ingestEdition } from '../ingest/ingest.js';
import type { Log } from '../log.js';
import { init as say, stages, tasks, usage } from '../messages/index.js';
import { applyPlan, noteComparability } from './apply.js';
import { linesUsing, type UsedLine } from './article-lines.js';
import { renameInTemplateComments } from './comments.js';
import { type InitPlan, planInit } from './plan.js';
import { profileExport } from './profile.js';
import { type ReportDocument, reportDocument, reportMarkdown } from './report.js';

export const REPORT_FILE = 'init-report.md';

export interface InitOptions {
  folder: string;
  from: string;
  responses: string;
}

export interface InitResult {
  /** The report as init-report.md holds it. */
  report: string;
  /** The same report before it is written, for the terminal (terminal-report.ts). */
  document: ReportDocument;
  /** The new edition does not read yet: the report says why. */
  problems: Problem[];
}

export async function initEdition(
  options: InitOptions,
  kinds: readonly ChartKindRule[],
  log: Log,
): Promise<InitResult> {
  await refuseFilledFolder(options.folder);
  const previous = await log.stage(stages.readPrevious, () => loadEdition(options.from, kinds));
  const profile = await log.stage(stages.readNewExport, async () => {
    try {
      const { edition, source } = previous.config;
      return await profileExport(options.responses, edition.timezone, source.sheet);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      throw new InputError(tasks.readNewExport, [{ file: options.responses, ...say.noExport() }]);
    }
  });
  const plan = planInit(
    previous.config,
    profile,
    { previous: path.resolve(options.from), next: path.resolve(options.folder) },
    kinds,
  );
  const planned = withSchemaPath(
    applyPlan(previous.configText, previous.config, plan),
    options.from,
    options.folder,
  );
  // What no longer reads as last year, by the same comparison the build makes (when the new config reads).
  const changes = changesSince(planned, previous.config, kinds);
  const configText = noteComparability(planned, previous.config.edition.id, changes);

  await log.stage(stages.writeNewEdition, () =>
    writeFolder(options, previous.config, plan, configText),
  );

  const lines = await linesToRewrite(options, previous.config, plan, configText);
  const { problems, kept } = await readsAsIs(options.folder, kinds);
  const document = reportDocument({
    newFolder: options.folder,
    previousFolder: options.from,
    exportFile: options.responses,
    plan,
    lines,
    problems,
    ...(kept === undefined ? {} : { kept }),
    changes,
  });
  const report = reportMarkdown(document);
  await writeFile(path.join(options.folder, REPORT_FILE), report);
  return { report, document, problems };
}

/** The lines of the new config and of the articles that use what was dropped. */
async function linesToRewrite(
  options: InitOptions,
  previous: EditionConfig,
  plan: InitPlan,
  configText: string,
): Promise<UsedLine[]> {
  const gone = {
    questions: new Set(plan.dropped.map((q) => q.id)),
    segments: new Set(plan.droppedSegments.map((d) => d.segment.id)),
    charts: new Set(plan.droppedCharts.map((d) => d.chart)),
  };
  const lines = [...linesUsing(path.join(options.folder, CONFIG_FILE), configText, gone)];
  for (const a of previous.articles) {
    const file = path.join(options.folder, a.body);
    lines.push(...linesUsing(file, await readFile(file, 'utf8').catch(() => ''), gone));
  }
  return lines;
}

/** Whether the new edition reads as it stands: the rows it keeps, or what stops it. */
async function readsAsIs(
  folder: string,
  kinds: readonly ChartKindRule[],
): Promise<{ problems: Problem[]; kept?: number }> {
  try {
    const edition = await loadEdition(folder, kinds);
    return { problems: [], kept: (await ingestEdition(edition)).reconciliation.kept };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { problems: [...e.problems] };
  }
}

function changesSince(
  text: string,
  previous: EditionConfig,
  kinds: readonly ChartKindRule[],
): QuestionChanges[] {
  try {
    return questionChanges(parseEditionConfig(text, CONFIG_FILE, kinds), previous);
  } catch (e) {
    if (e instanceof InputError) return []; // the report says why the new config does not read
    throw e;
  }
}

/** Nothing there, or an empty folder: anything else (a file too) is the editor's, and stays. */
async function refuseFilledFolder(folder: string): Promise<void> {
  const entries = await readdir(folder).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' ? null : [folder],
  );
  if (entries && entries.length > 0) {
    throw new UsageError(usage.folderNotEmpty(folder));
  }
}

/**
 * Last year's folder copied (article texts, and anything else the editors
 * keep there) but its export and its init report, the articles' comments
 * naming this year, the new export copied in as responses.csv (a workbook as
 * responses.xlsx) and the new config written; all in a staging folder moved
 * into place at the end, so a failure leaves nothing behind.
 */
async function writeFolder(
  options: InitOptions,
  previous: EditionConfig,
  plan: InitPlan,
  configText: string,
) {
  const id = plan.edition.id.to;
  const oldExport = previous.source.file;
  const target = path.resolve(options.folder);
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.init-${process.pid}`);
  await mkdir(path.dirname(target), { recursive: true });
  await rm(staging, { recursive: true, force: true });
  try {
    const from = path.resolve(options.from);
    const skip = new Set([oldExport, REPORT_FILE, CONFIG_FILE].map((f) => path.join(from, f)));
    await cp(from, staging, { recursive: true, filter: (src) => !skip.has(src) });
    for (const { body } of previous.articles) {
      const file = path.join(staging, body);
      if (path.relative(staging, file).startsWith('..')) continue; // not copied: not ours to change
      const text = await readFile(file, 'utf8').catch(() => null);
      const renamed = text && renameInTemplateComments(text, previous.edition.id, id);
      if (renamed && renamed !== text) await writeFile(file, renamed);
    }
    await cp(options.responses, path.join(staging, plan.source.file));
    await writeFile(path.join(staging, CONFIG_FILE), configText);
    // Only an empty folder gives way (refuseFilledFolder): one filled since is never removed.
    await rmdir(target).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return;
      throw ['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(e.code ?? '')
        ? new UsageError(usage.folderNotEmpty(options.folder))
        : e;
    });
    await rename(staging, target);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

/** The `$schema` comment points at the project's schema from the new folder too. */
function withSchemaPath(text: string, from: string, to: string): string {
  return text.replace(/(\$schema=)(\S+)/, (_, key: string, rel: string) => {
    const schema = path.resolve(from, rel);
    return key + path.relative(path.resolve(to), schema).split(path.sep).join('/');
  });
}
