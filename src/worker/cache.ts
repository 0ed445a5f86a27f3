/**
 * What builds made, kept on disk for the next: chart SVGs, PNGs, the
 * survey's workbook and the printed PDFs (and, from `enquete figures`, the
 * configs it checked: edition/checked-config.ts), each by the hash of everything it
 * is made from. That is the job (a chart's spec and widths, an SVG and its
 * width in pixels, the tables, a page and how it is printed) and what makes
 * it: the versions of vega, vega-lite, resvg, the font packages, fflate or
 * puppeteer-core, the browser's file, and the source of our own modules that make
 * it (charts/render, charts/png, outputs/workbook, outputs/pdf and
 * outputs/browser, and every module of ours they load). Change any of them
 * and the key changes: an entry is never stale, only unused. So a rebuild
 * after a text edit draws nothing that did not change and prints only the
 * article edited, and a cold build (an empty folder, or `--no-cache`) makes
 * exactly the same bytes: a page prints the same bytes whatever the timing
 * (outputs/chromium.ts prints one page at a time for that).
 *
 * Where: `node_modules/.cache/enquete/` in enquête's own folder, the place
 * npm tools keep caches (find-cache-dir's convention). It lives with the
 * dependencies the drawings were made with (`npm ci` replaces both), git
 * ignores it, it is never among the outputs an editor publishes (a folder
 * beside `output/<edition>` could be uploaded with it), and every edition
 * and `--out` folder shares it, which content keys make safe.
 *
 * An entry is written to a temporary name and renamed, so a reader (another
 * build at the same time) sees it whole or not at all. The folder is kept
 * under CACHE_MOST bytes: past that, the entries used longest ago go.
 * Reading or writing failing (a read-only folder) only means drawing again.
 */
import { createHash } from 'node:crypto';
import {
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../outputs/browser.js';
import { identityOf } from '../source-identity.js';

/** Enough for a few dozen editions' drawings (one 2024 build keeps about 4 MB). */
export const CACHE_MOST = 256 * 1024 * 1024;

/** The cache folder: ENQUETE_CACHE if set (the tests' own), else node_modules/.cache/enquete in enquête's folder. */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.ENQUETE_CACHE ||
    fileURLToPath(new URL('../../node_modules/.cache/enquete', import.meta.url))
  );
}

export interface DrawingCache {
  /** The bytes kept under `key`, or undefined (never kept, or unreadable). */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Keep `bytes` under `key`; written in the background (`settled` waits for it). */
  put(key: string, bytes: Uint8Array | string): void;
  /** Once every write started is over, and the folder trimmed to its size. */
  settled(): Promise<void>;
}

/** No cache: nothing read, nothing written (`enquete build --no-cache`). */
export const NO_CACHE: DrawingCache = {
  get: async () => undefined,
  put: () => {},
  settled: async () => {},
};

export function diskCache(folder: string, most = CACHE_MOST): DrawingCache {
  const writes = new Set<Promise<void>>();
  const track = (write: Promise<void>) => {
    writes.add(write);
    void write.finally(() => writes.delete(write));
  };
  let wrote = 0;
  const made = mkdir(folder, { recursive: true }).then(
    () => true,
    () => false,
  );
  return {
    async get(key) {
      const file = path.join(folder, key);
      try {
        const bytes = await readFile(file);
        // Its time says it was used: the trimming removes the entries used longest ago.
        const now = new Date();
        track(utimes(file, now, now).catch(() => {}));
        return bytes;
      } catch {
        return undefined;
      }
    },
    put(key, bytes) {
      const n = ++wrote;
      const write = made.then(async (ok) => {
        if (!ok) return;
        const file = path.join(folder, key);
        const part = `${file}.${process.pid}.${n}.part`;
        try {
          await writeFile(part, bytes);
          await rename(part, file);
        } catch {
          await rm(part, { force: true }).catch(() => {});
        }
      });
      track(write);
    },
    async settled() {
      while (writes.size > 0) await Promise.all(writes);
      if (wrote > 0) await trim(folder, most).catch(() => {});
    },
  };
}

