/**
 * Config, export, figures: what `enquete figures` prints and every build
 * starts from. Kept apart from the build so that reading and counting load
 * no browser, template or chart library.
 *
 *   edition.yaml ─► loadEdition ─► ingestEdition ─► buildFigures ─► figures
 *   responses.csv ─────────────────────┘                                  │
 *   previous edition (edition.previous): the same three steps ─► changeFigures
 *   and its previous, back to the first edition: the same ──────► seriesFigures
 *
 * Each past edition is analysed once per process and remembered by the
 * content of its config and export, so a preview that re-reads this
 * edition's export after a save does not read the past ones again.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { changeFigures } from './analysis/change.js';
import { comparability } from './analysis/comparability.js';
import { type Comparer, ResponseComparer } from './analysis/compare.js';
import { buildFigures, type Figure } from './analysis/figures.js';
import { Membership } from './analysis/segments.js';
import { seriesFigures } from './analysis/series.js';
import { type Weights, weighEdition } from './analysis/weights.js';
import type { CheckedConfigs } from './edition/checked-config.js';
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
  /** Every edition of the `previous` chain before this one, oldest first: `previous` is the last. */
  history: readonly PreviousEdition[];
  /** The respondents' weights, when edition.yaml weights the figures (`weighting:`). */
  weighting?: Weights;
}

/** An edition of the `previous` chain, analysed by the same code from its own config and export. */
export interface PreviousEdition {
  edition: Edition;
  ingested: Ingested;
  figures: Figure[];
  membership: Membership;
  weighting?: Weights;
}

/** Past this many rows, a terminal shows how the reading goes. */
const PROGRESS_FROM_ROWS = 50_000;

/** The chart kinds whose options a config is checked against: loaded (with the schema library) only to check one. */
const KINDS = new URL('./charts/kinds/index.js', import.meta.url);
const chartKinds = async () => (await import('./charts/kinds/index.js')).CHART_KINDS;

export interface AnalyseOptions {
  /** The cache folder, where configs checked before are kept (worker/cache.ts); none: every config is checked. */
  cache?: string;
}

export async function analyseEdition(
  editionFolder: string,
  log: Log,
  options: AnalyseOptions = {},
): Promise<Analysed> {
  const load = (folder: string) => loadEdition(folder, chartKinds, { checked: checkedIn(options) });
  const edition = await log.stage(stages.readConfig, () => load(editionFolder));
  const ingested = await log.stage(stages.readResponses, () => readResponses(edition, log));
  const weighting = weighEdition(edition, ingested.responses);
  const weights = weighting?.weights ?? null;
  const membership = new Membership(edition.config, ingested.responses);
  const figures = await log.stage(stages.computeFigures, () =>
    buildFigures(edition.config, ingested.responses, membership, weights),
  );
  const comparer = new ResponseComparer(edition.config, ingested.responses, membership, weights);
  const past = await loadChain(edition, load);
  const previous = past.at(-1);
  if (previous === undefined)
    return {
      edition,
      ingested,
      figures,
      comparer,
      membership,
      history: [],
      ...(weighting && { weighting }),
    };
  const history = await log.stage(stages.readPast(past.length), () =>
    Promise.all(past.map(analysePast)),
  );
  const last = history.at(-1) as PreviousEdition;
  const changes = changeFigures(
    figures,
    last.figures,
    last.edition.config.edition.id,
    comparability(edition.config, last.edition.config),
  );
  const series = seriesFigures([...history, { edition, figures }].map(figuresOf));
  return {
    edition,
    ingested,
    figures: [...figures, ...changes, ...series],
    ...(weighting && { weighting }),
    previous: last,
    history,
    comparer,
    membership,
  };
}

