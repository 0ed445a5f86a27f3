/**
 * Configs already checked, kept in the cache folder by their text: running
 * `enquete figures` again on an unchanged edition.yaml reads the checked
 * config back instead of loading the YAML and schema libraries and checking
 * it again (together about a quarter of a second, most of a small edition's
 * run). The key is the hash of the config's text and of what checks it: the
 * schema library's and the YAML library's versions, Node's, and the source of
 * our modules that check it and of the chart kinds' (whose options the schema
 * holds). Change any of them and the key changes: an entry is never stale.
 *
 * Only a config that passed every check is kept, so every problem is still
 * found and said by the checks themselves. An entry is written to a
 * temporary name and renamed; a cache that cannot be read or written only
 * means checking again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { identityOf } from '../source-identity.js';
import type { EditionConfig } from './schema.js';

/** Where checked configs are kept, and the chart kinds they were checked against. */
export interface CheckedConfigs {
  /** The cache folder (the drawings' and prints': worker/cache.ts). */
  folder: string;
  /** The module listing the chart kinds (charts/kinds/index.js): its source is in the key. */
  kinds: URL;
}

const CHECKER = new URL('./parse-config.js', import.meta.url);

/** The config checked before from this text, or undefined. */
export function checkedBefore(text: string, cache: CheckedConfigs): EditionConfig | undefined {
  const file = entry(text, cache);
  let config: EditionConfig;
  try {
    config = deserialize(readFileSync(file)) as EditionConfig;
  } catch {
    return undefined;
  }
  try {
    // Its time says it was used: the cache's trimming removes the entries used longest ago.
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // A folder that cannot be written (read-only) still gives what it holds.
  }
  return config;
}

/** Keeps a config that passed every check, for the next run on the same text. */
export function keepChecked(text: string, cache: CheckedConfigs, config: EditionConfig): void {
  const file = entry(text, cache);
  const part = `${file}.${process.pid}.part`;
  try {
    mkdirSync(cache.folder, { recursive: true });
    writeFileSync(part, serialize(config));
    renameSync(part, file);
  } catch {
    rmSync(part, { force: true });
  }
}

function entry(text: string, cache: CheckedConfigs): string {
  const key = createHash('sha256')
    .update(checkedWith(cache.kinds))
    .update(text)
    .digest('base64url');
  return path.join(cache.folder, `config-${key}`);
}

/** What checks a config: the libraries' versions, Node's, and our modules' source. */
function checkedWith(kinds: URL): string {
  return `${identityOf(['zod', 'yaml'], [CHECKER, kinds])}\0`;
}
