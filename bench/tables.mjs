#!/usr/bin/env node
/**
 * The survey's tables at scale (issue 23, item 5): at 10⁵ responses, every
 * question's tables by every group of segments, each cell lettered, built
 * in under 2 s beyond `figures`. On the 2024 edition with an export of 10⁵
 * rows written by bench/generate-export.mjs (or the one EXPORT names),
 * fresh processes in turn, one unmeasured round first, then RUNS runs of
 * each (bench/tables-build.mjs, through bench/peak-rss.mjs):
 *   (a) what `enquete figures` does: config, export, figures, JSON on stdout;
 *   (b) the same, then `surveyTables` as the build calls it.
 * Reports the medians, (b) − (a) against the bar of 2 s, the tables' own
 * time measured in the process, and the peak memory of each; appends a row
 * to bench/results.md. Starts only once the 1-minute load average is under
 * 1.5 (waits a minute, TRIES times at most); a run started over 1 is flagged
 * "(under load)", as every benchmark's. Uses dist/ (npm run setup).
 *
 *   node bench/tables.mjs                      (about three minutes)
 *   RUNS=5 EXPORT=/tmp/responses-1e5.csv node bench/tables.mjs
 */
import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { load, measure, median, QUIET, record } from './timing.mjs';

const ROWS = 100_000;
const BAR_MS = 2000;
const RUNS = Number(process.env.RUNS ?? 7);
/** The benchmark starts once the 1-minute load average is under this, or after TRIES minutes. */
const START_UNDER = 1.5;
const TRIES = Number(process.env.TRIES ?? 10);

const work = await mkdtemp(path.join(tmpdir(), 'enquete-tables-'));
try {
  const edition = await editionOf(ROWS);
  await quietMachine();
  report(run(edition));
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The 2024 edition with the generated export (or EXPORT's) of `rows` responses in its place. */
async function editionOf(rows) {
  const folder = path.join(work, `edition-${rows}`);
  await cp('data/2024', folder, { recursive: true });
  const csv = path.join(folder, 'responses.csv');
  if (process.env.EXPORT) {
    await copyFile(process.env.EXPORT, csv);
    return folder;
  }
  const made = spawnSync(process.execPath, ['bench/generate-export.mjs', String(rows), csv], {
    stdio: 'inherit',
  });
  if (made.status !== 0) throw new Error(`generating ${rows} rows failed`);
  return folder;
}

/** Waits, a minute at a time, for the shared machine to be quiet enough to start. */
async function quietMachine() {
  for (let i = 1; i <= TRIES && Number(load()) >= START_UNDER; i++) {
    process.stderr.write(
      `load average ${load()} (not under ${START_UNDER}): waiting a minute (${i}/${TRIES})\n`,
    );
    await sleep(60_000);
  }
}

/** (a) and (b) in turn, after one unmeasured round: times, peaks, the tables' own time. */
function run(edition) {
  const side = ['bench/peak-rss.mjs', 'bench/tables-build.mjs', edition];
  const commands = [
    { name: 'figures', args: side },
    { name: 'figures + tables', args: [...side, '--tables'] },
  ];
  const before = load();
  if (Number(before) > QUIET)
    process.stderr.write(`warning: load average ${before}: the row is flagged "(under load)"\n`);
  for (const c of commands) measure(c.args);
  const times = commands.map(() => []);
  const peaks = commands.map(() => 0);
  const inProcess = [];
  let shape = '';
  for (let i = 0; i < RUNS; i++) {
    for (const [k, c] of commands.entries()) {
      const { ms, peakKb, stderr } = measure(c.args);
      times[k].push(ms);
      peaks[k] = Math.max(peaks[k], peakKb ?? 0);
      const own = /tables-ms: (\d+)/.exec(stderr);
      if (own) inProcess.push(Number(own[1]));
      shape = /tables: (.*)/.exec(stderr)?.[1] ?? shape;
    }
    process.stderr.write(
      `run ${i + 1}/${RUNS}: ${commands.map((c, k) => `${c.name} ${Math.round(times[k][i])} ms`).join(', ')}\n`,
    );
  }
  const after = load();
  return {
    medians: times.map(median),
    peaksMb: peaks.map((kb) => Math.round(kb / 1024)),
    tablesMs: median(inProcess),
    shape,
    load: `${before} → ${after}${Number(before) > QUIET ? ' (under load)' : ''}`,
  };
}

function report({ medians: [figures, tables], peaksMb, tablesMs, shape, load }) {
  const beyond = tables - figures;
  record({
    benchmark: `tables, ${ROWS.toLocaleString('en')} rows, beyond figures`,
    runs: RUNS,
    load,
    floor: ['figures', figures, `${peaksMb[0]} MB`],
    measured: ['figures + tables', tables, `${peaksMb[1]} MB`],
    result: `tables ${beyond < 0 ? '−' : '+'}${Math.abs(Math.round(beyond))} ms (${Math.round(tablesMs)} ms in the process; ${shape}): bar 2 s ${beyond < BAR_MS ? 'met' : 'not met'}`,
  });
}
