/**
 * All writing of outputs goes through here. A build's files are written to a
 * fresh sibling folder and swapped in only once every one of them succeeded,
 * so a failed run leaves the previous outputs exactly as they were.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { access, cp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { onAbort, processAlive } from '../cleanup.js';
import { EnvironmentError, UsageError } from '../errors.js';
import type { WrittenFile } from '../log.js';
import { environment, usage } from '../messages/index.js';

/** Written into every output folder: only a folder holding it may be replaced by a build. */
export const OUTPUT_MARKER = '.enquete-output';

export interface OutputFile {
  /** Path inside the output folder, with "/" separators; "../<name>" beside it (the archive page). */
  name: string;
  content: string | Uint8Array;
}

/**
 * Write `files` as the new content of `target`, all or nothing. `keep`
 * names folders of the current target carried over as they are (the
 * articles a build with --article does not rebuild). A file beside the
 * folder ("../index.html") is written whole under another name first and
 * renamed into place once the folder is swapped in.
 */
export async function publish(
  files: readonly OutputFile[],
  target: string,
  keep: readonly string[] = [],
): Promise<void> {
  const staging = stagingName(target);
  const beside = besideFiles(files, target);
  const scratch = [staging, ...beside.map((b) => b.temp)];
  const undo = () => {
    for (const s of scratch) rmSync(s, { recursive: true, force: true });
  };
  // Told to the watch before they are made: made first, a kill -9 before the watch heard of them
  // would leave them behind until the next build's sweep.
  const forget = onAbort(undo, { remove: scratch });
  try {
    await makeStaging(target, staging);
    for (const folder of keep) {
      const from = path.join(target, folder);
      if (existsSync(from))
        await cp(from, path.join(staging, folder), { recursive: true, preserveTimestamps: true });
    }
    await writeInto(
      staging,
      files.filter((f) => !isBeside(f)),
    );
    for (const b of beside) await writeFile(b.temp, b.f.content);
    await swapIn(staging, target);
    for (const b of beside) await rename(b.temp, b.to);
  } catch (e) {
    await discard(staging);
    await Promise.all(beside.map((b) => rm(b.temp, { force: true })));
    throw e instanceof Error && 'code' in e
      ? new EnvironmentError(
          environment.writeFailed(target, e instanceof Error ? e.message : String(e)),
          { cause: e },
        )
      : e;
  } finally {
    forget();
  }
}

const isBeside = (f: OutputFile) => f.name.startsWith('../');

/** The files beside the target, each with the name it is written under first, on the same disk. */
function besideFiles(files: readonly OutputFile[], target: string) {
  return files.filter(isBeside).map((f) => {
    const to = path.join(target, f.name);
    return { f, to, temp: `${to}.partial-${process.pid}` };
  });
}

/** The staging folder next to the target, on the same disk so the swap is a rename. */
function stagingName(target: string): string {
  return `${target}.partial-${process.pid}`;
}

/** The staging folder made empty, after what dead builds left beside the target is swept. */
async function makeStaging(target: string, staging: string): Promise<void> {
  await sweepLeftovers(target);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
}

export async function writeInto(folder: string, files: readonly OutputFile[]): Promise<void> {
  await writeFile(
    path.join(folder, OUTPUT_MARKER),
    'Written by enquete build: this folder is replaced by the next build.\n',
  );
  for (const f of files) {
    const full = path.join(folder, f.name);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, f.content);
  }
}

/** Replace `target` by `staging` (both folders); the old outputs go only after the new ones are in place. */
export async function swapIn(staging: string, target: string): Promise<void> {
  const previous = `${target}.previous-${process.pid}`;
  const hadTarget = await exists(target);
  // Stopped between the two renames, the previous outputs go back where they were.
  const forget = onAbort(
    () => {
      if (hadTarget && existsSync(previous) && !existsSync(target)) renameSync(previous, target);
    },
    hadTarget ? { restore: [previous, target] } : undefined,
  );
  try {
    if (hadTarget) await rename(target, previous);
    try {
      await rename(staging, target);
    } catch (e) {
      if (hadTarget) await rename(previous, target);
      throw e;
    }
  } finally {
    forget();
  }
  if (!hadTarget) return;
  // Removing a folder of PDFs and images takes a moment: stopped meanwhile, it still goes.
  const forgetOld = onAbort(() => rmSync(previous, { recursive: true, force: true }), {
    remove: [previous],
  });
  await rm(previous, { recursive: true, force: true });
  forgetOld();
}

/**
 * What builds killed outright left beside the target, if their watch could
 * not clean it: a staging folder goes; the previous outputs, moved aside,
 * go back in place if nothing took it, else go too.
 */
async function sweepLeftovers(target: string): Promise<void> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const left = /^(partial|previous)-(\d+)$/.exec(name.slice(base.length + 1));
    if (!name.startsWith(`${base}.`) || !left || processAlive(Number(left[2]))) continue;
    const folder = path.join(parent, name);
    if (left[1] === 'previous' && !(await exists(target))) await rename(folder, target);
    else await rm(folder, { recursive: true, force: true });
  }
}

export async function discard(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}

export async function sizes(folder: string, files: readonly OutputFile[]): Promise<WrittenFile[]> {
  return Promise.all(
    files.map(async (f) => ({
      path: path.join(folder, f.name),
      bytes: (await stat(path.join(folder, f.name))).size,
    })),
  );
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * A build replaces its output folder whole, so the folder must be one a
 * build made (or not exist yet), and never the edition folder, the current
 * folder or one of their parents: a wrong --out must not delete data.
 */
export async function checkTarget(target: string, editionFolder: string): Promise<void> {
  const t = path.resolve(target);
  const contains = (outer: string, inner: string) => {
    const rel = path.relative(outer, inner);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  if (contains(t, path.resolve(editionFolder)) || contains(t, process.cwd())) {
    throw new UsageError(usage.outIsEdition(target));
  }
  if (!(await exists(t)) || (await readdir(t)).length === 0) return;
  try {
    await access(path.join(t, OUTPUT_MARKER));
  } catch {
    throw new UsageError(usage.outNotOurs(target));
  }
}

/** Those of these folders the output folder already holds. */
export async function existingIn(target: string, folders: string[]): Promise<string[]> {
  const found = await Promise.all(
    folders.map((f) =>
      access(path.join(target, f)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return folders.filter((_, i) => found[i]);
}
