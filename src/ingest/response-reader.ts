/**
 * The export's records -> the responses, column by column, and the
 * reconciliation of every row. Each row is read into the columns as it
 * arrives (as text from csv-parse or a workbook, or as bytes from the
 * scanner); once the file is read, every row is kept or excluded (with its
 * reason) in file order. Data problems are collected over the whole file
 * and reported together; a header that does not match the codebook stops
 * at once. A part of the file read by another thread comes back as a
 * `ReadPart` and is appended in its place.
 */
import type { EditionConfig } from '../edition/schema.js';
import { InputError, type Problem } from '../errors.js';
import { ingest as say, tasks, where } from '../messages/index.js';
import { type ColumnPart, grown } from './column-base.js';
import {
  AnswerRows,
  type CellFailure,
  type Column,
  columnFor,
  type Responses,
  type TimeColumn,
} from './columns.js';
import type { Fields } from './csv-scan.js';
import { ExclusionRules } from './exclusions.js';
import { MICROSOFT_NO_ANSWER } from './form-columns.js';
import { mapHeader } from './header.js';
import type { RecordSink } from './read-export.js';
import type { FieldSink } from './scan-export.js';
import type { Exclusion, Reconciliation } from './types.js';

export interface Ingested {
  responses: Responses;
  reconciliation: Reconciliation;
}

export interface IngestOptions {
  /** Called every few thousand rows with the number read so far (for a progress line). */
  progress?: (rows: number) => void;
}

/** Problems listed in full; past these, a file is wrong throughout and more would only scroll. */
const MOST_PROBLEMS = 100;

/**
 * The most memory the responses may take as they are read: a bound that
 * keeps `enquete` within half a gigabyte on any export, with a clear message
 * past it rather than a crash. A million responses of the 2024 survey take
 * about 70 MB (their free text stays in the file: text-column.ts).
 */
const MEMORY_BUDGET = 320 << 20;
/** Bytes per response slot, at most, in the typed columns (a timestamp or score: 8; a mask: 4; a text's place: 17), with its line. */
const slotBytes = (columns: number) => 4 + 17 * columns;

/**
 * Receives the export's records and fills the columns, row by row; once the
 * file is read, decides which rows count (exclusions.ts) and closes the gaps
 * the others leave.
 */
export class ResponseReader implements RecordSink, FieldSink {
  private width = 0;
  /** For each question, in codebook order: its column in the export and its column of answers. */
  private readers: Reader[] = [];
  private time!: TimeColumn;
  private answers!: AnswerRows;
  private capacity: number;
  private lines: Uint32Array;
  /** Per row read: 1 when it answered nothing, and the hash of its answers (exclusions.ts). */
  private blanks: Uint8Array;
  private hashes: Int32Array;
  /** Rows read into the columns (every row read while the file has no problem). */
  private stored = 0;
  private rowsIn = 0;
  private readonly problems: Problem[] = [];
  private omitted = 0;

  constructor(
    private readonly file: string,
    private readonly config: EditionConfig,
    private readonly configFile: string,
    private readonly options: IngestOptions,
    /** About how many rows the file has, when known: room for them from the start spares copies as the columns grow. */
    expectedRows = 1024,
  ) {
    this.capacity = Math.max(1024, Math.ceil(expectedRows));
    this.lines = new Uint32Array(this.capacity);
    this.blanks = new Uint8Array(this.capacity);
    this.hashes = new Int32Array(this.capacity);
  }

  header(cells: string[]): void {
    const mapped = mapHeader(cells, this.config, this.file, this.configFile);
    if (Array.isArray(mapped)) throw new InputError(tasks.readResponses, mapped);
    this.width = cells.length;
    // An estimate from the head of a file (read-parallel.ts) is held to what the budget allows.
    const most = Math.floor(MEMORY_BUDGET / slotBytes(this.config.questions.length));
    if (this.capacity > most) {
      this.capacity = most;
      this.lines = new Uint32Array(most);
      this.blanks = new Uint8Array(most);
      this.hashes = new Int32Array(most);
    }
    // A Microsoft Forms export, as a workbook or saved as CSV, joins answers with ";" and
    // writes « anonymous » for no e-mail: each column reads its cells as its form wrote them.
    const { form } = mapped;
    this.readers = this.config.questions.map((q) => {
      const at = mapped.columnOf.get(q.id) as number;
      const noAnswer =
        form.form === 'microsoft' && form.columns[at] === 'personal'
          ? MICROSOFT_NO_ANSWER
          : undefined;
      const style = { join: form.join, ...(noAnswer && { noAnswer }) };
      return { at, column: columnFor(q, this.config.edition.timezone, this.capacity, style) };
    });
    const columns = this.readers.map((r) => r.column);
    this.time = columns.find((c) => c.kind === 'time') as TimeColumn;
    this.answers = new AnswerRows(columns);
  }