/** The folder under `most` bytes: the entries used longest ago removed first; parts left by a killed build too. */
export async function trim(folder: string, most: number): Promise<void> {
  const names = await readdir(folder);
  const entries = await Promise.all(
    names.map(async (name) => {
      const file = path.join(folder, name);
      const s = await stat(file).catch(() => undefined);
      return { file, name, bytes: s?.size ?? 0, used: s?.mtimeMs ?? 0 };
    }),
  );
  const hourAgo = Date.now() - 3_600_000;
  const stale = entries.filter((e) => e.name.endsWith('.part') && e.used < hourAgo);
  let total = entries.reduce((sum, e) => sum + e.bytes, 0) - stale.reduce((s, e) => s + e.bytes, 0);
  const oldest = entries.filter((e) => !e.name.endsWith('.part')).sort((a, b) => a.used - b.used);
  const gone = [...stale];
  for (const e of oldest) {
    if (total <= most) break;
    gone.push(e);
    total -= e.bytes;
  }
  await Promise.all(gone.map((e) => rm(e.file, { force: true })));
}

/** What the cache keeps: chart drawings, PNGs, the survey's workbook, printed pages. */
export type CacheKind = 'svg' | 'png' | 'xlsx' | 'pdf';

/** The name an entry is kept under: its kind, then the hash of what it is made from and what makes it. */
export function cacheKey(kind: CacheKind, from: unknown): string {
  return `${kind}-${createHash('sha256')
    .update(madeWith(kind))
    .update(JSON.stringify(from))
    .digest('base64url')}`;
}

/** The fonts drawings are measured and drawn with. */
const FONTS = ['@expo-google-fonts/source-sans-3', '@expo-google-fonts/source-serif-4'];

/**
 * What makes each kind: our modules (and every module of ours they import),
 * libraries, and Node's zlib where its deflate writes the bytes kept (the
 * indexed PNGs, the workbook's parts, the finished PDFs' page content):
 * another zlib may write other bytes for the same pixels, tables and pages.
 */
const MAKERS: Record<CacheKind, { modules: URL[]; packages: string[]; zlib?: true }> = {
  svg: {
    modules: [new URL('../charts/render.js', import.meta.url)],
    packages: ['vega', 'vega-lite', ...FONTS],
  },
  // The cut-down faces resvg is mostly given are made from these font packages and draw the same
  // pixels as the full faces (test/charts/png-fonts.test.ts): which of them drew a PNG is not part
  // of the key.
  png: {
    modules: [new URL('../charts/png.js', import.meta.url)],
    packages: ['@resvg/resvg-js', ...FONTS],
    zlib: true,
  },
  xlsx: {
    modules: [new URL('../outputs/workbook.js', import.meta.url)],
    packages: ['fflate'],
    zlib: true,
  },
  // How a page is printed and finished, and with which flags (the browser itself: browserIdentity).
  pdf: {
    modules: [
      new URL('../outputs/pdf.js', import.meta.url),
      new URL('../outputs/browser.js', import.meta.url),
    ],
    packages: ['puppeteer-core'],
    zlib: true,
  },
};

/**
 * The browser that prints: its file (the one it resolves to), size and
 * time, which an upgrade changes; none when there is no browser.
 */
export async function browserIdentity(
  find: () => Promise<string | null> = findBrowser,
): Promise<string> {
  const executable = await find();
  if (!executable) return 'none';
  const file = await realpath(executable);
  const { size, mtimeMs } = await stat(file);
  return JSON.stringify([file, size, mtimeMs]);
}

/** What makes a kind: the libraries' versions and our modules' source (read once per process). */
export function madeWith(kind: CacheKind): string {
  const { modules, packages, zlib } = MAKERS[kind];
  const identity = identityOf(packages, modules);
  return zlib ? `${identity}\nzlib ${process.versions.zlib}` : identity;
}
