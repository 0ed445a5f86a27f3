/**
 * The archive: one page in the folder above the editions' output folders
 * (output/index.html by default) listing every edition built there, so a
 * publisher's site has one entry point. Each build leaves in its output
 * folder what the page says of its edition (edition.json); the page is made
 * again by every build, from those of the other folders and its own.
 *
 * The folder above is not the build's: a page there that enquete did not
 * write (a site's own home page) is never replaced.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_PAGE, outputPath } from '../paths.js';
import { OUTPUT_MARKER } from './write.js';

/** What the archive page lists of one edition: written by its build (recipes/archive.ts), read back here. */
export interface ArchiveEntry {
  id: string;
  year: string;
  survey: string;
  fieldPeriod: { start: string; end: string };
  /** Respondents kept. */
  respondents: number;
  articles: {
    slug: string;
    title: string;
    dek: string;
    author: string;
    date: string;
    /** Its outputs are in the edition's folder. */
    published: boolean;
  }[];
}

/** What a build's archive page lists: its own edition's folder, and the other editions beside it. */
export interface Archive {
  /** The name of this build's output folder. */
  folder: string;
  others: { folder: string; entry: ArchiveEntry }[];
}

/** In the archive page's head: the page is enquete's, and a later build may replace it. */
export const ARCHIVE_GENERATOR = 'enquete (archive)';

/**
 * The editions built beside `target` (its own left out: the build says it),
 * or null when the folder above holds an index.html enquete did not write.
 */
export async function readArchive(target: string): Promise<Archive | null> {
  const parent = path.dirname(path.resolve(target));
  const page = await readFile(path.join(parent, ARCHIVE_PAGE), 'utf8').catch(() => null);
  if (page !== null && !page.includes(`content="${ARCHIVE_GENERATOR}"`)) return null;
  const names = await readdir(parent, { withFileTypes: true }).catch(() => []);
  const own = path.basename(path.resolve(target));
  const listed = await Promise.all(
    names
      // A build's staging folder or the outputs it moved aside are not editions.
      .filter((d) => d.isDirectory() && d.name !== own && !/\.(partial|previous)-\d+$/.test(d.name))
      .map(async (d) => ({ folder: d.name, entry: await entryIn(path.join(parent, d.name)) })),
  );
  const others = listed.flatMap((l) => (l.entry ? [{ folder: l.folder, entry: l.entry }] : []));
  return { folder: own, others };
}

/** The entry a build left in `folder`, if a build made the folder and the entry reads. */
async function entryIn(folder: string): Promise<ArchiveEntry | null> {
  const read = (name: string) => readFile(path.join(folder, name), 'utf8').catch(() => null);
  if ((await read(OUTPUT_MARKER)) === null) return null;
  const text = await read(outputPath({ edition: 'archive-entry' }));
  if (text === null) return null;
  try {
    const entry = JSON.parse(text) as ArchiveEntry;
    return typeof entry.id === 'string' && Array.isArray(entry.articles) ? entry : null;
  } catch {
    return null;
  }
}
