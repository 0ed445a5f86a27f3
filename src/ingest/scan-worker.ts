/**
 * The second thread of read-parallel.ts: reads the export from a record
 * near 55 % of it to its end into columns of its own, and sends them back,
 * their buffers moved rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { partBuffers } from './column-base.js';
import type { PartJob, PartReply } from './read-parallel.js';
import { ResponseReader } from './response-reader.js';
import { fileSource, scanPart } from './scan-export.js';

const job = workerData as PartJob;
const port = parentPort as NonNullable<typeof parentPort>;

const reader = new ResponseReader(job.name, job.config, job.configFile, {}, job.expectedRows);
reader.header(job.header);
try {
  const read = await scanPart(
    fileSource(job.path, job.from),
    job.name,
    reader,
    job.layout,
    job.from,
  );
  if (!read) port.postMessage({ declined: true } satisfies PartReply);
  else {
    const part = reader.part();
    const buffers = new Set([
      part.lines.buffer,
      part.blanks.buffer,
      part.hashes.buffer,
      ...part.columns.flatMap(partBuffers),
    ]);
    port.postMessage({ read: part } satisfies PartReply, [...buffers] as ArrayBuffer[]);
  }
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  port.postMessage({ problems: [...e.problems], omitted: e.omitted } satisfies PartReply);
}
