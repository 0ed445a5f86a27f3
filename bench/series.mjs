#!/usr/bin/env node
/**
 * What following the `previous` chain costs: the synthetic 2025 edition
 * built (and its figures computed) with one previous edition, against the
 * same with five, fresh processes in turn. The past editions are copies of
 * data/2024, each with its own id and `previous:` (so each is read and
 * counted: their configs differ); the 2025 edition's own files are the
 * same in both. Bar: five past editions within 1.3 × one.
 *
 * Wall time is what the bar is about, but a loaded machine blurs it; the
 * CPU time of the build's process (its threads included, Chromium not:
 * ENQUETE_TIMELINE=1) says the same work however busy the machine is, so
 * it is recorded too.
 *
 *   RUNS=5 node bench/series.mjs
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interleaved, median, record } from './timing.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const BAR = 1.3;
const work = await mkdtemp(path.join(tmpdir(), 'enquete-bench-series-'));

/** The edition.yaml of `folder` with its id, survey name and `previous:` set. */
async function setEdition(folder, id, previous) {
  const file = path.join(folder, 'edition.yaml');
  let text = await readFile(file, 'utf8');
  text = text
    .replace(/\n {2}id: "[^"]*"/, `\n  id: "${id}"`)
    .replace(/\n {2}previous: "[^"]*"/, '');
  if (previous) text = text.replace(/(\n {2}publishUrl: "[^"]*")/, `$1\n  previous: "${previous}"`);
  await writeFile(file, text);
}

/** A chain of `past` copies of data/2024 (ids 2024 back), and the 2025 edition after the last. */
async function chain(name, past) {
  const root = path.join(work, name);
  const ids = Array.from({ length: past }, (_, k) => String(2024 - past + 1 + k));
  for (const [k, id] of ids.entries()) {
    await cp('data/2024', path.join(root, id), { recursive: true });
    await setEdition(path.join(root, id), id, k === 0 ? null : `../${ids[k - 1]}`);
  }
  await cp('test/fixtures/editions/2025', path.join(root, '2025'), { recursive: true });
  await setEdition(path.join(root, '2025'), '2025', `../${ids.at(-1)}`);
  return path.join(root, '2025');
}

/** The CPU seconds a build's own process says it used (its threads included, Chromium not). */
function cpuSeconds(args) {
  const r = spawnSync(process.execPath, [...args, '--lang', 'en'], {
    env: { ...process.env, ENQUETE_TIMELINE: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const used = /this process used ([\d.]+) s of CPU/.exec(r.stderr ?? '');
  if (r.status !== 0 || !used) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return Number(used[1]);
}

try {
  const one = await chain('one', 1);
  const five = await chain('five', 5);
  const build = (edition, out) => [
    'bin/enquete.js',
    'build',
    edition,
    '--out',
    path.join(work, out),
  ];
  const figures = interleaved(
    [
      { name: 'figures, 1 previous', args: ['bin/enquete.js', 'figures', one] },
      { name: 'figures, 5 previous', args: ['bin/enquete.js', 'figures', five] },
    ],
    RUNS,
  );
  const [f1, f5] = figures.medians;
  record({
    benchmark: 'series: figures, 5 previous editions vs 1',
    runs: RUNS,
    load: figures.load,
    floor: ['1 previous', f1],
    measured: ['5 previous', f5],
    result: `${(f5 / f1).toFixed(2)} ×`,
  });
  const builds = interleaved(
    [
      { name: 'build, 1 previous', args: build(one, 'out-one/2025') },
      { name: 'build, 5 previous', args: build(five, 'out-five/2025') },
    ],
    RUNS,
  );
  const [b1, b5] = builds.medians;
  record({
    benchmark: 'series: build, 5 previous editions vs 1',
    runs: RUNS,
    load: builds.load,
    floor: ['1 previous', b1],
    measured: ['5 previous', b5],
    result: `${(b5 / b1).toFixed(2)} × (bar ${BAR}: ${b5 / b1 <= BAR ? 'met' : 'not met'})`,
  });
  const [c1, c5] = [build(one, 'cpu-one/2025'), build(five, 'cpu-five/2025')].map((args) =>
    median(Array.from({ length: RUNS }, () => cpuSeconds(args))),
  );
  record({
    benchmark: 'series: build CPU time (its process), 5 previous editions vs 1',
    runs: RUNS,
    load: builds.load,
    floor: ['1 previous', c1 * 1000],
    measured: ['5 previous', c5 * 1000],
    result: `${(c5 / c1).toFixed(2)} × (+${Math.round((c5 - c1) * 1000)} ms of CPU for 4 more editions)`,
  });
} finally {
  await rm(work, { recursive: true, force: true });
}
