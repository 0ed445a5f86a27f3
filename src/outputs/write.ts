/**
 * All writing of outputs goes through here. A build's files are written to a
 * fresh sibling folder and swapped in only once every one of them succeeded,
 * so a failed run leaves the previous outputs exactly as they were.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** Path inside the output folder, with "/" separators. */
  name: string;
  content: string | Uint8Array;
}

export interface Written {
  path: string;
  bytes: number;
}

/** A staging folder next to the target, on the same disk so the swap is a rename. */
export async function stagingFolder(target: string): Promise<string> {
  const staging = `${target}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}

export async function writeInto(folder: string, files: readonly OutputFile[]): Promise<void> {
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
  if (hadTarget) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (e) {
    if (hadTarget) await rename(previous, target);
    throw e;
  }
  if (hadTarget) await rm(previous, { recursive: true, force: true });
}

export async function discard(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}

export async function sizes(folder: string, files: readonly OutputFile[]): Promise<Written[]> {
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