  row(cells: string[], line: number): void {
    // A line holding only spaces is not a record (trailing blank lines of hand-edited files).
    if (cells.length === 1 && cells[0]?.trim() === '') return;
    const slot = this.begin(cells.length, line);
    if (slot < 0) return;
    let timeRead = true;
    for (let k = 0; k < this.readers.length; k++) {
      const { at, column } = this.readers[k] as Reader;
      const failure = column.write(slot, cells[at] ?? '');
      if (failure !== null) timeRead = this.failed(column, failure, line) && timeRead;
    }
    this.end(slot, line, timeRead);
  }

  record(b: Uint8Array, fields: Fields, line: number): void {
    if (fields.count === 1 && isSpaces(b, fields.starts[0] as number, fields.ends[0] as number))
      return;
    const slot = this.begin(fields.count, line);
    if (slot < 0) return;
    let timeRead = true;
    // Indexed loops: a record is read a million times, and each iterator would be an allocation.
    for (let k = 0; k < this.readers.length; k++) {
      const { at, column } = this.readers[k] as Reader;
      const failure = column.writeField(slot, b, fields, at);
      if (failure !== null) timeRead = this.failed(column, failure, line) && timeRead;
    }
    this.end(slot, line, timeRead);
  }

  /** The slot the row is read into; -1 when it has the wrong number of fields. */
  private begin(count: number, line: number): number {
    this.rowsIn++;
    if (this.options.progress && this.rowsIn % 16_384 === 0) this.options.progress(this.rowsIn);
    if (count !== this.width) {
      this.problem({ file: this.file, line, ...say.fieldCount(this.width, count) });
      return -1;
    }
    if (this.stored === this.capacity) this.grow();
    this.lines[this.stored] = line;
    return this.stored;
  }

  /** Records a cell that could not be read; false when it is the timestamp's. */
  private failed(column: Column, failure: CellFailure, line: number): boolean {
    this.problem({
      file: this.file,
      line,
      where: where.questionColumn(column.question.id, column.question.header),
      expected: failure.expected,
      found: shortened(failure.found),
      fix: failure.fix,
    });
    return column !== this.time;
  }

  private end(slot: number, line: number, timeRead: boolean): void {
    const blank = this.answers.blank(slot);
    if (timeRead && Number.isNaN(this.time.epochMs[slot]) && !blank) {
      this.problem({
        file: this.file,
        line,
        where: where.questionColumn(this.time.question.id, this.time.question.header),
        ...say.blankTimestamp(),
      });
    }
    // Once the file has a problem nothing will be counted: rows are only checked for more problems.
    if (this.problems.length > 0) {
      for (const r of this.readers) r.column.clear(slot);
      return;
    }
    // What the exclusions ask of every row, worked out here: on two threads, each reads its half.
    this.blanks[slot] = blank ? 1 : 0;
    this.hashes[slot] = blank ? 0 : this.answers.hash(slot);
    this.stored++;
  }

  result(): Ingested {
    if (this.problems.length > 0)
      throw new InputError(tasks.readResponses, this.problems, { omitted: this.omitted });
    if (this.rowsIn === 0) {
      throw new InputError(tasks.readResponses, [{ file: this.file, ...say.headerOnly() }]);
    }
    const { kept, excluded } = this.exclude();
    if (kept === 0) {
      const reasons = [...new Set(excluded.map((e) => e.detail))].slice(0, 3).join('; ');
      throw new InputError(tasks.readResponses, [
        { file: this.file, ...say.allExcluded(this.rowsIn, reasons, this.configFile) },
      ]);
    }
    for (const r of this.readers) r.column.finish(kept);
    return {
      responses: {
        count: kept,
        lines: this.lines.slice(0, kept),
        columns: new Map(this.readers.map((r) => [r.column.question.id, r.column])),
        timestamp: this.time,
      },
      reconciliation: { file: this.file, rowsIn: this.rowsIn, kept, excluded },
    };
  }

