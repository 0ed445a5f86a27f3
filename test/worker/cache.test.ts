import { readdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownSource, packageVersion } from '../../src/source-identity.js';
import {
  browserIdentity,
  type CacheKind,
  cacheKey,
  defaultCacheFolder,
  diskCache,
  madeWith,
  NO_CACHE,
  trim,
} from '../../src/worker/cache.js';
import { scratch } from '../helpers/scratch.js';

describe('the cache of drawings', () => {
  it('keeps bytes under a key, for a later build to read; an unknown key is a miss', async () => {
    const folder = path.join(scratch('cache'), 'enquete');
    const cache = diskCache(folder);
    cache.put('png-a', new Uint8Array([1, 2, 3]));
    cache.put('svg-b', '["<svg/>"]');
    await cache.settled();
    const later = diskCache(folder);
    expect([...((await later.get('png-a')) ?? [])]).toEqual([1, 2, 3]);
    expect(Buffer.from((await later.get('svg-b')) ?? []).toString()).toBe('["<svg/>"]');
    expect(await later.get('png-c')).toBeUndefined();
    // Written whole, then renamed: no part is left behind.
    expect((await readdir(folder)).sort()).toEqual(['png-a', 'svg-b']);
  });

  it('keys a drawing by its kind and everything it is made from', () => {
    const job = { spec: { mark: 'bar', data: { values: [{ x: 1 }] } }, widths: [330, 480] };
    expect(cacheKey('svg', job)).toBe(cacheKey('svg', structuredClone(job)));
    expect(cacheKey('svg', { ...job, widths: [330] })).not.toBe(cacheKey('svg', job));
    expect(cacheKey('png', ['<svg/>', 1104])).not.toBe(cacheKey('png', ['<svg/>', 1200]));
    expect(cacheKey('png', job)).not.toBe(cacheKey('svg', job));
    expect(cacheKey('xlsx', job)).not.toBe(cacheKey('svg', job));
    // A file name on every system.
    expect(cacheKey('png', job)).toMatch(/^png-[A-Za-z0-9_-]+$/);
  });

  it('counts what draws in the key: our drawing modules and what they import, and the libraries', () => {
    const source = ownSource([new URL('../../src/charts/png.ts', import.meta.url)]);
    // png.ts, and the modules of ours it loads: the fonts it is given, the chart font's name.
    expect(source).toContain('export function renderPng');
    expect(source).toContain('export function trueTypePaths');
    expect(source).toContain('export const CHART_FONT');
    // What makes each kind is its own: a new fflate keeps the drawings.
    expect(new Set(['svg', 'png', 'xlsx', 'pdf'].map((k) => madeWith(k as CacheKind))).size).toBe(
      4,
    );
    // Node's zlib deflates the indexed PNGs, the workbook's parts and the finished PDFs' pages: its
    // version is in their keys.
    for (const kind of ['png', 'xlsx', 'pdf'] as const)
      expect(madeWith(kind)).toContain(`zlib ${process.versions.zlib}`);
    expect(madeWith('svg')).not.toContain('zlib');
    // vega exports no package.json: its version is read above its entry point.
    expect(packageVersion('vega')).toMatch(/^\d+\.\d+\.\d+/);
    expect(packageVersion('@resvg/resvg-js')).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('knows the browser that prints by its file: another file, or the same upgraded, is another browser', async () => {
    const folder = scratch('browser');
    const file = path.join(folder, 'chromium');
    await writeFile(file, 'version 1');
    const identity = () => browserIdentity(async () => file);
    const before = await identity();
    expect(await identity()).toBe(before);
    await writeFile(file, 'version 2, longer');
    expect(await identity()).not.toBe(before);
    expect(await browserIdentity(async () => null)).toBe('none');
  });

  it('keeps under its size: the entries used longest ago go first, and parts left by a killed build', async () => {
    const folder = scratch('trim');
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    for (const [name, minutes] of [
      ['old', 30],
      ['recent', 10],
      ['new', 0],
      ['x.part', 120],
    ] as const) {
      await writeFile(path.join(folder, name), Buffer.alloc(100));
      await utimes(path.join(folder, name), at(minutes), at(minutes));
    }
    await trim(folder, 250);
    expect((await readdir(folder)).sort()).toEqual(['new', 'recent']);
  });

  it('marks an entry used when it is read, so that what builds use stays', async () => {
    const folder = scratch('used');
    await writeFile(path.join(folder, 'png-a'), 'a');
    const long = new Date(Date.now() - 86_400_000);
    await utimes(path.join(folder, 'png-a'), long, long);
    await diskCache(folder).get('png-a');
    await expect
      .poll(async () => (await stat(path.join(folder, 'png-a'))).mtimeMs)
      .toBeGreaterThan(long.getTime() + 1000);
  });

  it('reads and writes nothing without a cache (--no-cache), and nothing breaks where it cannot write', async () => {
    NO_CACHE.put('png-a', 'a');
    await NO_CACHE.settled();
    expect(await NO_CACHE.get('png-a')).toBeUndefined();
    const file = path.join(scratch('blocked'), 'file');
    await writeFile(file, '');
    // A folder that cannot be made (a file is in the way): drawn again, never an error.
    const blocked = diskCache(path.join(file, 'cache'));
    blocked.put('png-a', 'a');
    await blocked.settled();
    expect(await blocked.get('png-a')).toBeUndefined();
  });

  it('lives in node_modules/.cache/enquete, or where ENQUETE_CACHE says', () => {
    expect(defaultCacheFolder({})).toMatch(/node_modules[/\\]\.cache[/\\]enquete$/);
    expect(defaultCacheFolder({ ENQUETE_CACHE: '/tmp/x' })).toBe('/tmp/x');
  });
});
