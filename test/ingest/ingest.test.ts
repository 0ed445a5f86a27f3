import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ingestBytes } from '../../src/ingest/ingest.js';
import { csv, TEST_HEADER, testConfig } from '../helpers/edition.js';

const config = testConfig();
const row = (time: string, profession = 'Radiologue', usage = 'Non') => [
  time,
  profession,
  usage,
  '',
  '',
  '',
];

function problems(bytes: Uint8Array) {
  try {
    ingestBytes(bytes, 'r.csv', config);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('ingest', () => {
  it('accounts for every row: kept or excluded with a reason', () => {
    const { responses, reconciliation } = ingestBytes(
      csv([
        row('2024/05/02 10:00:00 AM UTC+2'),
        row('2024/05/02 10:04:00 AM UTC+2'), // same answers 4 min later: a double submission
        row('2024/05/02 11:30:00 AM UTC+2'), // same answers much later: another person
        row('2024/04/22 11:00:00 PM UTC+2', 'Manipulateur radio'), // the day before the field period
        ['2024/05/03 10:00:00 AM UTC+2', '', '', '', '', ''],
      ]),
      'r.csv',
      config,
    );
    expect(responses.map((r) => r.line)).toEqual([2, 4]);
    expect(reconciliation.excluded.map((e) => [e.line, e.reason])).toEqual([
      [3, 'duplicate'],
      [5, 'outside_field_period'],
      [6, 'empty'],
    ]);
    expect(reconciliation.rowsIn).toBe(reconciliation.kept + reconciliation.excluded.length);
  });

  it('names an unknown header and a missing one', () => {
    const header = [...TEST_HEADER];
    header[2] = 'Utilisez-vous IA ?';
    const text = `${header.map((h) => `"${h}"`).join(',')}\r\n"2024/05/02 10:00:00 AM UTC+2","Radiologue","Oui","","",""`;
    const found = problems(new TextEncoder().encode(text));
    expect(found.map((p) => [p.where, p.found ?? ''])).toEqual([
      ['column 3 "Utilisez-vous IA ?"', 'an unknown header (closest known header: "IA ?")'],
      ['question "usage"', 'no such column'],
    ]);
  });

  it('collects every cell problem of the file with its line and question', () => {
    const found = problems(
      csv([
        ['2024/05/02 10:00:00 AM UTC+2', 'Radiologue', 'Peut-être', '', '', ''],
        ['2024/05/02 11:00:00 AM UTC+2', 'Radiologue', 'Oui', '', '11', ''],
      ]),
    );
    expect(found.map((p) => [p.line, p.where])).toEqual([
      [2, 'question "usage" (column "IA ?")'],
      [3, 'question "note" (column "Note ?")'],
    ]);
  });

  it('reads curly apostrophes and extra spaces in headers as the codebook wording', () => {
    const header = TEST_HEADER.map((h) => (h === 'IA ?' ? '  IA\u00a0? ' : h));
    const text = `${header.map((h) => `"${h}"`).join(',')}\n"23/04/2024 09:15:32","Radiologue","Oui","","",""\n\n`;
    const { responses } = ingestBytes(new TextEncoder().encode(text), 'r.csv', config);
    expect(responses[0]?.submittedAt).toBe('2024-04-23T09:15:32+02:00');
    expect(responses[0]?.answers.usage).toEqual({ kind: 'choice', codes: ['oui'], other: null });
  });
});
