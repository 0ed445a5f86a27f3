#!/usr/bin/env node
/**
 * One side of bench/tables.mjs, run in a fresh process: what `enquete
 * figures` does (config, export, figures, every figure as JSON on stdout),
 * then with `--tables` the survey's tables as the build makes them (the
 * figure index with its comparer, the free text, `surveyTables`: every
 * question by every group of segments, every cell lettered). Uses dist/.
 * Reports on stderr how long the tables took in the process
 * ("tables-ms: N") and how many lettered cells they hold.
 *
 *   node bench/tables-build.mjs <edition folder> [--tables]
 */
import { analyseEdition } from '../dist/analyse.js';
import { freeText } from '../dist/analysis/free-text.js';
import { FigureIndex } from '../dist/format/figure-index.js';
import { consoleLog } from '../dist/log.js';
import { surveyTables } from '../dist/tables/tables.js';

const [folder, option] = process.argv.slice(2);
if (!folder || (option !== undefined && option !== '--tables')) {
  console.error('usage: node bench/tables-build.mjs <edition folder> [--tables]');
  process.exit(2);
}
const analysed = await analyseEdition(folder, consoleLog());
await new Promise((resolve) =>
  process.stdout.write(`${JSON.stringify(analysed.figures, null, 2)}\n`, resolve),
);
if (option === '--tables') {
  const started = performance.now();
  const { edition, ingested, figures, comparer } = analysed;
  const tables = surveyTables({
    config: edition.config,
    index: new FigureIndex(figures, new Map(), comparer),
    freeText: freeText(edition.config, ingested.responses),
    times: ingested.responses.timestamp.epochMs,
    respondents: ingested.responses.count,
  });
  const ms = performance.now() - started;
  const cells = tables.questions
    .flatMap((q) => [q.topline, ...q.crossTabs])
    .flatMap((t) => t.rows.flatMap((r) => r.cells));
  const lettered = cells.filter((c) => c.letters !== '').length;
  process.stderr.write(
    `tables-ms: ${Math.round(ms)}\ntables: ${tables.questions.length} questions, ${cells.length} cells, ${lettered} lettered\n`,
  );
}
