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
      // Spaces around fields ("a" , "b") as hand-edited files have them; cells are trimmed later anyway.
      trim: true,
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
  const problem = (expected: string, found: string, fix: string) =>
    new InputError('Reading the responses', [{ file, line, expected, found, fix }]);
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return problem(
        'every quoted cell closed by a quote',
        `a quoted cell opened on or before line ${line} and still open at the end of the file`,
        'Find the cell near that line whose closing quote is missing and add it; a quote inside a cell is written twice ("").',
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return problem(
        'a separator or the end of the line after a closing quote',
        'a quote in the middle of a cell',
        'Write a quote inside a cell twice ("") or re-export the file from Google Forms, which does it.',
      );
    default:
      return problem(
        'well-formed CSV',
        e.message.split('\n')[0] as string,
        'Re-export the file from Google Forms or save it from Excel as "CSV UTF-8".',
      );
  }
}
