#!/usr/bin/env node
/**
 * The build against its floor (issue 21): `enquete build` of the 2024
 * edition (a copy of it) against bench/floor.mjs, which only prints every
 * page the build prints (both articles' and the survey tables') in one Node
 * and one Chromium while resvg draws the same PNGs at the same widths over
 * the machine's cores. What the floor prints and draws is taken from the
 * build itself (bench/floor-inputs.mjs), and its PNGs are checked to hold
 * the build's pixels.
 *
 * Nine commands in turn, fresh processes, after one unmeasured round:
 *
 * - cold: the build with an empty cache of drawings (ENQUETE_CACHE, emptied
 *   before each run): it draws every chart and PNG and keeps them;
 * - warm: the build after a text edit (a word of an article changed before
 *   each run, to a text it never had), its cache kept from the runs before:
 *   what an editor's rebuild costs;
 * - the floor;
 * - the floor's two parts alone, its printing and its PNGs (over the
 *   cores): the issue's own arithmetic of the floor adds them ("1.34 s +
 *   1.23 s / 2"), where the floor runs them together, sharing the cores,
 *   which is the stricter yardstick;
 * - the charts (bench/draw-charts.mjs): a fresh Node process whose drawing
 *   thread, the build's own, lays out every chart the build draws with
 *   vega, which the floor does not: what the cold build pays beyond it
 *   before anything else;
 * - the same process drawing no chart: what starting it and loading the
 *   drawing code cost of that;
 * - the build's PNGs drawn by its own code on one thread
 *   (bench/draw-pngs.mjs), with the faces the build gives resvg (cut down
 *   to French text: src/fonts.ts), and again with the full faces, as the
 *   floor draws them: what that lever saves.
 *
 * Medians, each ratio to the floor (goal: cold ≤ 1.15), the 1-minute load
 * average at start and end; one row each in bench/results.md. Then the
 * processor time of each command (the machine's, from /proc/stat, while it
 * ran: every thread of every process it started, Chromium's included;
 * Linux only), to set the charts' share beside the 15 % the goal leaves,
 * and the cut faces' saving.
 * Starts once the load is under 1 (a minute at a time, TRIES times at most).
 *
 *   npm run bench            # RUNS=7 by default
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pngjs from 'pngjs';
import { floorInputs } from './floor-inputs.mjs';
import { interleaved, load, QUIET, record } from './timing.mjs';

const { PNG } = pngjs;

const RUNS = Number(process.env.RUNS ?? 7);
const TRIES = Number(process.env.TRIES ?? 20);
/** The goal for the cold build (issue 21). */
const GOAL = 1.15;
/** The text edit of the warm runs: a number after this word of this article, another each run. */
const EDITED = { file: 'articles/radiologues.md', at: /Voici(?: \d+)? ce qu/ };

