/**
 * Text -> rows of cells with their line numbers (csv-parse), whichever of
 * "," (Google) or ";" (French Excel) separates the fields.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';

export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

export function parseCsv(text: string, file: string): { header: string[]; rows: CsvRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) throw csvProblem(e, file);
    throw e;
  }
  const [first, ...rest] = records;
  if (!first) {
    throw new InputError('Reading the responses', [
      {
        file,
        expected: 'a header row followed by responses',
        found: 'no rows',
        fix: 'Download the responses again from Google Forms ("Download responses (.csv)").',
      },
    ]);
  }
  return {
    header: first.record,
    rows: rest
      .map((r) => ({ line: r.info.lines, cells: r.record }))
      // A line holding only spaces is not a record (trailing blank lines of hand-edited files).
      .filter((r) => !(r.cells.length === 1 && r.cells[0]?.trim() === '')),
  };
}

/** The separator is whichever of "," and ";" occurs more often outside quotes in the header line. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function csvProblem(e: CsvError, file: string): InputError {
  const line = (e as CsvError & { lines?: number }).lines;
  const unterminated = e.code === 'CSV_QUOTE_NOT_CLOSED';
  return new InputError('Reading the responses', [
    {
      file,
      line,
      expected: unterminated ? 'every opening quote closed by a quote' : 'well-formed CSV',
      found: unterminated ? 'a quoted field still open at the end of the file' : e.message,
      fix: unterminated
        ? 'Find the cell whose text starts with " near this line and add the closing quote (quotes inside a cell are doubled: "").'
        : 'Re-export the file from Google Forms or save it from Excel as "CSV UTF-8".',
    },
  ]);
}
