#!/usr/bin/env node
/**
 * The performance bar: building one article of the 2024 edition (its PDF,
 * web article, CMS fragment, newsletter, social cards and the edition
 * files) against merely printing
 * its finished print page with Chromium (bench/print-only.mjs). Fresh
 * processes, run alternately; medians and their ratio (the bar is 1.25).
 *
 *   npm run bench            # RUNS=7 by default; check `uptime` first: run it on a quiet machine
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeArticles } from '../dist/compose/compose.js';
import { silentLog } from '../dist/log.js';
import { printPdfRecipe } from '../dist/outputs/recipes/print-pdf.js';
import { recipePage } from '../dist/outputs/run.js';
import { startWorker } from '../dist/worker/client.js';
import { interleaved, record } from './timing.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const edition = 'data/2024';
const article = 'manipulateurs_cadres';
const work = await mkdtemp(path.join(tmpdir(), 'enquete-bench-'));
const page = path.join(work, 'print.html');
const worker = startWorker();
const { builds } = await composeArticles({ editionFolder: edition, article }, worker, silentLog);
await worker.stop();
// The print page exactly as the build prints it.
await writeFile(page, recipePage(builds[0], printPdfRecipe));

const {
  medians: [build, print],
  load,
} = interleaved(
  [
    {
      name: 'build',
      args: [
        'bin/enquete.js',
        'build',
        edition,
        '--article',
        article,
        '--out',
        path.join(work, 'out'),
      ],
    },
    { name: 'print only', args: ['bench/print-only.mjs', page, path.join(work, 'print.pdf')] },
  ],
  RUNS,
);
const ratio = build / print;
record({
  benchmark: 'build vs print',
  runs: RUNS,
  load,
  floor: ['print only', print],
  measured: ['build', build],
  result: `ratio ${ratio.toFixed(2)} (bar 1.25: ${ratio <= 1.25 ? 'met' : 'not met'})`,
});
await rm(work, { recursive: true, force: true });