const work = await mkdtemp(path.join(tmpdir(), 'enquete-bench-'));
try {
  const edition = path.join(work, '2024');
  await cp('data/2024', edition, { recursive: true });
  const inputs = path.join(work, 'floor-inputs');
  await saveInputs(await floorInputs(edition), inputs);
  await quietMachine();
  const out = (name) => path.join(work, name);
  const build = (name, cache) => ({
    name,
    args: ['bin/enquete.js', 'build', edition, '--out', out(name)],
    env: { ENQUETE_CACHE: out(cache) },
  });
  let edits = 0;
  const {
    medians: [cold, warm, floor, printAlone, pngsAlone],
    cpuMedians: [coldCpu, , floorCpu, , , chartsCpu, noChartCpu, cutCpu, fullCpu],
    load: loadAverage,
  } = interleaved(
    [
      {
        ...build('cold', 'cache-cold'),
        before: () => rmSync(out('cache-cold'), { recursive: true, force: true }),
      },
      { ...build('warm', 'cache-warm'), before: () => editText(edition, edits++) },
      { name: 'floor', args: ['bench/floor.mjs', inputs, out('floor')] },
      { name: 'print alone', args: ['bench/floor.mjs', inputs, out('print'), 'print'] },
      { name: 'PNGs alone', args: ['bench/floor.mjs', inputs, out('pngs'), 'pngs'] },
      { name: 'charts', args: ['bench/draw-charts.mjs', path.join(inputs, 'charts.json')] },
      { name: 'no chart', args: ['bench/draw-charts.mjs', path.join(inputs, 'no-charts.json')] },
      {
        name: 'PNGs, cut faces',
        args: ['bench/draw-pngs.mjs', path.join(inputs, 'pngs.json'), 'cut'],
      },
      {
        name: 'PNGs, full faces',
        args: ['bench/draw-pngs.mjs', path.join(inputs, 'pngs.json'), 'full'],
      },
    ],
    RUNS,
  );
  await sameImages(out('cold'), out('floor'));
  const ratio = (ms) => (ms / floor).toFixed(2);
  const againstGoal = (r) =>
    `ratio ${r.toFixed(2)} (goal ${GOAL}: ${r <= GOAL ? 'met' : 'not met'})`;
  // Every row of this run: its rounds and the load over them.
  const row = (benchmark, base, measured, result) =>
    record({ benchmark, runs: RUNS, load: loadAverage, floor: base, measured, result });
  row('build vs floor, cold', ['floor', floor], ['cold build', cold], againstGoal(cold / floor));
  // The issue's arithmetic: the printing's time plus the PNGs' over the cores, one after the other.
  const added = printAlone + pngsAlone;
  row(
    "build vs the issue's floor: printing alone + PNGs alone",
    ['print alone + PNGs alone', added, `${Math.round(printAlone)} + ${Math.round(pngsAlone)} ms`],
    ['cold build', cold],
    againstGoal(cold / added),
  );
  row(
    'build vs floor, warm (a word of an article changed)',
    ['floor', floor],
    ['warm build', warm],
    `ratio ${ratio(warm)}`,
  );
  const share = (ms) => `${((100 * ms) / floorCpu).toFixed(0)} %`;
  if (floorCpu !== null)
    row(
      'processor time: cold build vs floor, and the charts',
      ['floor', floorCpu],
      [
        'cold build',
        coldCpu,
        `charts ${Math.round(chartsCpu)} ms (no chart ${Math.round(noChartCpu)} ms)`,
      ],
      `ratio ${(coldCpu / floorCpu).toFixed(2)}; the charts ${share(chartsCpu)} of the floor's, ${share(chartsCpu - noChartCpu)} once loaded (the goal leaves ${Math.round((GOAL - 1) * 100)} %)`,
    );
  if (cutCpu !== null)
    row(
      "processor time: the build's PNGs, cut-down faces vs full faces",
      ['full faces', fullCpu],
      ['cut faces', cutCpu],
      `ratio ${(cutCpu / fullCpu).toFixed(2)}: ${Math.round(fullCpu - cutCpu)} ms less`,
    );
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The pages as page-<n>.html and the PNGs to draw as pngs.json, as bench/floor.mjs reads them; the charts as charts.json. */
async function saveInputs({ pages, pngs, charts }, folder) {
  await mkdir(folder, { recursive: true });
  await Promise.all(pages.map((page, i) => writeFile(path.join(folder, `page-${i}.html`), page)));
  await writeFile(path.join(folder, 'pngs.json'), JSON.stringify(pngs));
  await writeFile(path.join(folder, 'charts.json'), JSON.stringify(charts));
  await writeFile(path.join(folder, 'no-charts.json'), '[]');
  process.stderr.write(
    `floor: ${pages.length} pages to print, ${pngs.length} PNGs to draw; ${charts.length} charts laid out by the build\n`,
  );
}

/**
 * The article's text changed as an editor changes it: every run to a text it
 * never had (changed back and forth, both pages would be kept already).
 */
function editText(edition, n) {
  const file = path.join(edition, EDITED.file);
  const text = readFileSync(file, 'utf8');
  if (!EDITED.at.test(text)) throw new Error(`${EDITED.file} no longer says « Voici ce qu »`);
  writeFileSync(file, text.replace(EDITED.at, `Voici ${n} ce qu`));
}

/**
 * The floor drew the build's PNGs (the same images, not merely as many):
 * the same pixels, read back with pngjs, since the build encodes most of
 * them in indexed colour where the floor keeps resvg's plain encoding.
 */
async function sameImages(built, floor) {
  const hashes = async (folder, files) =>
    (
      await Promise.all(
        files.map(async (f) => {
          const { width, height, data } = PNG.sync.read(await readFile(path.join(folder, f)));
          return sha(Buffer.concat([Buffer.from(`${width}x${height}`), data]));
        }),
      )
    ).sort();
  const pngs = (await readdir(built, { recursive: true })).filter((f) => f.endsWith('.png'));
  const drawn = readdirSync(floor).filter((f) => f.endsWith('.png'));
  const [a, b] = await Promise.all([hashes(built, pngs), hashes(floor, drawn)]);
  if (a.join() !== b.join())
    throw new Error(`the floor's ${b.length} PNGs are not the build's ${a.length}`);
}

function sha(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Waits, a minute at a time, for the shared machine to be quiet enough to start. */
async function quietMachine() {
  for (let i = 1; i <= TRIES && Number(load()) >= QUIET; i++) {
    process.stderr.write(
      `load average ${load()} (not under ${QUIET}): waiting a minute (${i}/${TRIES})\n`,
    );
    await sleep(60_000);
  }
}
