#!/usr/bin/env node
/**
 * Large exports. For 10⁴, 10⁵ and 10⁶ responses written by
 * bench/generate-export.mjs from the 2024 rows, in fresh processes run in
 * turn, each with its peak memory (bench/peak-rss.mjs):
 *
 *   - `enquete figures` (read, check, exclude, count every figure), as an
 *     editor reruns it (the config checked before read back from the cache),
 *     and with --no-cache (the config checked again, as on a first run);
 *   - DuckDB loading the same file and counting every closed question's
 *     answers by the segments' columns (bench/duckdb-counts.mjs), what a
 *     data journalist would reach for instead;
 *   - csv-parse, papaparse and uDSV merely streaming the file
 *     (bench/parser-only.mjs).
 *
 * Then the whole build of the 10⁵-row edition against the 2024 edition.
 * Bars (issue "Faster than DuckDB"): 10⁶ rows at or under DuckDB's time in
 * the same run and under 250 MB; 10⁵ rows under 0.6 s; the 10⁵ build
 * within 2 × the 144-row build. Waits up to ten minutes for a quiet machine.
 *
 *   npm run bench:scale                    (all of it: about fifteen minutes)
 *   ROWS=10000,100000 RUNS=5 node bench/scale.mjs
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interleaved, load, QUIET, record } from './timing.mjs';

const SIZES = (process.env.ROWS ?? '10000,100000,1000000').split(',').map(Number);
const PARSERS = ['csv-parse', 'papaparse', 'udsv'];
const work = await mkdtemp(path.join(tmpdir(), 'enquete-scale-'));

try {
  let buildEdition;
  for (const rows of SIZES) {
    const edition = await editionOf(rows);
    // Each size starts on a quiet machine: the runs before raise the load.
    await quiet();
    const runs = Number(process.env.RUNS ?? (rows >= 1_000_000 ? 5 : 7));
    const csv = path.join(edition, 'responses.csv');
    const peak = (...args) => ['bench/peak-rss.mjs', ...args];
    const {
      medians: [figures, duckdb, unchecked, ...parsers],
      peaksMb: [figuresMb, duckdbMb, uncheckedMb, ...parsersMb],
      load: during,
    } = interleaved(
      [
        // As an editor reruns it: the config checked on the first (unmeasured) run is read back.
        { name: 'figures', args: peak('bin/enquete.js', 'figures', edition) },
        { name: 'duckdb', args: peak('bench/duckdb-counts.mjs', edition) },
        // The config checked again, the YAML and schema libraries loaded: a first run.
        {
          name: 'figures --no-cache',
          args: peak('bin/enquete.js', 'figures', edition, '--no-cache'),
        },
        ...PARSERS.map((p) => ({ name: p, args: peak('bench/parser-only.mjs', p, csv) })),
      ],
      runs,
    );
    const bars =
      rows >= 1_000_000
        ? ` (bar ≤ DuckDB and < 250 MB: ${figures <= duckdb && figuresMb < 250 ? 'met' : 'not met'})`
        : rows === 100_000
          ? ` (bar < 600 ms: ${figures < 600 ? 'met' : 'not met'})`
          : '';
    record({
      benchmark: `figures vs DuckDB, ${rows.toLocaleString('en')} rows`,
      runs,
      load: during,
      floor: ['DuckDB', duckdb, `${duckdbMb} MB`],
      measured: ['figures', figures, `${figuresMb} MB`],
      result: `ratio ${(figures / duckdb).toFixed(2)}${bars}; with --no-cache ${Math.round(unchecked)} ms, ${uncheckedMb} MB (ratio ${(unchecked / duckdb).toFixed(2)}); parsers alone: ${PARSERS.map((p, k) => `${p} ${Math.round(parsers[k])} ms, ${parsersMb[k]} MB`).join('; ')}`,
    });
    if (rows === 100_000) buildEdition = edition;
  }
  // Last: the builds' Chromium loads the machine for minutes after.
  if (buildEdition) {
    await quiet();
    await buildAgainst2024(buildEdition);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The whole build of the 10⁵-row edition against the 2024 edition's. */
async function buildAgainst2024(edition) {
  const out = path.join(work, 'out');
  const build = interleaved(
    [
      {
        name: '144 rows',
        args: ['bin/enquete.js', 'build', 'data/2024', '--out', `${out}-2024`, '--no-cache'],
      },
      {
        name: '10⁵ rows',
        args: ['bin/enquete.js', 'build', edition, '--out', `${out}-1e5`, '--no-cache'],
      },
    ],
    5,
  );
  const [small, large] = build.medians;
  record({
    benchmark: 'build, 100,000 rows vs 144',
    runs: 5,
    load: build.load,
    floor: ['144 rows', small],
    measured: ['100,000 rows', large],
    result: `ratio ${(large / small).toFixed(2)} (goal 2 ×: ${large / small <= 2 ? 'met' : 'not met'})`,
  });
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

/** Waits (up to ten minutes) for the 1-minute load average to fall under QUIET. */
async function quiet() {
  for (let waited = 0; Number(load()) > QUIET && waited < 600; waited += 15) {
    process.stderr.write(`load ${load()}: waiting for a quiet machine…\n`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}
