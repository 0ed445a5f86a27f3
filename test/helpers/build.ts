/**
 * Real builds of the 2024 edition for the end-to-end tests.
 *
 * `sharedBuild` is the one full build (both articles, with a base URL) that
 * every end-to-end file reads: made by the first file that asks, in the
 * suite's shared folder (helpers/suite-temp.ts), the other files (in other
 * workers too) waiting for it. It is read-only: a test that changes outputs
 * copies them to a scratch folder first.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { enquete } from './cli.js';

export const BASE_URL = 'https://www.example.org/enquetes/ia-2024/';

/** The article the end-to-end tests read. */
export const ARTICLE = 'manipulateurs_cadres';

const BUILD_ARGS = ['build', 'data/2024', '--base-url', BASE_URL];

/** The shared build: its edition folder (output/2024's equivalent) and what the command said. */
export async function sharedBuild(): Promise<{ edition: string; stderr: string }> {
  const shared = process.env.ENQUETE_TEST_SHARED;
  if (!shared)
    throw new Error('ENQUETE_TEST_SHARED is unset: run the tests through vitest.config.ts');
  const edition = path.join(shared, '2024');
  const said = path.join(shared, 'build-2024.stderr');
  const failed = path.join(shared, 'build-2024.failed');
  try {
    mkdirSync(path.join(shared, 'build-2024.claimed'));
  } catch {
    // Another file is building it: wait for its word.
    while (!existsSync(said) && !existsSync(failed)) await sleep(100);
    if (existsSync(failed)) throw new Error(await readFile(failed, 'utf8'));
    return { edition, stderr: await readFile(said, 'utf8') };
  }
  const { code, stderr } = await enquete([...BUILD_ARGS, '--out', edition]);
  // Each word written whole before it appears under its name: the waiting files read it at once.
  const say = async (file: string, text: string) => {
    await writeFile(`${file}.part`, text);
    await rename(`${file}.part`, file);
  };
  if (code !== 0) {
    await say(failed, `the shared build failed (${code}):\n${stderr}`);
    throw new Error(`the shared build failed (${code}):\n${stderr}`);
  }
  await say(said, stderr);
  return { edition, stderr };
}

/** The article the end-to-end tests read, in the shared build. */
export async function sharedArticle(): Promise<string> {
  return path.join((await sharedBuild()).edition, ARTICLE);
}