/** The export read, its progress shown on a terminal past PROGRESS_FROM_ROWS rows. */
function readResponses(edition: Edition, log: Log): Promise<Ingested> {
  const started = performance.now();
  let rate: Intl.NumberFormat | undefined;
  return ingestEdition(edition, {
    progress: (rows) => {
      if (rows < PROGRESS_FROM_ROWS) return;
      const perSecond = rows / ((performance.now() - started) / 1000);
      log.progress(() => {
        rate ??= new Intl.NumberFormat(language() === 'fr' ? 'fr-FR' : 'en-GB', {
          maximumFractionDigits: 0,
        });
        return stages.rowsRead(rate.format(rows), rate.format(perSecond));
      });
    },
  });
}

function checkedIn({ cache }: AnalyseOptions): CheckedConfigs | undefined {
  return cache === undefined ? undefined : { folder: cache, kinds: KINDS };
}

const figuresOf = ({ edition, figures }: { edition: Edition; figures: readonly Figure[] }) => ({
  config: edition.config,
  figures,
});

/**
 * The editions `previous:` names one after the other, back to the first
 * (the one without `previous:`), oldest first: each folder must hold an
 * edition, and none may come back (a chain that loops never ends).
 */
async function loadChain(
  current: Edition,
  load: (folder: string) => Promise<Edition>,
): Promise<Edition[]> {
  const chain: Edition[] = [];
  const seen = [path.resolve(current.folder)];
  let from = current;
  for (let written = from.config.edition.previous; written !== undefined; ) {
    const folder = path.resolve(from.folder, written);
    const itself = folder === path.resolve(from.folder);
    if (itself || !hasEditionConfig(folder))
      throw previousProblem(
        from,
        configSays.previousMissing(from.folder, CONFIG_FILE, written, itself),
      );
    if (seen.includes(folder)) {
      const loop = [...seen.slice(seen.indexOf(folder)), folder].map(shown);
      throw previousProblem(from, configSays.previousCycle(written, loop));
    }
    seen.push(folder);
    from = await load(folder);
    chain.unshift(from);
    written = from.config.edition.previous;
  }
  return chain;
}

/** A problem with an edition's `previous:`, located in its config. */
function previousProblem(
  edition: Edition,
  said: { expected: string; found: string; fix: string },
): InputError {
  return new InputError(tasks.readConfig, [
    {
      file: edition.configFile,
      ...edition.locate(['edition', 'previous']),
      where: where.key('edition.previous'),
      ...said,
    },
  ]);
}

/** A folder as the editor would type it from here: relative within the project, else whole. */
function shown(folder: string): string {
  const relative = path.relative(process.cwd(), folder);
  return relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative || '.';
}

/** Past editions analysed in this process, by folder and content; the last few are kept. */
const analysedBefore = new Map<string, Promise<PreviousEdition>>();
const REMEMBERED = 8;

/** Its own config, export and figures, analysed once for as long as neither changes. */
async function analysePast(edition: Edition): Promise<PreviousEdition> {
  const key = await contentKey(edition);
  if (key === null) return analyse(edition);
  let made = analysedBefore.get(key);
  if (!made) {
    made = analyse(edition);
    analysedBefore.set(key, made);
    // A failure is said now, and the next run tries again.
    made.catch(() => analysedBefore.delete(key));
    for (const old of analysedBefore.keys())
      if (analysedBefore.size > REMEMBERED) analysedBefore.delete(old);
  }
  return made;
}

async function analyse(edition: Edition): Promise<PreviousEdition> {
  const ingested = await ingestEdition(edition);
  const weighting = weighEdition(edition, ingested.responses);
  const membership = new Membership(edition.config, ingested.responses);
  const figures = buildFigures(edition.config, ingested.responses, membership, weighting?.weights);
  return { edition, ingested, figures, membership, ...(weighting && { weighting }) };
}

/** The edition's folder, config text and export bytes, hashed; null when the export cannot be read (ingest says why). */
async function contentKey(edition: Edition): Promise<string | null> {
  const hash = createHash('sha256').update(
    `${path.resolve(edition.folder)}\0${edition.configText}\0`,
  );
  try {
    for await (const chunk of createReadStream(
      path.join(edition.folder, edition.config.source.file),
    ))
      hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}
