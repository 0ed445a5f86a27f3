#!/usr/bin/env node
/**
 * What an extra article costs: the 2024 edition built with one article
 * (--article manipulateurs_cadres) against the whole edition (two
 * articles), fresh processes in turn; the goal is under 15 % per extra article.
 * Both draw everything (--no-cache): kept drawings would time a rebuild instead.
 *
 *   RUNS=7 node bench/extra-article.mjs
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interleaved, record } from './timing.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const work = await mkdtemp(path.join(tmpdir(), 'enquete-bench-'));
const {
  medians: [one, two],
  load,
} = interleaved(
  [
    {
      name: 'one article',
      args: [
        'bin/enquete.js',
        'build',
        'data/2024',
        '--article',
        'manipulateurs_cadres',
        '--no-cache',
        '--out',
        path.join(work, 'one'),
      ],
    },
    {
      name: 'two articles',
      args: ['bin/enquete.js', 'build', 'data/2024', '--no-cache', '--out', path.join(work, 'two')],
    },
  ],
  RUNS,
);
const extra = (two - one) / one;
record({
  benchmark: 'extra article',
  runs: RUNS,
  load,
  floor: ['one article', one],
  measured: ['two articles', two],
  result: `+${(extra * 100).toFixed(0)} % (goal 15 %: ${extra < 0.15 ? 'met' : 'not met'})`,
});
await rm(work, { recursive: true, force: true });
