/**
 * The export file -> typed responses and the reconciliation of its rows.
 * Data problems are collected over the whole file and reported together.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Edition } from '../edition/load.js';
import type { EditionConfig } from '../edition/schema.js';
import { InputError, type Problem } from '../errors.js';
import { readCell } from './cells.js';
import { applyExclusions } from './exclusions.js';
import { mapHeader } from './header.js';
import { parseCsv } from './parse-csv.js';
import { decodeExport } from './read-text.js';
import type { Answer, Ingested, Response } from './types.js';

export async function ingestEdition(edition: Edition): Promise<Ingested> {
  const file = path.join(edition.folder, edition.config.source.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    throw new InputError('Reading the responses', [
      {
        file,
        expected: 'the export of the responses',
        found: 'no such file',
        fix: `Put the Google Forms export in ${edition.folder} as ${edition.config.source.file}, or set "source.file" in ${edition.configFile}.`,
      },
    ]);
  }
  return ingestBytes(bytes, file, edition.config, edition.configFile);
}

/** Pure: the export's bytes -> responses (or an InputError listing every problem). */
export function ingestBytes(
  bytes: Uint8Array,
  file: string,
  config: EditionConfig,
  configFile = 'edition.yaml',
): Ingested {
  const { text } = decodeExport(bytes, file);
  const { header, rows } = parseCsv(text, file);
  const mapped = mapHeader(header, config, file, configFile);
  if (Array.isArray(mapped)) throw new InputError('Reading the responses', mapped);
  if (rows.length === 0) {
    throw new InputError('Reading the responses', [
      {
        file,
        expected: 'at least one response under the header row',
        found: 'the header row only',
        fix: 'Download the export again once the form has responses.',
      },
    ]);
  }
  const problems: Problem[] = [];
  const responses: Response[] = [];
  const timestampId = config.questions.find((q) => q.type === 'timestamp')?.id as string;
  for (const row of rows) {
    if (row.cells.length !== header.length) {
      problems.push({
        file,
        line: row.line,
        expected: `${header.length} fields, as in the header row`,
        found: `${row.cells.length} fields`,
        fix: 'Check this row for a missing or extra separator; re-export the file rather than editing it by hand.',
      });
      continue;
    }
    const answers: Record<string, Answer> = {};
    for (const q of config.questions) {
      const raw = row.cells[mapped.columnOf.get(q.id) as number] ?? '';
      const result = readCell(q, raw, config.edition.timezone);
      if (result.ok) answers[q.id] = result.answer;
      else
        problems.push({
          file,
          line: row.line,
          where: `question "${q.id}" (column "${q.header}")`,
          expected: result.expected,
          found: result.found,
          fix: result.fix,
        });
    }
    const at = answers[timestampId];
    const answeredSomething = Object.entries(answers).some(
      ([id, a]) => id !== timestampId && a !== null,
    );
    if (at === null && answeredSomething) {
      const q = config.questions.find((x) => x.id === timestampId);
      problems.push({
        file,
        line: row.line,
        where: `question "${timestampId}" (column "${q?.header}")`,
        expected: 'the submission time of the response',
        found: 'a blank cell',
        fix: 'Re-export the file from Google Forms; the timestamp is written by the form, never typed.',
      });
    }
    responses.push({ line: row.line, submittedAt: at?.kind === 'time' ? at.iso : '', answers });
  }
  if (problems.length > 0) throw new InputError('Reading the responses', problems);
  const { kept, excluded } = applyExclusions(responses, config);
  if (kept.length === 0) {
    const reasons = [...new Set(excluded.map((e) => e.detail))].slice(0, 3).join('; ');
    throw new InputError('Reading the responses', [
      {
        file,
        expected: 'at least one response to report on',
        found: `all ${rows.length} rows excluded (${reasons})`,
        fix: `Check the field period in ${configFile} ("edition.fieldPeriod") against the dates of the export.`,
      },
    ]);
  }
  return {
    responses: kept,
    reconciliation: { file, rowsIn: rows.length, kept: kept.length, excluded },
  };
}
