/**
 * What must not outlive the process: Chromium's process group and profile,
 * a staging folder, an output folder moved aside during the swap. Each is
 * registered here as a synchronous undo, run when the process is stopped
 * (SIGINT, SIGTERM) or exits any other way. Node runs no `exit` listener on
 * a signal, hence the signal handlers.
 *
 * A process killed outright (kill -9, the OOM killer, a CI timeout) runs
 * nothing: for that, what an undo would clean is also told, as data, to a
 * watch started beside the process (bin/watchdog.js), which cleans it when
 * the process is gone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { environment } from './messages/index.js';

type Undo = () => void;

/** What the watch can clean once the process is gone. */
export interface Leftover {
  /** A process group to kill. */
  kill?: number;
  /** Folders to remove. */
  remove?: string[];
  /** A folder moved aside, to put back where it was if nothing took its place. */
  restore?: [from: string, to: string];
}

const pending = new Set<Undo>();
let installed = false;

/**
 * Register an undo, and what it cleans as a leftover for the watch; call the
 * returned function once the thing is gone by itself.
 */
export function onAbort(undo: Undo, leftover?: Leftover): () => void {
  install();
  pending.add(undo);
  const id = leftover ? hold(leftover) : null;
  return () => {
    pending.delete(undo);
    if (id !== null) release(id);
  };
}

let watch: ChildProcess | null = null;
let ids = 0;

/** The watch's script (its test starts it as a build does). */
export const WATCH_SCRIPT = fileURLToPath(new URL('../bin/watchdog.js', import.meta.url));

/** The watch, started at the first leftover: a plain script in its own process group, not waited for. */
function watcher(): ChildProcess {
  if (!watch) {
    watch = spawn(process.execPath, [WATCH_SCRIPT], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    watch.on('error', () => {});
    watch.stdin?.on('error', () => {});
    watch.unref();
  }
  return watch;
}

function hold(leftover: Leftover): number {
  const id = ++ids;
  watcher().stdin?.write(`+${id} ${JSON.stringify(leftover)}\n`);
  return id;
}

function release(id: number): void {
  watch?.stdin?.write(`-${id}\n`);
}

/** Run every registered undo now (each at most once, a failing one does not stop the others). */
export function runAborts(): void {
  for (const undo of [...pending]) {
    pending.delete(undo);
    try {
      undo();
    } catch {
      // Best effort: the others still run.
    }
  }
}

/**
 * The exit codes of a shell for a process stopped by these signals. SIGHUP
 * is the terminal window closed under a running preview: Chromium, in a
 * process group of its own, would not get it and would stay behind.
 */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', runAborts);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      process.stderr.write(environment.stopped(signal));
      runAborts();
      process.exit(code);
    });
  }
}

/** Whether a process is running (or runs as another user): a leftover named after a dead one may go. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
