#!/usr/bin/env node
/**
 * What weighting costs (issue 22, part 2): at 10⁵ responses, `enquete
 * figures` on the weighted trial edition (test/fixtures/editions/2024-weighted:
 * raked on profession and sector) against the same edition without its
 * `weighting:` block, on one export of ROWS rows written by
 * bench/generate-export.mjs (or the one EXPORT names). Fresh processes in
 * turn, one unmeasured round first, then RUNS runs of each (through
 * bench/peak-rss.mjs): the medians, their difference, the peak memory of
 * each, and the raking alone measured in the process (bench/weights-rake.mjs:
 * "rake-ms"). Appends a row to bench/results.md. Starts once the 1-minute
 * load average is under 1 (waits a minute, TRIES times at most); a run
 * started over 1 is flagged "(under load)". Uses dist/ (npm run setup).
 *
 *   node bench/weights.mjs                     (about two minutes)
 *   RUNS=5 EXPORT=/tmp/responses-1e5.csv node bench/weights.mjs
 */
import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { interleaved, load, measure, median, QUIET, record } from './timing.mjs';

const ROWS = 100_000;
const RUNS = Number(process.env.RUNS ?? 7);
const TRIES = Number(process.env.TRIES ?? 10);
const TRIAL = 'test/fixtures/editions/2024-weighted';

const work = await mkdtemp(path.join(tmpdir(), 'enquete-weights-'));
try {
  const { weighted, unweighted } = await editions();
  await quietMachine();
  const rakeMs = median(
    Array.from({ length: RUNS }, () => {
      const { stderr } = measure(['bench/weights-rake.mjs', weighted]);
      return Number(/rake-ms: ([\d.]+)/.exec(stderr)?.[1]);
    }),
  );
  const figures = (folder) => ['bench/peak-rss.mjs', 'bin/enquete.js', 'figures', folder];
  const {
    medians,
    peaksMb,
    load: loads,
  } = interleaved(
    [
      { name: 'unweighted', args: figures(unweighted) },
      { name: 'weighted', args: figures(weighted) },
    ],
    RUNS,
  );
  const [plain, heavy] = medians;
  record({
    benchmark: `weighting, ${ROWS.toLocaleString('en')} rows: figures weighted vs unweighted`,
    runs: RUNS,
    load: loads,
    floor: ['unweighted figures', plain, `${peaksMb[0]} MB`],
    measured: ['weighted figures', heavy, `${peaksMb[1]} MB`],
    result: `weighting ${heavy < plain ? '−' : '+'}${Math.abs(Math.round(heavy - plain))} ms (raking ${rakeMs.toFixed(1)} ms in the process, 2 questions, 8 targets)`,
  });
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The weighted trial edition with the generated export, and the same without its weighting. */
async function editions() {
  const weighted = path.join(work, 'weighted');
  const unweighted = path.join(work, 'unweighted');
  await cp(TRIAL, weighted, { recursive: true });
  const csv = path.join(weighted, 'responses.csv');
  if (process.env.EXPORT) await copyFile(process.env.EXPORT, csv);
  else {
    const made = spawnSync(process.execPath, ['bench/generate-export.mjs', String(ROWS), csv], {
      stdio: 'inherit',
    });
    if (made.status !== 0) throw new Error(`generating ${ROWS} rows failed`);
  }
  await cp(weighted, unweighted, { recursive: true });
  const config = path.join(unweighted, 'edition.yaml');
  const text = await readFile(config, 'utf8');
  const block = /\nweighting:\n(?: {2}.*\n)+/;
  if (!block.test(text)) throw new Error(`no weighting: block in ${TRIAL}/edition.yaml`);
  await writeFile(config, text.replace(block, '\n'));
  return { weighted, unweighted };
}

/** Waits, a minute at a time, for the shared machine to be quiet enough to measure. */
async function quietMachine() {
  for (let i = 1; i <= TRIES && Number(load()) >= QUIET; i++) {
    process.stderr.write(
      `load average ${load()} (not under ${QUIET}): waiting a minute (${i}/${TRIES})\n`,
    );
    await sleep(60_000);
  }
}
