/**
 * The export file -> the kept responses, column by column, and the
 * reconciliation of every row. The file streams through once: each row is
 * read into the columns, then kept or excluded (with its reason) before the
 * next arrives. Data problems are collected over the whole file and reported
 * together; a header that does not match the codebook stops at once.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Edition } from '../edition/load.js';
import type { EditionConfig } from '../edition/schema.js';
import { InputError, type Problem } from '../errors.js';
import { ingest as say, tasks, where } from '../messages/index.js';
import { AnswerRows, type Column, columnFor, type Responses, type TimeColumn } from './columns.js';
import { ExclusionRules } from './exclusions.js';
import { mapHeader } from './header.js';
import { type ExportBytes, fileBytes, type RecordSink, readExport } from './read-export.js';
import type { Exclusion, Reconciliation } from './types.js';

export interface Ingested {
  responses: Responses;
  reconciliation: Reconciliation;
}

/** Problems listed in full; past these, a file is wrong throughout and more would only scroll. */
const MOST_PROBLEMS = 100;

export interface IngestOptions {
  /** Called every few thousand rows with the number read so far (for a progress line). */
  progress?: (rows: number) => void;
}

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
  let reading: ResponseReader | undefined;
  await readExport(bytes instanceof Uint8Array ? () => [bytes] : bytes, file, () => {
    reading = new ResponseReader(file, config, configFile, options);
    return reading;
  });
  return (reading as ResponseReader).result();
}

/** Receives the export's records and fills the columns, row by row. */
class ResponseReader implements RecordSink {
  private width = 0;
  /** For each question, in codebook order: its column in the export and its column of answers. */
  private readers: { at: number; column: Column }[] = [];
  private time!: TimeColumn;
  private rules!: ExclusionRules;
  private answers!: AnswerRows;
  private capacity = 1024;
  private lines = new Uint32Array(this.capacity);
  private kept = 0;
  private rowsIn = 0;
  private readonly excluded: Exclusion[] = [];
  private readonly problems: Problem[] = [];
  private omitted = 0;

  constructor(
    private readonly file: string,
    private readonly config: EditionConfig,
    private readonly configFile: string,
    private readonly options: IngestOptions,
  ) {}

  header(cells: string[]): void {
    const mapped = mapHeader(cells, this.config, this.file, this.configFile);
    if (Array.isArray(mapped)) throw new InputError(tasks.readResponses, mapped);
    this.width = cells.length;
    this.readers = this.config.questions.map((q) => ({
      at: mapped.columnOf.get(q.id) as number,
      column: columnFor(q, this.config.edition.timezone, this.capacity),
    }));
    const columns = this.readers.map((r) => r.column);
    this.time = columns.find((c) => c.kind === 'time') as TimeColumn;
    this.answers = new AnswerRows(columns);
    this.rules = new ExclusionRules(
      this.config,
      this.answers,
      this.time,
      (slot) => this.lines[slot] as number,
    );
  }

  row(cells: string[], line: number): void {
    // A line holding only spaces is not a record (trailing blank lines of hand-edited files).
    if (cells.length === 1 && cells[0]?.trim() === '') return;
    this.rowsIn++;
    if (this.options.progress && this.rowsIn % 16_384 === 0) this.options.progress(this.rowsIn);
    if (cells.length !== this.width) {
      this.problem({
        file: this.file,
        line,
        ...say.fieldCount(this.width, cells.length),
      });
      return;
    }
    const slot = this.kept;
    if (slot === this.capacity) this.grow();
    this.lines[slot] = line;
    let readable = true;
    let timeRead = true;
    for (const { at, column } of this.readers) {
      const failure = column.write(slot, cells[at] ?? '');
      if (failure === null) continue;
      readable = false;
      timeRead &&= column !== this.time;
      this.problem({
        file: this.file,
        line,
        where: where.questionColumn(column.question.id, column.question.header),
        expected: failure.expected,
        found: failure.found,
        fix: failure.fix,
      });
    }
    if (timeRead && Number.isNaN(this.time.epochMs[slot]) && !this.answers.blank(slot)) {
      readable = false;
      this.problem({
        file: this.file,
        line,
        where: where.questionColumn(this.time.question.id, this.time.question.header),
        ...say.blankTimestamp(),
      });
    }
    // Once the file has a problem nothing will be counted: rows are only checked for more problems.
    const exclusion = readable && this.problems.length === 0 ? this.rules.check(slot) : null;
    if (exclusion) this.excluded.push(exclusion);
    if (exclusion || this.problems.length > 0) {
      for (const r of this.readers) r.column.clear(slot);
    } else {
      this.kept++;
    }
  }

  result(): Ingested {
    if (this.problems.length > 0)
      throw new InputError(tasks.readResponses, this.problems, { omitted: this.omitted });
    if (this.rowsIn === 0) {
      throw new InputError(tasks.readResponses, [{ file: this.file, ...say.headerOnly() }]);
    }
    if (this.kept === 0) {
      const reasons = [...new Set(this.excluded.map((e) => e.detail))].slice(0, 3).join('; ');
      throw new InputError(tasks.readResponses, [
        { file: this.file, ...say.allExcluded(this.rowsIn, reasons, this.configFile) },
      ]);
    }
    for (const r of this.readers) r.column.finish(this.kept);
    return {
      responses: {
        count: this.kept,
        lines: this.lines.slice(0, this.kept),
        columns: new Map(this.readers.map((r) => [r.column.question.id, r.column])),
        timestamp: this.time,
      },
      reconciliation: {
        file: this.file,
        rowsIn: this.rowsIn,
        kept: this.kept,
        excluded: this.excluded,
      },
    };
  }

  private problem(p: Problem): void {
    if (this.problems.length < MOST_PROBLEMS) this.problems.push(p);
    else this.omitted++;
  }

  private grow(): void {
    this.capacity *= 2;
    const lines = new Uint32Array(this.capacity);
    lines.set(this.lines);
    this.lines = lines;
    for (const r of this.readers) r.column.grow(this.capacity);
  }
}
