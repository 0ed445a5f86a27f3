/**
 * Config, export, figures: what `enquete figures` prints and every build
 * starts from. Kept apart from the build so that reading and counting load
 * no browser, template or chart library.
 *
 *   edition.yaml ─► loadEdition ─► ingestEdition ─► buildFigures ─► figures
 *   responses.csv ─────────────────────┘                                  │
 *   previous edition (edition.previous): the same three steps ─► changeFigures
 */
import path from 'node:path';
import { changeFigures } from './analysis/change.js';
import { comparability } from './analysis/comparability.js';
import { type Comparer, ResponseComparer } from './analysis/compare.js';
import { buildFigures, type Figure } from './analysis/figures.js';
import { Membership } from './analysis/segments.js';
import { CHART_KINDS } from './charts/kinds/index.js';
import { CONFIG_FILE, type Edition, hasEditionConfig, loadEdition } from './edition/load.js';
import { InputError } from './errors.js';
import type { Ingested } from './ingest/ingest.js';
import { ingestEdition } from './ingest/ingest.js';
import type { Log } from './log.js';
import { config as configSays, language, stages, tasks, where } from './messages/index.js';

export interface Analysed {
  edition: Edition;
  ingested: Ingested;
  /** This edition's figures, then the change figures when there is a previous edition. */
  figures: Figure[];
  /** Compares two of this edition's figures from the respondents behind them. */
  comparer: Comparer;
  /** Who is in each segment, worked out once for the figures and whatever reads the respondents again. */
  membership: Membership;
  previous?: PreviousEdition;
}

/** The edition named by `edition.previous`, analysed by the same code from its own config and export. */
export interface PreviousEdition {
  edition: Edition;
  ingested: Ingested;
  figures: Figure[];
  membership: Membership;
}

/** Past this many rows, a terminal shows how the reading goes. */
const PROGRESS_FROM_ROWS = 50_000;

export async function analyseEdition(editionFolder: string, log: Log): Promise<Analysed> {
  const edition = await log.stage(stages.readConfig, () => loadEdition(editionFolder, CHART_KINDS));
  const started = performance.now();
  const rate = new Intl.NumberFormat(language() === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 0,
  });
  const ingested = await log.stage(stages.readResponses, () =>
    ingestEdition(edition, {
      progress: (rows) => {
        if (rows < PROGRESS_FROM_ROWS) return;
        const perSecond = rows / ((performance.now() - started) / 1000);
        log.progress(stages.rowsRead(rate.format(rows), rate.format(perSecond)));
      },
    }),
  );
  const membership = new Membership(edition.config, ingested.responses);
  const figures = await log.stage(stages.computeFigures, () =>
    buildFigures(edition.config, ingested.responses, membership),
  );
  const comparer = new ResponseComparer(edition.config, ingested.responses, membership);
  const before = edition.config.edition.previous;
  if (before === undefined) return { edition, ingested, figures, comparer, membership };
  const previous = await log.stage(stages.readPrevious, () =>
    analysePrevious(path.resolve(editionFolder, before), edition, before),
  );
  const changes = changeFigures(
    figures,
    previous.figures,
    previous.edition.config.edition.id,
    comparability(edition.config, previous.edition.config),
  );
  return {
    edition,
    ingested,
    figures: [...figures, ...changes],
    previous,
    comparer,
    membership,
  };
}

/** Its own config, export and figures; its own `previous` is not followed (one year back is the comparison). */
async function analysePrevious(
  folder: string,
  current: Edition,
  written: string,
): Promise<PreviousEdition> {
  if (path.resolve(folder) === path.resolve(current.folder) || !hasEditionConfig(folder)) {
    throw new InputError(tasks.readConfig, [
      {
        file: current.configFile,
        ...current.locate(['edition', 'previous']),
        where: where.key('edition.previous'),
        ...configSays.previousMissing(
          current.folder,
          CONFIG_FILE,
          written,
          path.resolve(folder) === path.resolve(current.folder),
        ),
      },
    ]);
  }
  const edition = await loadEdition(folder, CHART_KINDS);
  const ingested = await ingestEdition(edition);
  const membership = new Membership(edition.config, ingested.responses);
  const figures = buildFigures(edition.config, ingested.responses, membership);
  return { edition, ingested, figures, membership };
}
