#!/usr/bin/env node
/**
 * The performance bar: the whole build (`enquete build data/2024`) against
 * merely printing its finished page with Chromium (bench/print-only.mjs).
 * Both run as fresh processes, alternately, RUNS times each in one session;
 * the report gives medians and their ratio (the bar is 1.25).
 *
 *   npm run bench            # RUNS=7 by default; RUNS=15 npm run bench for more
 *
 * Appends a row to bench/results.md.
 */
import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { silentLog } from '../dist/log.js';
import { composePages } from '../dist/pipeline.js';
import { startWorker } from '../dist/worker/client.js';

const RUNS = Number(process.env.RUNS ?? 7);
const edition = 'data/2024';
const work = await mkdtemp(path.join(tmpdir(), 'enquete-bench-'));
const page = path.join(work, 'print.html');
const worker = startWorker();
const { pages } = await composePages({ editionFolder: edition }, worker, silentLog);
await worker.stop();
await writeFile(page, pages.print);

const time = (args) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// One unmeasured round of each warms the disk cache.
time(['bin/enquete.js', 'build', edition, '--out', path.join(work, 'out')]);
time(['bench/print-only.mjs', page, path.join(work, 'print.pdf')]);
const build = [];
const print = [];
for (let i = 0; i < RUNS; i++) {
  build.push(time(['bin/enquete.js', 'build', edition, '--out', path.join(work, 'out')]));
  print.push(time(['bench/print-only.mjs', page, path.join(work, 'print.pdf')]));
  process.stderr.write(
    `run ${i + 1}/${RUNS}: build ${Math.round(build[i])} ms, print only ${Math.round(print[i])} ms\n`,
  );
}
const b = median(build);
const p = median(print);
const ratio = b / p;
const row = `| ${new Date().toISOString().slice(0, 10)} | ${cpus().length} × ${cpus()[0]?.model.trim()} | ${RUNS} | ${Math.round(p)} | ${Math.round(b)} | ${ratio.toFixed(2)} | ${ratio <= 1.25 ? 'yes' : 'no'} |\n`;
console.log(
  `median print only ${Math.round(p)} ms, median build ${Math.round(b)} ms, ratio ${ratio.toFixed(2)} (bar 1.25)`,
);
await appendFile(new URL('./results.md', import.meta.url), row);
