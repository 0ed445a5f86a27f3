/**
 * The whole build, one call per stage:
 *
 *   data/<edition>/edition.yaml ─► loadEdition ─► ingestEdition ─► buildFigures ─┐
 *   data/<edition>/responses.csv ───────────────────────┘                        │
 *                                                                                ▼
 *   output/<edition>/  ◄─ swapIn ◄─ writeInto(staging) ◄─ figures.json, reconciliation.json
 *
 * Nothing reaches the output folder unless every stage succeeded.
 */
import path from 'node:path';
import { buildFigures, type Figure } from './analysis/figures.js';
import { type Edition, loadEdition } from './edition/load.js';
import { ingestEdition } from './ingest/ingest.js';
import type { Ingested } from './ingest/types.js';
import type { Log } from './log.js';
import {
  discard,
  type OutputFile,
  sizes,
  stagingFolder,
  swapIn,
  type Written,
  writeInto,
} from './outputs/write.js';

export interface BuildOptions {
  editionFolder: string;
  outFolder?: string;
}

export interface Analysed {
  edition: Edition;
  ingested: Ingested;
  figures: Figure[];
}

export async function analyseEdition(editionFolder: string, log: Log): Promise<Analysed> {
  const edition = await log.stage('Read edition config', () => loadEdition(editionFolder));
  const ingested = await log.stage('Read responses', () => ingestEdition(edition));
  const figures = await log.stage('Compute figures', () =>
    buildFigures(edition.config, ingested.responses),
  );
  return { edition, ingested, figures };
}

export async function buildEdition(options: BuildOptions, log: Log): Promise<Written[]> {
  const target = options.outFolder ?? defaultOutFolder(options.editionFolder);
  const analysed = await analyseEdition(options.editionFolder, log);
  const files: OutputFile[] = [
    { name: 'figures.json', content: `${JSON.stringify(analysed.figures, null, 2)}\n` },
    {
      name: 'reconciliation.json',
      content: `${JSON.stringify(analysed.ingested.reconciliation, null, 2)}\n`,
    },
  ];
  const staging = await stagingFolder(target);
  try {
    await log.stage('Write outputs', () => writeInto(staging, files));
    await swapIn(staging, target);
  } catch (e) {
    await discard(staging);
    throw e;
  }
  return sizes(target, files);
}

export function defaultOutFolder(editionFolder: string): string {
  return path.join('output', path.basename(path.resolve(editionFolder)));
}
