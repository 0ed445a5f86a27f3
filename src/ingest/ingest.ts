/**
 * The export file -> the kept responses, column by column, and the
 * reconciliation of every row (response-reader.ts). The file is read once:
 * a workbook by its reader (read-workbook.ts); a CSV scanned as bytes
 * (scan-export.ts), in two halves on two threads when it is large enough to
 * gain by it (read-parallel.ts), or, when the scanner declines it, parsed
 * by csv-parse (read-export.ts).
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Edition } from '../edition/load.js';
import type { EditionConfig } from '../edition/schema.js';
import { InputError } from '../errors.js';
import { ingest as say, tasks } from '../messages/index.js';
import { type ExportBytes, fileBytes, readExport } from './read-export.js';
import { exportHead, readInParallel } from './read-parallel.js';
import { isWorkbook, readWorkbook } from './read-workbook.js';
import { type Ingested, type IngestOptions, ResponseReader } from './response-reader.js';
import { byteSource, scanExport } from './scan-export.js';

export type { Ingested, IngestOptions } from './response-reader.js';

export async function ingestEdition(
  edition: Edition,
  options: IngestOptions = {},
): Promise<Ingested> {
  const file = path.join(edition.folder, edition.config.source.file);
  try {
    await (await open(file)).close();
  } catch {
    throw new InputError(tasks.readResponses, [
      {
        file,
        ...say.noExport(edition.folder, edition.config.source.file, edition.configFile),
      },
    ]);
  }
  if (isWorkbook(file)) {
    const reader = new ResponseReader(file, edition.config, edition.configFile, options);
    const { source } = edition.config;
    return readWorkbook(file, { sheet: source.sheet }, reader, () => reader.result());
  }
  return ingestBytes(fileBytes(file), file, edition.config, edition.configFile, options);
}

/** The same from any source of the export's bytes (a file, or bytes in memory for tests and tools). */
export async function ingestBytes(
  bytes: ExportBytes | Uint8Array,
  file: string,
  config: EditionConfig,
  configFile = 'edition.yaml',
  options: IngestOptions = {},
): Promise<Ingested> {
  const source = bytes instanceof Uint8Array ? () => [bytes] : bytes;
  const head = await exportHead(source);
  const parallel = head && (await readInParallel(head, file, config, configFile, options));
  if (parallel instanceof ResponseReader) return parallel.result();
  // Room for every row from the start (the head's estimate) spares copies as the columns grow.
  const rows = head ? head.rows * 1.02 : undefined;
  let reading = new ResponseReader(file, config, configFile, options, rows);
  if (parallel === null && (await scanExport(byteSource(source), file, reading)))
    return reading.result();
  await readExport(source, file, () => {
    reading = new ResponseReader(file, config, configFile, options);
    return reading;
  });
  return reading.result();
}
