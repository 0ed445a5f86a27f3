#!/usr/bin/env node
/**
 * How long an article text edit takes to reach the browser in `enquete
 * preview`: from writing the article file to the served web page holding
 * the new words (polled every 5 ms, as the reload the page's event starts
 * would fetch it). Two rhythms: saves once every output of the previous
 * save is ready (the editor reads, then writes), and saves 400 ms apart
 * (the print of the previous save still running on both cores).
 *
 *   RUNS=15 node bench/preview-latency.mjs
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, median, record } from './timing.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
// Before the preview starts: its first build loads the machine for a few seconds.
const before = load();
const BAR_MS = 300;
const work = await mkdtemp(path.join(tmpdir(), 'enquete-bench-'));
const edition = path.join(work, '2024');
await cp('data/2024', edition, { recursive: true });
const article = path.join(edition, 'articles/radiologues.md');
const original = await readFile(article, 'utf8');

const child = spawn(process.execPath, ['bin/enquete.js', 'preview', edition, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let stdout = '';
let stderr = '';
child.stdout.on('data', (d) => {
  stdout += d;
});
child.stderr.on('data', (d) => {
  stderr += d;
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(test, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const got = await test();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out; preview said:\n${stderr}`);
    await sleep(5);
  }
}
/** Lines saying every output is ready: the build after a save is over. */
const allReady = () => (stderr.match(/^\S+ {2}.*(every output|tous les fichiers)/gm) ?? []).length;

const origin = new URL(await until(() => stdout.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0])).origin;
const web = `${origin}/radiologues/enquete.html`;
await until(() => allReady() >= 1);

/** One save: ms from writing the file to the served page holding `word`, and to every output ready. */
async function save(n) {
  const word = `Témoin${n}`;
  const ready = allReady();
  const start = performance.now();
  await writeFile(article, original.replace('Voici ce qu', `${word} Voici ce qu`));
  await until(async () => (await (await fetch(web)).text()).includes(word));
  const page = performance.now() - start;
  return {
    page,
    all: async () => {
      await until(() => allReady() > ready);
      return performance.now() - start;
    },
  };
}

await save(-1).then((s) => s.all()); // unmeasured
const quiet = [];
const all = [];
for (let i = 0; i < RUNS; i++) {
  const s = await save(i);
  quiet.push(s.page);
  all.push(await s.all());
  await sleep(300);
}
const busy = [];
for (let i = 0; i < RUNS; i++) {
  const s = await save(100 + i);
  busy.push(s.page);
  await sleep(400);
}
const after = load();
child.kill('SIGINT');
await new Promise((r) => child.on('exit', r));

const ms = (x) => `${Math.round(x)} ms`;
const max = (xs) => Math.max(...xs);
const loadText = `${before} → ${after}${Number(before) > 1 ? ' (under load)' : ''}`;
record({
  benchmark: 'preview: edit to served page',
  runs: RUNS,
  load: loadText,
  floor: ['bar', BAR_MS],
  measured: [
    'saves when idle',
    median(quiet),
    `max ${ms(max(quiet))}; saves 400 ms apart ${ms(median(busy))}, max ${ms(max(busy))}`,
  ],
  result: `every output ${ms(median(all))}; ${median(quiet) < BAR_MS && median(busy) < BAR_MS ? 'bar met' : 'bar not met'}`,
});
await rm(work, { recursive: true, force: true });
