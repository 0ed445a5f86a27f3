import { describe, expect, it } from 'vitest';
import { buildFigures } from '../../src/analysis/figures.js';
import { formatError, InputError } from '../../src/errors.js';
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

const at = (minute: number) =>
  `2024/05/${String(2 + Math.floor(minute / 60)).padStart(2, '0')} 10:${String(minute % 60).padStart(2, '0')}:00 AM UTC+2`;

async function problems(bytes: Uint8Array) {
  try {
    await ingestBytes(bytes, 'r.csv', config);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('ingest', () => {
  it('accounts for every row: kept or excluded with a reason', async () => {
    const { responses, reconciliation } = await ingestBytes(
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
    expect([...responses.lines]).toEqual([2, 4]);
    expect(reconciliation.excluded.map((e) => [e.line, e.reason])).toEqual([
      [3, 'duplicate'],
      [5, 'outside_field_period'],
      [6, 'empty'],
    ]);
    expect(reconciliation.rowsIn).toBe(reconciliation.kept + reconciliation.excluded.length);
  });

  it('names an unknown header and a missing one', async () => {
    const header = [...TEST_HEADER];
    header[2] = 'Utilisez-vous IA ?';
    const text = `${header.map((h) => `"${h}"`).join(',')}\r\n"2024/05/02 10:00:00 AM UTC+2","Radiologue","Oui","","",""`;
    const found = await problems(new TextEncoder().encode(text));
    expect(found.map((p) => [p.where, p.found ?? ''])).toEqual([
      ['column 3 "Utilisez-vous IA ?"', 'an unknown header (closest known header: "IA ?")'],
      ['question "usage"', 'no such column'],
    ]);
  });

  it('collects every cell problem of the file with its line and question', async () => {
    const found = await problems(
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

  it('reads curly apostrophes and extra spaces in headers as the codebook wording', async () => {
    const header = TEST_HEADER.map((h) => (h === 'IA ?' ? '  IA\u00a0? ' : h));
    const text = `${header.map((h) => `"${h}"`).join(',')}\n"23/04/2024 09:15:32","Radiologue","Oui","","",""\n\n`;
    const { responses } = await ingestBytes(new TextEncoder().encode(text), 'r.csv', config);
    expect(responses.timestamp.epochMs[0]).toBe(Date.parse('2024-04-23T09:15:32+02:00'));
    const usage = responses.columns.get('usage');
    expect(usage?.kind === 'choice' && [usage.codes, [...usage.masks]]).toEqual([
      ['oui', 'non'],
      [1],
    ]);
  });

  it('lists the first hundred problems of a file wrong throughout, and counts the rest', async () => {
    const rows = Array.from({ length: 250 }, (_, k) => [
      at(k),
      'Radiologue',
      'Peut-être',
      '',
      '',
      '',
    ]);
    try {
      await ingestBytes(csv(rows), 'r.csv', config);
      throw new Error('expected an InputError');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      expect([e.problems.length, e.omitted]).toEqual([100, 150]);
      expect(formatError(e)).toMatch(/failed \(250 problems\)[\s\S]*… and 150 more problems/);
    }
  });

  it('reads an export delivered in small pieces as one delivered whole', async () => {
    const bytes = csv([
      [
        '2024/05/02 10:00:00 AM UTC+2',
        'Manipulateur radio',
        'Oui',
        'Aide au diagnostic',
        '7',
        'Très utile à l’accueil',
      ],
      ['2024/05/02 11:00:00 AM UTC+2', 'Radiologue', 'Non', '', '', 'Intérêt limité'],
    ]);
    // Three bytes at a time: accented letters and the curly apostrophe are cut in the middle.
    const pieces = () =>
      Array.from({ length: Math.ceil(bytes.length / 3) }, (_, k) =>
        bytes.subarray(k * 3, k * 3 + 3),
      );
    const whole = await ingestBytes(bytes, 'r.csv', config);
    const streamed = await ingestBytes(pieces, 'r.csv', config);
    expect(buildFigures(config, streamed.responses)).toEqual(buildFigures(config, whole.responses));
    const comments = streamed.responses.columns.get('commentaire');
    expect(comments?.kind === 'text' && [comments.text(0), comments.text(1)]).toEqual([
      'Très utile à l’accueil',
      'Intérêt limité',
    ]);
  });

  it('reads cells with spaces around their quotes, as hand-edited files have them', async () => {
    const text = `${TEST_HEADER.map((h) => `"${h}"`).join(' , ')}\r\n "2024/05/02 10:00:00 AM UTC+2" , "Radiologue" , "Oui","","",""`;
    const { responses } = await ingestBytes(new TextEncoder().encode(text), 'r.csv', config);
    expect(responses.count).toBe(1);
  });
});
