#!/usr/bin/env node
/**
 * One side of bench/weights.mjs, in a fresh process: the edition's config
 * and export read as `enquete figures` reads them, then the raking alone,
 * timed (once to warm up, then measured): "rake-ms: N" on stderr, with
 * how many respondents were raked. Uses dist/.
 *
 *   node bench/weights-rake.mjs <weighted edition folder>
 */
import { rake } from '../dist/analysis/weights.js';
import { CHART_KINDS } from '../dist/charts/kinds/index.js';
import { loadEdition } from '../dist/edition/load.js';
import { ingestEdition } from '../dist/ingest/ingest.js';

const [folder] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node bench/weights-rake.mjs <weighted edition folder>');
  process.exit(2);
}
const edition = await loadEdition(folder, CHART_KINDS);
const { responses } = await ingestEdition(edition);
rake(edition.config, responses);
const started = performance.now();
const raking = rake(edition.config, responses);
const ms = performance.now() - started;
if (!raking?.ok) throw new Error('the edition is not weighted, or its targets cannot be met');
process.stderr.write(
  `rake-ms: ${ms.toFixed(2)}\nraked: ${raking.weights.raked} of ${responses.count}\n`,
);