  /** Decides, in file order, which rows count, and moves each one kept down to close the gaps. */
  private exclude(): { kept: number; excluded: Exclusion[] } {
    const rules = new ExclusionRules(
      this.config,
      this.answers,
      this.time,
      (slot) => this.lines[slot] as number,
      this.hashes.subarray(0, this.stored),
    );
    const excluded: Exclusion[] = [];
    let kept = 0;
    for (let slot = 0; slot < this.stored; slot++) {
      const exclusion = rules.check(
        slot,
        kept,
        this.blanks[slot] === 1,
        this.hashes[slot] as number,
      );
      if (exclusion) {
        excluded.push(exclusion);
        continue;
      }
      if (slot !== kept) {
        this.lines[kept] = this.lines[slot] as number;
        for (const r of this.readers) r.column.move(slot, kept);
      }
      kept++;
    }
    return { kept, excluded };
  }

  private problem(p: Problem): void {
    if (this.problems.length < MOST_PROBLEMS) this.problems.push(p);
    else this.omitted++;
  }

  /** Room for `capacity` responses (twice as many as now, by default), within the memory budget. */
  private grow(capacity = this.capacity * 2): void {
    this.capacity = capacity;
    const bytes =
      this.capacity * slotBytes(this.readers.length) +
      this.readers.reduce((n, r) => n + (r.column.kind === 'text' ? r.column.byteLength : 0), 0);
    if (bytes > MEMORY_BUDGET) {
      throw new InputError(tasks.readResponses, [
        { file: this.file, ...say.tooLarge(this.stored, MEMORY_BUDGET >> 20) },
      ]);
    }
    this.lines = grown(this.lines, this.capacity);
    this.blanks = grown(this.blanks, this.capacity);
    this.hashes = grown(this.hashes, this.capacity);
    for (const r of this.readers) r.column.grow(this.capacity);
  }

  /** What this reader read, for the thread that reads the file's first part (views: transfer their buffers). */
  part(): ReadPart {
    return {
      rowsIn: this.rowsIn,
      stored: this.stored,
      lines: this.lines.subarray(0, this.stored),
      blanks: this.blanks.subarray(0, this.stored),
      hashes: this.hashes.subarray(0, this.stored),
      problems: this.problems,
      omitted: this.omitted,
      columns: this.readers.map((r) => r.column.part(this.stored)),
    };
  }

  /** Appends the rows of the file's next part, read by another thread; its lines come after `breaks` line breaks. */
  append(part: ReadPart, breaks: number): void {
    for (const p of part.problems)
      this.problem(p.line === undefined ? p : { ...p, line: p.line + breaks });
    this.omitted += part.omitted;
    this.rowsIn += part.rowsIn;
    // Once the file has a problem nothing will be counted.
    if (this.problems.length > 0) return;
    const total = this.stored + part.stored;
    if (total > this.capacity) this.grow(total);
    for (let i = 0; i < part.stored; i++)
      this.lines[this.stored + i] = (part.lines[i] as number) + breaks;
    this.blanks.set(part.blanks, this.stored);
    this.hashes.set(part.hashes, this.stored);
    this.readers.forEach((r, k) => {
      r.column.append(this.stored, part.columns[k] as ColumnPart, part.stored);
    });
    this.stored = total;
  }
}

/** A question's column of answers, and where its cells are in the export's records. */
interface Reader {
  at: number;
  column: Column;
}

/** What a thread sends back of the part of the export it read. */
export interface ReadPart {
  rowsIn: number;
  stored: number;
  lines: Uint32Array;
  blanks: Uint8Array;
  hashes: Int32Array;
  problems: Problem[];
  omitted: number;
  columns: ColumnPart[];
}

/** Past this many characters, what a cell holds is shown by its start (a 50 MB cell is not a message). */
const LONGEST_FOUND = 200;

function shortened(found: string): string {
  return found.length <= LONGEST_FOUND
    ? found
    : say.shortened(found.slice(0, LONGEST_FOUND - 40), found.length);
}

/** Only spaces and tabs (or nothing): a line that is not a record. */
function isSpaces(b: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (b[k] !== 0x20 && b[k] !== 0x09) return false;
  return true;
}
