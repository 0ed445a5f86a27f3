/** The guard that keeps the suite from littering: a test that leaves a folder fails the run. */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { scratch } from './scratch.js';

it('fails a run whose tests leave something in the temporary folder, and still removes it', async () => {
  const temp = scratch('guard');
  const run = await promisify(execFile)(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/hygiene/vitest.config.ts'],
    { env: { ...process.env, TMPDIR: temp } },
  ).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/The tests left 1 item\(s\) in the temporary folder: forgotten-/);
  expect(readdirSync(temp)).toEqual([]);
});
