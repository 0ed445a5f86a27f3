/**
 * One setup at a time in a project folder. Two commands started together
 * (`npm run report` in two terminals after a pull) would both run `npm ci`
 * into the same node_modules, compile into the same dist/, swap the same
 * bundle folder and run apt-get at once; the second now waits for the
 * first, then finds its work done.
 *
 * The lock is a folder holding its holder's name: its process id and when
 * that process started (a container gives the same small ids run after
 * run). It is put in place whole (made beside, then renamed: a rename onto
 * a folder that exists fails), so no setup ever sees it unnamed. The
 * holder removes it when it exits; a holder killed outright (Ctrl-C, kill)
 * leaves it, and the next setup finds its process gone and takes it over
 * at once: renamed out of the way (one rename wins, however many try),
 * then checked to be the one it found. Where the project folder cannot be
 * written (a user who may only read it), nothing a setup could install
 * goes there either: it runs unlocked.
 * Plain JavaScript with no dependency, as setup.mjs.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How long a setup waits for another before it gives up: an `npm ci` and a first compilation fit in it. */
const MOST_WAIT_MS = 15 * 60_000;

/**
 * Takes the lock `folder`, waiting while a live process holds it; returns
 * what lets it go (done too when this process exits). `say` is told once
 * that it waits, and for whom.
 */
export function holdSetupLock(folder, say = () => {}) {
  const me = nameOf(process.pid);
  const started = Date.now();
  let told = false;
  for (;;) {
    const taken = tryToTake(folder, me);
    if (taken === 'taken') break;
    if (taken === 'unwritable') return () => {};
    const holder = holderOf(folder);
    if (holder === 'gone') {
      const moved = takeOver(folder);
      if (moved === 'unwritable') return () => {};
      continue;
    }
    if (holder === 'free') continue;
    if (Date.now() - started > MOST_WAIT_MS)
      throw new Error(
        `another setup (process ${holder}) has held ${folder} for ${MOST_WAIT_MS / 60_000} minutes; if none is running, remove that folder.`,
      );
    if (!told) say(`waiting for another setup to finish (process ${holder})`);
    told = true;
    sleep(250);
  }
  const release = () => {
    process.off('exit', release);
    // Only its own: a lock taken over meanwhile (this process was thought dead) is another's now.
    if (readName(folder) === me) rmSync(folder, { recursive: true, force: true });
  };
  process.on('exit', release);
  return release;
}

/** The lock made beside, with this process's name in it, then renamed into place. */
function tryToTake(folder, me) {
  const beside = `${folder}.${process.pid}.new`;
  try {
    rmSync(beside, { recursive: true, force: true });
    mkdirSync(beside);
    writeFileSync(path.join(beside, 'holder'), me);
  } catch {
    return 'unwritable';
  }
  try {
    renameSync(beside, folder);
    return 'taken';
  } catch (e) {
    rmSync(beside, { recursive: true, force: true });
    if (e.code === 'ENOTEMPTY' || e.code === 'EEXIST') return 'held';
    return 'unwritable';
  }
}

/**
 * A dead holder's lock moved out of the way and removed. Should what was
 * moved be a live holder's (it took the lock over between our look and our
 * move), it is put back.
 */
function takeOver(folder) {
  const aside = `${folder}.${process.pid}.gone`;
  try {
    renameSync(folder, aside);
  } catch (e) {
    // Another setup moved it first, or it was let go: look again.
    return e.code === 'ENOENT' ? 'moved' : 'unwritable';
  }
  if (holderOf(aside) !== 'gone') {
    try {
      renameSync(aside, folder);
      return 'moved';
    } catch {
      // A third setup holds the place now: the one moved keeps running, unlocked.
    }
  }
  rmSync(aside, { recursive: true, force: true });
  return 'moved';
}

/** The process id holding the lock `folder`, 'gone' when that process is no more, 'free' when there is no lock. */
function holderOf(folder) {
  const name = readName(folder);
  // A lock is put in place named: one without a name is none of a setup's.
  if (name === null) return existsSync(folder) ? 'gone' : 'free';
  const pid = Number(name.split(' ')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return 'gone';
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: alive, another user's.
    if (e.code !== 'EPERM') return 'gone';
  }
  // The same id, another process: the holder died and its id was given again.
  return nameOf(pid) === name ? pid : 'gone';
}

function readName(folder) {
  try {
    return readFileSync(path.join(folder, 'holder'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * A process's id and, where Linux says it, when it started (in clock ticks
 * since boot, /proc/<pid>/stat's 22nd field): an id alone may be another
 * process's by the time it is read.
 */
function nameOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command's name, in parentheses, may hold spaces: the fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return `${pid} ${fields[19]}`;
  } catch {
    return String(pid);
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
