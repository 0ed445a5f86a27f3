// The command's `main` run with its stdout and stderr captured: one run at a
// time, since the streams are the process's (test/helpers/in-process.ts in
// the test process, enquete-batch.mjs in a process of its own).
let queue = Promise.resolve();

/** @type {import('./capture.d.mts').runCaptured} */
export function runCaptured(main, args) {
  const run = queue.then(() => capture(main, args));
  queue = run.catch(() => {});
  return run;
}

async function capture(main, args) {
  const said = { stdout: '', stderr: '' };
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const stream of ['stdout', 'stderr'])
    process[stream].write = (chunk, ...rest) => {
      said[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      rest.find((r) => typeof r === 'function')?.();
      return true;
    };
  try {
    return { code: await main(args), ...said };
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}
