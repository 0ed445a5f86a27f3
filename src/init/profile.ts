/**
 * What a new export holds, column by column, for matching it to last year's
 * codebook: each column's header and how often each distinct answer was
 * given. One streamed reading, through the same readers as the build (a
 * workbook's, or the CSV's); which form wrote it, from its header.
 */
import { type FormColumn, formSource, MICROSOFT_NO_ANSWER } from '../ingest/form-columns.js';
import { fileBytes, type RecordSink, readExport } from '../ingest/read-export.js';
import { isWorkbook, readWorkbook } from '../ingest/read-workbook.js';
import { localDate, parseTimestamp } from '../ingest/timestamp.js';

export interface ColumnProfile {
  /** 0-based position in the export. */
  index: number;
  header: string;
  /** Rows with an answer in this column. */
  answered: number;
  /** Each distinct answer (trimmed) and how many rows gave it. */
  values: Map<string, number>;
  /** More distinct answers than were kept (the column is free text). */
  manyValues: boolean;
  /** When every answer is a timestamp (and not every one a whole number): the first and last, in epoch ms. */
  times: { first: number; last: number } | null;
  /** What the column is to the form that wrote the export, when it is one of the form's own. */
  form: FormColumn | null;
  /** How the export joins several answers in a cell: Google's ", ", Microsoft's ";". */
  join: string;
}

export interface ExportProfile {
  file: string;
  /** The sheet read, for a workbook. */
  sheet?: string;
  rows: number;
  columns: ColumnProfile[];
}

/** Past this many distinct answers a column is free text: the rest are not kept. */
const MOST_VALUES = 2000;

/**
 * The export profiled; a workbook from its sheet `sheet` (last year's), or
 * its first sheet when it has none of that name.
 */
export async function profileExport(
  file: string,
  timeZone: string,
  sheet?: string,
): Promise<ExportProfile> {
  let profile: ExportProfile = { file, rows: 0, columns: [] };
  const sink = () => {
    profile = { file, rows: 0, columns: [] };
    return profiler(profile, timeZone);
  };
  if (isWorkbook(file)) {
    const options = { sheet, orFirst: true };
    return readWorkbook(file, options, sink(), (read) => finished({ ...profile, sheet: read }));
  }
  await readExport(fileBytes(file), file, sink);
  return finished(profile);
}

/** Fills `profile` with the export's records. */
function profiler(profile: ExportProfile, timeZone: string): RecordSink {
  return {
    header: (cells) => {
      const source = formSource(cells);
      profile.columns = cells.map((header, index) => ({
        index,
        header,
        answered: 0,
        values: new Map(),
        manyValues: false,
        times: { first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY },
        form: source.columns[index] ?? null,
        join: source.join,
      }));
    },
    row: (cells) => {
      if (cells.every((c) => c.trim() === '')) return;
      profile.rows++;
      profile.columns.forEach((column, k) => {
        const cell = (cells[k] ?? '').trim();
        if (cell === '' || (column.form === 'personal' && cell === MICROSOFT_NO_ANSWER)) return;
        column.answered++;
        if (column.times) {
          const t = parseTimestamp(cell, timeZone);
          if (t) {
            column.times.first = Math.min(column.times.first, t.epochMs);
            column.times.last = Math.max(column.times.last, t.epochMs);
          } else column.times = null;
        }
        const n = column.values.get(cell);
        if (n !== undefined) column.values.set(cell, n + 1);
        else if (column.values.size < MOST_VALUES) column.values.set(cell, 1);
        else column.manyValues = true;
      });
    },
  };
}

/**
 * No times in a column nobody answered, nor in one of whole numbers only:
 * those read as spreadsheet dates (days since 1899) are codes or counts
 * (postcodes, Microsoft's IDs), where a date-time has its time of day.
 */
function finished(profile: ExportProfile): ExportProfile {
  for (const c of profile.columns) {
    const whole = !c.manyValues && [...c.values.keys()].every((v) => /^\d+$/.test(v));
    if (c.answered === 0 || whole) c.times = null;
  }
  return profile;
}

/** The first and last day of the field period, in the edition's time zone. */
export function fieldPeriodOf(
  times: { first: number; last: number },
  timeZone: string,
): { start: string; end: string } {
  return { start: localDate(times.first, timeZone), end: localDate(times.last, timeZone) };
}
