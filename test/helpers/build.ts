/** One real build of the 2024 edition, shared by the end-to-end tests of a file. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enquete } from './cli.js';

export const BASE_URL = 'https://www.example.org/enquetes/ia-2024/';

/** The article the end-to-end tests read. */
export const ARTICLE = 'manipulateurs_cadres';

/** Builds that article alone and returns its folder (the edition's files are in its parent). */
export async function buildOnce(extra: string[] = []): Promise<string> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'enquete-e2e-')), '2024');
  const { code, stderr } = await enquete([
    'build',
    'data/2024',
    '--out',
    out,
    '--base-url',
    BASE_URL,
    '--article',
    ARTICLE,
    ...extra,
  ]);
  if (code !== 0) throw new Error(`build failed (${code}):\n${stderr}`);
  return path.join(out, ARTICLE);
}
