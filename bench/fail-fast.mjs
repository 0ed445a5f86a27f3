#!/usr/bin/env node
/**
 * How fast a failed build exits: a build whose edition has an unterminated
 * quote in its export, against `enquete figures` on the good edition (the
 * time to read and compute, no browser), fresh processes in turn.
 *
 *   RUNS=7 node bench/fail-fast.mjs
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interleaved, record } from './timing.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const work = await mkdtemp(path.join(tmpdir(), 'enquete-bench-'));
const broken = path.join(work, '2024');
await cp('data/2024', broken, { recursive: true });
const csv = path.join(broken, 'responses.csv');
await writeFile(csv, `${await readFile(csv, 'utf8')}\r\n"2024/05/01 9:00:00 AM UTC+2,"Radiologue`);
const {
  medians: [failed, figures],
  load,
} = interleaved(
  [
    {
      name: 'failed build',
      args: ['bin/enquete.js', 'build', broken, '--out', path.join(work, 'out')],
      exit: 1,
    },
    { name: 'figures', args: ['bin/enquete.js', 'figures', 'data/2024'] },
  ],
  RUNS,
);
record({
  benchmark: 'failed build vs figures',
  runs: RUNS,
  load,
  floor: ['figures', figures],
  measured: ['failed build', failed],
  result: `ratio ${(failed / figures).toFixed(2)}`,
});
await rm(work, { recursive: true, force: true });
