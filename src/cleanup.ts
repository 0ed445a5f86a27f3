/**
 * What must not outlive the process: Chromium's process group and profile,
 * a staging folder, an output folder moved aside during the swap. Each is
 * registered here as a synchronous undo, run when the process is stopped
 * (SIGINT, SIGTERM) or exits any other way. Node runs no `exit` listener on
 * a signal, hence the signal handlers.
 */
import { environment } from './messages/index.js';

type Undo = () => void;

const pending = new Set<Undo>();
let installed = false;

/** Register an undo; call the returned function once the thing is gone by itself. */
export function onAbort(undo: Undo): () => void {
  install();
  pending.add(undo);
  return () => {
    pending.delete(undo);
  };
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
