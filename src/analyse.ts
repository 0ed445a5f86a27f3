/**
 * Config, export, figures: what `enquete figures` prints and every build
 * starts from. Kept apart from the build so that reading and counting load
 * no browser, template or chart library.
 *
 *   edition.yaml ─► loadEdition ─► ingestEdition ─► buildFigures ─► figures
 *   responses.csv ─────────────────────┘
 */
import { buildFigures, type Figure } from './analysis/figures.js';
import { CHART_KINDS } from './charts/kinds/index.js';
import { type Edition, loadEdition } from './edition/load.js';
import type { Ingested } from './ingest/ingest.js';
import { ingestEdition } from './ingest/ingest.js';
import type { Log } from './log.js';

export interface Analysed {
  edition: Edition;
  ingested: Ingested;
  figures: Figure[];
}

/** Past this many rows, a terminal shows how the reading goes. */
const PROGRESS_FROM_ROWS = 50_000;

export async function analyseEdition(editionFolder: string, log: Log): Promise<Analysed> {
  const edition = await log.stage('Read edition config', () =>
    loadEdition(editionFolder, CHART_KINDS),
  );
  const started = performance.now();
  const rate = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
  const ingested = await log.stage('Read responses', () =>
    ingestEdition(edition, {
      progress: (rows) => {
        if (rows < PROGRESS_FROM_ROWS) return;
        const perSecond = rows / ((performance.now() - started) / 1000);
        log.progress(
          `Read responses: ${rate.format(rows)} rows (${rate.format(perSecond)} rows/s)`,
        );
      },
    }),
  );
  const figures = await log.stage('Compute figures', () =>
    buildFigures(edition.config, ingested.responses),
  );
  return { edition, ingested, figures };
}
