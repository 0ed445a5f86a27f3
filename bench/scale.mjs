#!/usr/bin/env node
/**
 * Large exports. For 10⁴, 10⁵ and 10⁶ responses written by
 * bench/generate-export.mjs: `enquete figures` against csv-parse merely
 * streaming the same file (bench/csv-parse-only.mjs), fresh processes in
 * turn, with the peak memory of each. Then the whole build of the 10⁵-row
 * edition against the 2024 edition (144 rows).
 * Bars: 10⁶ rows within 1.5 × csv-parse and under 400 MB; the 10⁵ build
 * within 2 × the 144-row build.
 *
 *   node bench/scale.mjs                   (all of it: about ten minutes)
 *   ROWS=10000,100000 RUNS=5 node bench/scale.mjs
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interleaved, record } from './timing.mjs';

const SIZES = (process.env.ROWS ?? '10000,100000,1000000').split(',').map(Number);
const work = await mkdtemp(path.join(tmpdir(), 'enquete-scale-'));

try {
  for (const rows of SIZES) {
    const edition = await editionOf(rows);
    const runs = Number(process.env.RUNS ?? (rows >= 1_000_000 ? 3 : 5));
    const csv = path.join(edition, 'responses.csv');
    const {
      medians: [parse, figures],
      peaksMb: [parseMb, figuresMb],
      load,
    } = interleaved(
      [
        { name: 'csv-parse', args: ['bench/peak-rss.mjs', 'bench/csv-parse-only.mjs', csv] },
        {
          name: 'figures',
          args: ['bench/peak-rss.mjs', 'bin/enquete.js', 'figures', edition],
        },
      ],
      runs,
    );
    const ratio = figures / parse;
    const bars = rows >= 1_000_000 ? ratio <= 1.5 && figuresMb < 400 : true;
    record({
      benchmark: `figures, ${rows.toLocaleString('en')} rows`,
      runs,
      load,
      floor: ['csv-parse', parse, `${parseMb} MB`],
      measured: ['figures', figures, `${figuresMb} MB`],
      result: `ratio ${ratio.toFixed(2)}, ${Math.round(rows / (figures / 1000)).toLocaleString('en')} rows/s${rows >= 1_000_000 ? ` (bar 1.5 ×, 400 MB: ${bars ? 'met' : 'not met'})` : ''}`,
    });
    if (rows === 100_000) {
      const out = path.join(work, 'out');
      const build = interleaved(
        [
          {
            name: '144 rows',
            args: ['bin/enquete.js', 'build', 'data/2024', '--out', `${out}-2024`],
          },
          { name: '10⁵ rows', args: ['bin/enquete.js', 'build', edition, '--out', `${out}-1e5`] },
        ],
        runs,
      );
      const [small, large] = build.medians;
      record({
        benchmark: 'build, 100,000 rows vs 144',
        runs,
        load: build.load,
        floor: ['144 rows', small],
        measured: ['100,000 rows', large],
        result: `ratio ${(large / small).toFixed(2)} (goal 2 ×: ${large / small <= 2 ? 'met' : 'not met'})`,
      });
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The 2024 edition with a generated export of `rows` responses in its place. */
async function editionOf(rows) {
  const folder = path.join(work, `edition-${rows}`);
  await cp('data/2024', folder, { recursive: true });
  const made = spawnSync(
    process.execPath,
    ['bench/generate-export.mjs', String(rows), path.join(folder, 'responses.csv')],
    { stdio: 'inherit' },
  );
  if (made.status !== 0) throw new Error(`generating ${rows} rows failed`);
  return folder;
}
