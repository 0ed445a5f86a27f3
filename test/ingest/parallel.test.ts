/**
 * The three ways an export is read give the same responses: csv-parse (the
 * reference, and the reader of whatever the scanner declines), the byte
 * scanner on one thread, and the scanner on two threads (read-parallel.ts),
 * on an export of 10⁴ responses made from the 2024 rows
 * (bench/generate-export.mjs) and on one whose middle falls inside a
 * quoted cell holding lines that look like records.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFigures } from '../../src/analysis/figures.js';
import { freeText } from '../../src/analysis/free-text.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { loadEdition } from '../../src/edition/load.js';
import { ingestEdition } from '../../src/ingest/ingest.js';
import { fileBytes, readExport } from '../../src/ingest/read-export.js';
import { ResponseReader } from '../../src/ingest/response-reader.js';
import { scratch } from '../helpers/scratch.js';

/** How one read turned out, in a form to compare: every figure, the reconciliation, the free text. */
async function outcome(folder: string, read: 'csv-parse' | 'one thread' | 'two threads') {
  const edition = await loadEdition(folder, CHART_KINDS);
  process.env.ENQUETE_PARALLEL_FROM = read === 'two threads' ? '1' : String(2 ** 50);
  let ingested: Awaited<ReturnType<typeof ingestEdition>>;
  if (read === 'csv-parse') {
    const file = path.join(folder, edition.config.source.file);
    let reader: ResponseReader | undefined;
    await readExport(fileBytes(file), file, () => {
      reader = new ResponseReader(file, edition.config, edition.configFile, {});
      return reader;
    });
    ingested = (reader as ResponseReader).result();
  } else ingested = await ingestEdition(edition);
  const { responses, reconciliation } = ingested;
  return {
    figures: buildFigures(edition.config, responses),
    reconciliation,
    lines: [...responses.lines],
    freeText: freeText(edition.config, responses).map((g) => g.items),
  };
}

afterEach(() => {
  delete process.env.ENQUETE_PARALLEL_FROM;
});

describe('reading an export on one thread or two', () => {
  it('gives csv-parse’s responses, figures and free text on 10⁴ responses', async () => {
    const folder = scratch('parallel');
    cpSync('data/2024', folder, { recursive: true });
    const made = spawnSync(process.execPath, [
      'bench/generate-export.mjs',
      '10000',
      path.join(folder, 'responses.csv'),
    ]);
    expect(made.status).toBe(0);
    const reference = await outcome(folder, 'csv-parse');
    expect(reference.reconciliation.kept).toBe(10_000);
    expect(await outcome(folder, 'one thread')).toEqual(reference);
    expect(await outcome(folder, 'two threads')).toEqual(reference);
  });

  it('reads on past a cut that falls inside a quoted cell', async () => {
    const folder = scratch('parallel-cut');
    cpSync('data/2024', folder, { recursive: true });
    const header =
      '"Horodateur","Quelle est votre profession ?","Dans quel secteur exercez-vous ?","Utilisez-vous l\'intelligence artificielle dans votre pratique ?","À quelle fréquence utilisez-vous l\'IA ?","Pour quels usages ?","Quelle est votre satisfaction globale vis-à-vis des outils d\'IA ? (1 à 10)","Pensez-vous utiliser davantage l\'IA à l\'avenir ?","Quels freins rencontrez-vous ?","Commentaires libres"';
    const row = (minute: number, comment: string) =>
      `"2024/05/02 10:${String(minute).padStart(2, '0')}:00 AM UTC+2","Radiologue","Hospitalier","Non","","","","Oui","Coût des solutions","${comment}"`;
    // A comment of lines that look like rows of the right width, long enough to hold the middle.
    const fake = Array.from({ length: 400 }, () => 'a,b,c,d,e,f,g,h,i,j').join('\n');
    const text = [header, row(1, 'court'), row(2, fake), row(3, 'court aussi')].join('\n');
    writeFileSync(path.join(folder, 'responses.csv'), `${text}\n`);
    const reference = await outcome(folder, 'csv-parse');
    expect(reference.reconciliation.kept).toBe(3);
    expect(await outcome(folder, 'two threads')).toEqual(reference);
  });
});
