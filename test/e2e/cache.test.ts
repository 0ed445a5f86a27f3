/**
 * The cache (worker/cache.ts) with the real command: --no-cache
 * neither reads nor writes it; a build that finds everything in it makes
 * the same bytes as one that draws and prints everything; a rebuild after a
 * text edit draws nothing new and prints only the article edited. A cache
 * folder of the test's own (ENQUETE_CACHE).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { BASE_URL } from '../helpers/build.js';
import { enquete } from '../helpers/cli.js';
import { copyEdition, edit } from '../helpers/edition-copy.js';
import { scratch } from '../helpers/scratch.js';

const ARTICLE = 'radiologues';

it('draws everything without the cache, the same bytes with it, and after a text edit prints only the article', async () => {
  const { edition, root } = await copyEdition();
  const cache = path.join(scratch('cache'), 'enquete');
  const build = async (name: string, ...more: string[]) => {
    const out = path.join(root, name);
    const args = ['build', edition, '--article', ARTICLE, '--base-url', BASE_URL, '--out', out];
    const r = await enquete([...args, ...more], { ENQUETE_CACHE: cache });
    expect(r.code, r.stderr).toBe(0);
    return path.join(out, ARTICLE);
  };

  const drawn = await build('none', '--no-cache');
  expect(existsSync(cache)).toBe(false);

  const kept = await build('cold');
  const entries = await readdir(cache);
  // The article's charts and the tables' (SVG), its cards and its e-mail's charts (PNG), the workbook.
  expect(entries.filter((e) => e.startsWith('svg-')).length).toBeGreaterThan(4);
  expect(entries.filter((e) => e.startsWith('xlsx-')).length).toBe(1);
  // The article's PDF and the tables'.
  expect(entries.filter((e) => e.startsWith('pdf-')).length).toBe(2);
  expect(entries.filter((e) => e.startsWith('png-')).length).toBe(
    (await readdir(path.join(kept, 'cards'))).length +
      (await readdir(path.join(kept, 'charts'))).length,
  );

  const before = await times(cache);
  const read = await build('warm');
  expect(await readdir(cache)).toEqual(entries);
  // Every entry was read (reading marks it used).
  for (const [entry, time] of before) expect((await times(cache)).get(entry)).toBeGreaterThan(time);

  expect(await snapshot(kept)).toEqual(await snapshot(drawn));
  expect(await snapshot(read)).toEqual(await snapshot(drawn));

  await edit(path.join(edition, 'articles', `${ARTICLE}.md`), (text) =>
    text.replace('Voici ce qu', 'Voilà ce qu'),
  );
  const edited = await build('edited');
  expect(await readFile(path.join(edited, 'enquete.html'), 'utf8')).toContain('Voilà ce qu');
  // Only the edited article printed again: its new PDF is the one entry more.
  const now = await readdir(cache);
  const added = now.filter((e) => !entries.includes(e));
  expect(added.map((e) => e.slice(0, e.indexOf('-')))).toEqual(['pdf']);
  expect(now.filter((e) => !added.includes(e))).toEqual(entries);
});

/** When each entry was last used. */
async function times(folder: string): Promise<Map<string, number>> {
  const names = await readdir(folder);
  return new Map(
    await Promise.all(
      names.map(async (n) => [n, (await stat(path.join(folder, n))).mtimeMs] as const),
    ),
  );
}

/** Every file of the article's folder and its bytes' hash. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files = ((await readdir(folder, { recursive: true })) as string[]).sort();
  const out: Record<string, string> = {};
  for (const f of files) {
    const full = path.join(folder, f);
    if (!(await stat(full)).isFile()) continue;
    out[f] = createHash('sha256')
      .update(await readFile(full))
      .digest('hex');
  }
  return out;
}
