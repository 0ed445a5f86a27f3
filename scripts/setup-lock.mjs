/**
 * One setup at a time in a project folder. Two commands started together
 * (`npm run report` in two terminals after a pull) would both run `npm ci`
 * into the same node_modules, compile into the same dist/, swap the same
 * bundle folder and run apt-get at once; the second now waits for the
 * first, then finds its work done.
 *
 * The lock is a folder (made atomically) holding the holder's process id.
 * A holder that died without removing it (killed outright) leaves a folder
 * whose process is gone: the next setup takes it over at once. Where the
 * project folder cannot be written (a user who may only read it), there is
 * nothing a setup could install there either, and it runs unlocked.
 * Plain JavaScript with no dependency, as setup.mjs.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';

/** How long a setup waits for another before it gives up: an `npm ci` and a first compilation fit in it. */
const MOST_WAIT_MS = 15 * 60_000;
/** A lock folder without its process id after this long was left by a setup killed as it made it. */
const UNNAMED_STALE_MS = 60_000;

/**
 * Takes the lock `folder`, waiting while a live process holds it; returns
 * what lets it go (also done when this process exits). `say` is told once
 * that it waits, and for whom.
 */
export function holdSetupLock(folder, say = () => {}) {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(folder);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') return () => {}; // not ours to write: nothing to protect either
    }
    const holder = holderOf(folder);
    if (holder === 'gone') {
      rmSync(folder, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > MOST_WAIT_MS)
      throw new Error(
        `another setup (process ${holder}) has held ${folder} for ${MOST_WAIT_MS / 60_000} minutes; if none is running, remove that folder.`,
      );
    if (!told)
      say(
        `waiting for another setup to finish${typeof holder === 'number' ? ` (process ${holder})` : ''}`,
      );
    told = true;
    sleep(250);
  }
  writeFileSync(path.join(folder, 'pid'), String(process.pid));
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    rmSync(folder, { recursive: true, force: true });
  };
  process.on('exit', release);
  // Ctrl-C and kill end a process without its exit handlers: let the lock go, then end as a
  // process ended by that signal reports it to a shell (128 + its number: 130 for Ctrl-C).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.once(signal, () => {
      release();
      process.exit(128 + constants.signals[signal]);
    });
  return release;
}

/** The process id holding the lock, 'gone' when that process is no more (or never wrote its id). */
function holderOf(folder) {
  let pid;
  try {
    pid = Number(readFileSync(path.join(folder, 'pid'), 'utf8'));
  } catch {
    // Made but not yet named (or its maker killed in between): young, it is being made.
    const made = statSync(folder, { throwIfNoEntry: false });
    return made && Date.now() - made.mtimeMs < UNNAMED_STALE_MS ? 'unnamed' : 'gone';
  }
  if (!Number.isInteger(pid) || pid <= 0) return 'gone';
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: alive, another user's.
    return e.code === 'EPERM' ? pid : 'gone';
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
