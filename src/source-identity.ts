/**
 * What a result is made with, for keys that change when it does: a
 * package's version, and the source of our own modules (with every module
 * of ours they import). Used by the caches (worker/cache.ts for drawings
 * and prints, edition/checked-config.ts for checked configs).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const identities = new Map<string, string>();

/**
 * A hash of what makes a result: these packages' versions, the source of
 * these modules of ours (and of every module of ours they import), and
 * Node's version. Worked out once per process for each set.
 */
export function identityOf(packages: readonly string[], modules: readonly URL[]): string {
  const key = JSON.stringify([packages, modules.map((m) => m.href)]);
  let identity = identities.get(key);
  if (!identity) {
    identity = createHash('sha256')
      .update(JSON.stringify(packages.map((name) => [name, packageVersion(name)])))
      .update(process.versions.node)
      .update(ownSource([...modules]))
      .digest('base64url');
    identities.set(key, identity);
  }
  return identity;
}

const require = createRequire(import.meta.url);

/** A package's version, from its package.json (found above its entry point when it exports none). */
export function packageVersion(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (json.name === name) return String(json.version);
    } catch {
      // No package.json here: look further up.
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json for ${name}`);
    dir = up;
  }
}

/**
 * The source of these modules and of every module of ours they import, in
 * the order met. Compiled (dist/*.js) or, under the tests, TypeScript.
 */
export function ownSource(roots: URL[]): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readSource(file);
    texts.push(text);
    for (const m of text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g))
      visit(path.resolve(path.dirname(file), m[1] as string));
  };
  for (const root of roots) visit(fileURLToPath(root));
  return texts.join('\0');
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (!file.endsWith('.js')) throw e;
    return readFileSync(file.replace(/\.js$/, '.ts'), 'utf8');
  }
}
