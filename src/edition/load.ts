/**
 * Read and check an edition folder's config: YAML syntax, then the schema,
 * then the cross-references (segments naming questions and answer codes).
 * Config problems stop the run at once, each located at its line and column.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Document, isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { config as configSays, language, tasks } from '../messages/index.js';
import { keyName, schemaProblem, yamlProblems } from './config-problems.js';
import { checkReferences } from './references.js';
import { type ChartKindRule, type EditionConfig, editionSchemaFor } from './schema.js';

export const CONFIG_FILE = 'edition.yaml';

export interface Edition {
  /** Folder holding the config, the export and the article texts. */
  folder: string;
  configFile: string;
  /** The config's text, to locate errors in the templates it holds (chart titles, deks). */
  configText: string;
  config: EditionConfig;
  /** Where a key of the config is in its text (the document is parsed once, on the first call). */
  locate(keyPath: readonly PropertyKey[]): Position;
}

/** `kinds`: the chart kinds the build can draw (charts/kinds/), whose configs are checked here. */
export async function loadEdition(
  folder: string,
  kinds: readonly ChartKindRule[],
): Promise<Edition> {
  const configFile = path.join(folder, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(configFile, 'utf8');
  } catch {
    throw new InputError(tasks.readConfig, [
      { file: configFile, ...configSays.noConfig(CONFIG_FILE, folder) },
    ]);
  }
  const { config, locate } = parseConfig(text, configFile, kinds);
  return { folder, configFile, configText: text, config, locate };
}

/** Pure: YAML text -> validated, fully defaulted config (or a located InputError). */
export function parseEditionConfig(
  text: string,
  file: string,
  kinds: readonly ChartKindRule[],
): EditionConfig {
  return parseConfig(text, file, kinds).config;
}

/** The config, and where each key is in its text (from the one parse of the document). */
function parseConfig(
  text: string,
  file: string,
  kinds: readonly ChartKindRule[],
): { config: EditionConfig; locate: (keyPath: readonly PropertyKey[]) => Position } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0)
    throw new InputError(tasks.readConfig, yamlProblems(doc.errors, text, file));
  const locate = locator(doc, lineCounter);

  const input: unknown = doc.toJS();
  const schema = editionSchemaFor(kinds);
  // Worded from the catalogue (config-problems.ts); the schema library's own words, in the
  // language of the other messages, only for a problem the catalogue has no sentence for.
  const { localeError } = language() === 'fr' ? z.locales.fr() : z.locales.en();
  const parsed = schema.safeParse(input, { error: localeError });
  if (!parsed.success) {
    const context = { file, schema, input, locate };
    throw new InputError(
      tasks.readConfig,
      parsed.error.issues.map((issue) => schemaProblem(issue, context)),
    );
  }
  // Said in the order of the file, as the editor reads it.
  const problems = checkReferences(parsed.data, kinds)
    .map((p) => ({ file, ...locate(p.path), ...p.problem }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (problems.length > 0) throw new InputError(tasks.checkConfig, problems);
  return { config: parsed.data, locate };
}

/** Where a value starts in the config's text, and the line its text ends on (a value may span lines). */
export type Position = { line?: number; column?: number; endLine?: number };

/** Where a key is in the config (or the nearest key above it that is there), for located problems. */
function locator(doc: Document, lineCounter: LineCounter) {
  return (keyPath: readonly PropertyKey[]): Position => {
    let node: unknown = doc.getIn(keyPath as unknown[], true);
    for (let n = keyPath.length; !hasRange(node) && n > 0; n--) {
      node = n - 1 === 0 ? doc.contents : doc.getIn(keyPath.slice(0, n - 1) as unknown[], true);
    }
    if (!hasRange(node)) return {};
    const { line, col } = lineCounter.linePos(node.range[0]);
    const end = lineCounter.linePos(Math.max(node.range[0], node.range[1] - 1));
    return { line, column: col, endLine: end.line };
  };
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return (
    (isMap(node) ||
      isSeq(node) ||
      (typeof node === 'object' && node !== null && 'range' in node)) &&
    Array.isArray((node as { range?: unknown }).range)
  );
}

export { keyName };

/**
 * A file the config names (an article's text, the logo), as a path under
 * the edition folder; null if the name leads outside it ("../", an absolute
 * path), which the config may not do.
 */
export function fileInEdition(editionFolder: string, name: string): string | null {
  if (path.isAbsolute(name)) return null;
  const file = path.join(editionFolder, name);
  const inside = path.relative(path.resolve(editionFolder), path.resolve(file));
  const outside = inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside);
  return outside ? null : file;
}

/** Whether a folder holds an edition config (the previous edition named by `previous:`). */
export function hasEditionConfig(folder: string): boolean {
  return existsSync(path.join(folder, CONFIG_FILE));
}
