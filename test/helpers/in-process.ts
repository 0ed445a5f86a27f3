/**
 * The command run inside the test process, in the test process's language
 * (English: test/helpers/setup.ts), its output captured. Much cheaper than a
 * child process, for the many runs that only need the words; runs are taken
 * one at a time, since they share the process's stdout and stderr.
 */
import { main } from '../../src/cli.js';
import { language } from '../../src/messages/index.js';

let queue: Promise<unknown> = Promise.resolve();

export function enqueteHere(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = queue.then(() => capture(args));
  queue = run.catch(() => {});
  return run;
}

async function capture(args: string[]) {
  const said = { stdout: '', stderr: '' };
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  const into = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      said[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = into('stdout');
  process.stderr.write = into('stderr');
  try {
    // The process's language is fixed: the command is told so rather than reading LANG.
    const code = await main([...args, `--lang=${language()}`]);
    return { code, ...said };
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}
