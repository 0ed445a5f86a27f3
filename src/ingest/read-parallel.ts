/**
 * A large export read on two threads. This thread reads the header and the
 * first part (a little more than half); a worker (scan-worker.ts) reads the
 * rest, from a record that starts near the cut, into columns of its own, which it
 * hands back (their buffers moved, not copied) to be appended after the
 * first part's. Rows are then kept or excluded in file order, by this
 * thread, exactly as when one thread reads the whole file.
 *
 * Where a record starts cannot be known from the middle of a CSV file: a
 * line break may be inside a quoted cell. The cut is taken at a line break
 * after which several records of the header's width follow; then this
 * thread, reading from the start, checks that its last record ends exactly
 * there. If it does not, the cut was inside a cell: this thread reads on to
 * the end and the worker's rows are dropped (a second read of the rest of
 * the file, never a wrong count).
 *
 * Below PARALLEL_FROM_BYTES a second thread costs more (its start, about a
 * tenth of a second) than it saves; with one core, it saves nothing.
 */

import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EditionConfig } from '../edition/schema.js';
import { InputError, type Problem } from '../errors.js';
import { tasks } from '../messages/index.js';
import { DECLINE, Fields, fieldText, lineEndingOf, NEED_MORE, scanRecord } from './csv-scan.js';
import { detectDelimiter, type ExportBytes } from './read-export.js';
import { type IngestOptions, type ReadPart, ResponseReader } from './response-reader.js';
import { fileSource, type Layout, scanFirstPart } from './scan-export.js';

export const PARALLEL_FROM_BYTES = 32 << 20;

/** What the worker is asked to read. */
export interface PartJob {
  path: string;
  name: string;
  from: number;
  config: EditionConfig;
  configFile: string;
  header: string[];
  layout: Layout;
  /** About how many rows it will read: room for them from the start. */
  expectedRows: number;
}

/** What the worker answers. */
export type PartReply =
  | { read: ReadPart }
  | { declined: true }
  | { problems: Problem[]; omitted: number };

/**
 * The head of an export read from a file (its first megabyte): null for
 * bytes not from a file, or a head the scanner would not read.
 */
export async function exportHead(source: ExportBytes): Promise<Head | null> {
  const path = (source as { file?: string }).file;
  return path === undefined ? null : headOf(path);
}

/**
 * The export read on two threads, or 'declined' when the scanner declines it
 * (csv-parse is to read it), or null when it is not worth two threads (a
 * small file, one core).
 */
export async function readInParallel(
  head: Head,
  name: string,
  config: EditionConfig,
  configFile: string,
  options: IngestOptions,
): Promise<ResponseReader | 'declined' | null> {
  const { path } = head;
  if (availableParallelism() < 2 || head.size < parallelFrom()) return null;
  const from = await recordStartNear(path, head);
  if (from === null) return null;
  const worker = startPart({
    path,
    name,
    from,
    config,
    configFile,
    header: head.header,
    layout: head.layout,
    expectedRows: ((head.size - from) / head.size) * head.rows * 1.02,
  });
  // Room for every row: the worker's are appended after this thread's.
  const reader = new ResponseReader(name, config, configFile, options, head.rows * 1.02);
  let end: Awaited<ReturnType<typeof scanFirstPart>>;
  try {
    end = await scanFirstPart(fileSource(path, 0, from), name, reader);
  } catch (e) {
    await worker.stop();
    throw e;
  }
  if (end === null || end.readOn) {
    await worker.stop();
    return end === null ? 'declined' : reader;
  }
  const reply = await worker.reply;
  if ('declined' in reply) return 'declined';
  if ('problems' in reply) {
    throw new InputError(tasks.readResponses, reply.problems, { omitted: reply.omitted });
  }
  reader.append(reply.read, end.breaks);
  return reader;
}

/** The size from which two threads read a file: an environment variable may lower it (for tests) or raise it. */
function parallelFrom(): number {
  const set = Number(process.env.ENQUETE_PARALLEL_FROM);
  return Number.isFinite(set) && set > 0 ? set : PARALLEL_FROM_BYTES;
}

export interface Head {
  path: string;
  size: number;
  header: string[];
  layout: Layout;
  /** About how many records the file has, from how long those of its first megabyte are. */
  rows: number;
}

