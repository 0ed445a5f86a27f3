/**
 * An edition folder's config: read, then checked (parse-config.ts), or read
 * back as checked before when its text has not changed (checked-config.ts).
 * Config problems stop the run at once, each located at its line and column.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { config as configSays, tasks } from '../messages/index.js';
import { type CheckedConfigs, checkedBefore, keepChecked } from './checked-config.js';
import { type KeyLocator, lazyLocator } from './locate.js';
import type { ChartKindRule, EditionConfig } from './schema.js';

export type { Position } from './locate.js';

export const CONFIG_FILE = 'edition.yaml';

export interface Edition {
  /** Folder holding the config, the export and the article texts. */
  folder: string;
  configFile: string;
  /** The config's text, to locate errors in the templates it holds (chart titles, deks). */
  configText: string;
  config: EditionConfig;
  /** Where a key of the config is in its text (the document is parsed once, on the first call). */
  locate: KeyLocator;
}

/** The chart kinds the build can draw (charts/kinds/), whose configs are checked here; or how to load them when a config needs checking. */
export type ChartKindRules = readonly ChartKindRule[] | (() => Promise<readonly ChartKindRule[]>);

export async function loadEdition(
  folder: string,
  kinds: ChartKindRules,
  /** Where configs checked before are kept: an unchanged config is not checked again. */
  options: { checked?: CheckedConfigs } = {},
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
  const { checked } = options;
  const before = checked && checkedBefore(text, checked);
  if (before)
    return { folder, configFile, configText: text, config: before, locate: lazyLocator(text) };
  const [{ parseConfig }, rules] = await Promise.all([
    import('./parse-config.js'),
    typeof kinds === 'function' ? kinds() : kinds,
  ]);
  const { config, locate } = parseConfig(text, configFile, rules);
  if (checked) keepChecked(text, checked, config);
  return { folder, configFile, configText: text, config, locate };
}

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
