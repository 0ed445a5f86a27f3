#!/usr/bin/env node
/**
 * The build's charts laid out, and nothing else: a fresh Node process
 * starts the build's own drawing thread (the bundle's worker-entry.js, as
 * `enquete build` starts it, loading vega and resvg) and asks it for every
 * chart the build draws (its Vega-Lite spec and widths, taken from the
 * build by bench/floor-inputs.mjs), all in one request (the build asks for
 * the articles' charts at once and the tables' one by one). What vega costs
 * a cold build, which the floor (bench/floor.mjs) does not pay. Given a file
 * with no chart (`[]`), the same process draws nothing: what starting Node
 * and loading the drawing code cost of it.
 *
 *   node bench/draw-charts.mjs <charts.json>
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const jobs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const thread = new Worker(new URL('../dist/bundle/worker-entry.js', import.meta.url), {
  workerData: { role: 'drawing' },
});
const reply = await new Promise((resolve, reject) => {
  thread.once('error', reject);
  thread.once('message', resolve);
  thread.postMessage({ id: 1, kind: 'svg', jobs });
});
if (!reply.ok) throw new Error(reply.message);
const drawn = reply.value.flat().length;
const asked = jobs.reduce((n, job) => n + job.widths.length, 0);
if (drawn !== asked) throw new Error(`${drawn} drawings for the ${asked} asked`);
await thread.terminate();