/** The file's size, header and layout, from its first megabyte; null when the scanner would not read it. */
async function headOf(path: string): Promise<Head | null> {
  const bytes = await readAt(path, 0, 1 << 20);
  const { size } = bytes;
  const ending = lineEndingOf(bytes.bytes, 0, bytes.bytes.length);
  if (ending !== 'lf' && ending !== 'crlf') return null;
  const bom = bytes.bytes[0] === 0xef && bytes.bytes[1] === 0xbb && bytes.bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  const text = new TextDecoder().decode(bytes.bytes.subarray(start, start + (1 << 16)));
  const layout: Layout = { delimiter: detectDelimiter(text).charCodeAt(0), ending };
  const fields = new Fields();
  const end = scanRecord(
    bytes.bytes,
    start,
    bytes.bytes.length,
    layout.delimiter,
    ending,
    false,
    fields,
  );
  if (end < 0) return null;
  const decoder = new TextDecoder();
  const header = Array.from({ length: fields.count }, (_, k) =>
    fieldText(bytes.bytes, fields, k, decoder),
  );
  let p = end;
  let records = 0;
  for (;;) {
    const next = scanRecord(
      bytes.bytes,
      p,
      bytes.bytes.length,
      layout.delimiter,
      ending,
      false,
      fields,
    );
    if (next < 0) break;
    p = next;
    records++;
  }
  const rows = records > 0 ? ((size - end) / (p - end)) * records : 0;
  return { path, size, header, layout, rows };
}

/**
 * The share of the file this thread reads. More than half: the worker
 * starts later (its thread and modules take 0.1 to 0.15 s to load on two
 * busy cores) and its code warms up on its own. On 10⁶ rows, with even
 * halves, this thread waited 0.25 to 0.55 s for the worker's reply; with
 * this share, 0.06 to 0.1 s, and still 0.05 s at 65 %. Shares from 52 to
 * 65 % made no difference the runs' noise did not hide.
 */
const FIRST_PART_SHARE = 0.55;

/** Records that must follow a line break, each of the header's width, for a cut to be taken there. */
const RECORDS_AFTER_CUT = 4;

/**
 * A line break near FIRST_PART_SHARE of the file after which
 * RECORDS_AFTER_CUT records of the header's width follow: where the second
 * thread starts.
 */
async function recordStartNear(path: string, head: Head): Promise<number | null> {
  const middle = Math.floor(head.size * FIRST_PART_SHARE);
  const { bytes } = await readAt(path, middle, 1 << 20);
  const fields = new Fields();
  for (let lf = bytes.indexOf(0x0a); lf >= 0; lf = bytes.indexOf(0x0a, lf + 1)) {
    let p = lf + 1;
    let records = 0;
    while (records < RECORDS_AFTER_CUT) {
      const next = scanRecord(
        bytes,
        p,
        bytes.length,
        head.layout.delimiter,
        head.layout.ending,
        false,
        fields,
      );
      if (next === DECLINE || next === NEED_MORE || fields.count !== head.header.length) break;
      p = next;
      records++;
    }
    if (records === RECORDS_AFTER_CUT) return middle + lf + 1;
  }
  return null;
}

async function readAt(
  path: string,
  position: number,
  length: number,
): Promise<{ bytes: Uint8Array; size: number }> {
  const handle = await open(path);
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(Math.max(0, Math.min(length, size - position)));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, position);
    return { bytes: bytes.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/**
 * The worker's module. Under the tests the sources are TypeScript: the
 * worker then registers tsx (a development dependency) before loading it.
 */
function workerModule(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./scan-worker.js', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./scan-worker.ts', import.meta.url).href;
  // tsx's disk cache would be left in the temporary folder, which the tests keep empty.
  const code = `process.env.TSX_DISABLE_CACHE = '1'; const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** The worker reading the file from `job.from` to its end. */
function startPart(job: PartJob): { reply: Promise<PartReply>; stop(): Promise<void> } {
  const worker = new Worker(workerModule(), { workerData: job });
  const reply = new Promise<PartReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the reading thread exited with code ${code}`)));
  });
  // A reply not awaited (the first part read on to the end) must not be an unhandled rejection.
  reply.catch(() => {});
  return {
    reply,
    stop: async () => {
      await worker.terminate();
    },
  };
}
