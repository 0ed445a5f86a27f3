/**
 * The suite's own temporary folders, made before any test starts:
 *
 *   tmp/     TMPDIR for every test, every command it runs and every browser
 *            those start; it must be empty at the end: a test that leaves a
 *            folder behind, or a command that leaves a profile or a staging
 *            folder, fails the run (exit 1) with the names of what was left;
 *   shared/  what test files share within the run (the 2024 build that the
 *            end-to-end tests read: helpers/build.ts).
 *
 * Both are removed at the end either way, so a run leaves the machine as it was.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function suiteTemp(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'enquete-suite-'));
  const temp = path.join(root, 'tmp');
  const shared = path.join(root, 'shared');
  mkdirSync(temp);
  mkdirSync(shared);
  process.env.TMPDIR = temp;
  process.env.ENQUETE_TEST_SHARED = shared;
  return () => {
    const left = readdirSync(temp);
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0) {
      process.stderr.write(
        `\nThe tests left ${left.length} item(s) in the temporary folder: ${left.join(', ')}\n`,
      );
      // A global teardown's error is only logged: the exit code is what CI reads.
      process.exitCode = 1;
    }
  };
}
