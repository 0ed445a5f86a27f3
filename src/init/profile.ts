/**
 * What a new export holds, column by column, for matching it to last year's
 * codebook: each column's header and how often each distinct answer was
 * given. One streamed reading, through the same reader as the build.
 */
import { fileBytes, readExport } from '../ingest/read-export.js';
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
  /** When every answer is a timestamp: the first and last, in epoch ms. */
  times: { first: number; last: number } | null;
}

export interface ExportProfile {
  file: string;
  rows: number;
  columns: ColumnProfile[];
}

/** Past this many distinct answers a column is free text: the rest are not kept. */
const MOST_VALUES = 2000;

export async function profileExport(file: string, timeZone: string): Promise<ExportProfile> {
  let profile: ExportProfile = { file, rows: 0, columns: [] };
  await readExport(fileBytes(file), file, () => {
    profile = { file, rows: 0, columns: [] };
    return {
      header: (cells) => {
        profile.columns = cells.map((header, index) => ({
          index,
          header,
          answered: 0,
          values: new Map(),
          manyValues: false,
          times: { first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY },
        }));
      },
      row: (cells) => {
        if (cells.every((c) => c.trim() === '')) return;
        profile.rows++;
        profile.columns.forEach((column, k) => {
          const cell = (cells[k] ?? '').trim();
          if (cell === '') return;
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
  });
  for (const c of profile.columns) if (c.answered === 0) c.times = null;
  return profile;
}

/** The first and last day of the field period, in the edition's time zone. */
export function fieldPeriodOf(
  times: { first: number; last: number },
  timeZone: string,
): { start: string; end: string } {
  return { start: localDate(times.first, timeZone), end: localDate(times.last, timeZone) };
}
