/**
 * Watching the edition folder and the templates for saves. Each folder of
 * the tree is watched, not each file (nor with Node's recursive option,
 * which on Linux watches files and loses one replaced by a rename), so an
 * editor that saves by writing a temporary file and renaming it over the
 * old one is seen like any other; a new subfolder is watched when it appears. Changes that come
 * together (an editor writes, renames, touches) are taken as one, after a
 * short quiet time; an editor's own temporary and backup files are ignored.
 */
import { type Dirent, existsSync, type FSWatcher, lstatSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import type { Touched } from './session.js';

/** How long the folders stay quiet before a burst of events is taken as one save. */
export const QUIET_MS = 25;

export interface Watched {
  folder: string;
  /** What a change in this folder touches, by file name. */
  touches(file: string): Touched;
}

export interface Saved {
  touched: Touched;
  /** The files saved, relative to their folder, for the terminal. */
  files: string[];
}

export function watchFolders(
  folders: readonly Watched[],
  onSave: (saved: Saved) => void,
  onError: (e: Error) => void,
): { close(): void } {
  let waiting: NodeJS.Timeout | undefined;
  let touched: Touched = 'text';
  /** Each file seen, by its full path: its name as the terminal shows it (relative to its folder). */
  const files = new Map<string, string>();
  const watchers = new Map<string, FSWatcher>();
  const saw = (w: Watched, file: string) => {
    files.set(path.join(w.folder, file), file);
    if (w.touches(file) === 'data') touched = 'data';
    clearTimeout(waiting);
    waiting = setTimeout(() => {
      // Named by the files still there: not the temporary ones a save renamed away (unless only those changed).
      const there = [...files].filter(([full]) => existsSync(full)).map(([, name]) => name);
      const saved = { touched, files: there.length > 0 ? there : [...files.values()] };
      files.clear();
      touched = 'text';
      onSave(saved);
    }, QUIET_MS);
  };
  const watchTree = (w: Watched, sub: string) => {
    const folder = path.join(w.folder, sub);
    if (watchers.has(folder)) return;
    let entries: Dirent[];
    try {
      // A link is not followed: a link to /etc in the edition folder must not watch /etc.
      if (sub !== '' && !lstatSync(folder).isDirectory()) return;
      entries = readdirSync(folder, { withFileTypes: true });
      watchers.set(
        folder,
        watch(folder, (event, name) => {
          if (name === null || isScratch(name)) return;
          const file = path.join(sub, name);
          if (event === 'rename') watchTree(w, file);
          saw(w, file);
        }).on('error', onError),
      );
    } catch {
      return; // Not a folder, or gone already.
    }
    for (const e of entries)
      if (e.isDirectory() && !isScratch(e.name)) watchTree(w, path.join(sub, e.name));
  };
  for (const w of folders) watchTree(w, '');
  return {
    close() {
      clearTimeout(waiting);
      for (const w of watchers.values()) w.close();
    },
  };
}

/** Editors' swap, backup and temporary files (vim, emacs, VS Code, JetBrains, LibreOffice). */
export function isScratch(name: string): boolean {
  const base = path.basename(name);
  return (
    base.startsWith('.') ||
    base.startsWith('#') ||
    base.startsWith('~') ||
    base.endsWith('~') ||
    /\.(swp|swx|tmp|bak|crdownload|part)$/i.test(base) ||
    /^\d+$/.test(base)
  );
}

/** The edition folder: its config and export change the data, anything else (articles, logo) the text. */
export function editionFolderTouches(file: string): Touched {
  return /\.(ya?ml|csv)$/i.test(file) ? 'data' : 'text';
}
