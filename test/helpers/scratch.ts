/**
 * Temporary folders for tests. Each is removed after the tests of the file
 * that made it (test/helpers/setup.ts), so no test has to remember to; the
 * suite itself runs in a temporary folder of its own that must be empty at
 * the end (test/helpers/suite-temp.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/**
 * A new empty folder, `enquete-<purpose>-XXXXXX`, removed after this file's
 * tests; in the suite's temporary folder, or under `root` (a short path, for
 * a command whose browser must make its profile inside: see chromium.ts).
 */
export function scratch(purpose: string, root = tmpdir()): string {
  const folder = mkdtempSync(path.join(root, `enquete-${purpose}-`));
  made.push(folder);
  return folder;
}

/** Remove every folder this file made (called once, after its tests). */
export function removeScratch(): void {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}
