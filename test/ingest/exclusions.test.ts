/**
 * The exclusion rules with hashes made up for the test: rows whose answers
 * differ but whose hashes are equal, or share their low 24 bits, must be
 * told apart by their answers; only a true duplicate is excluded. (Real
 * hashes of different answers almost never collide, so the random exports
 * of columnar.test.ts seldom reach these paths.)
 */
import { describe, expect, it } from 'vitest';
import { AnswerRows, type Column, columnFor, type TimeColumn } from '../../src/ingest/columns.js';
import { ExclusionRules } from '../../src/ingest/exclusions.js';
import { testConfig } from '../helpers/edition.js';

const config = testConfig();

/** Rows of the test codebook's cells (in its questions' order), read into columns. */
function columnsOf(rows: string[][]): { columns: Column[]; time: TimeColumn } {
  const columns = config.questions.map((q) => columnFor(q, config.edition.timezone, rows.length));
  rows.forEach((cells, i) => {
    columns.forEach((column, k) => {
      expect(column.write(i, cells[k] ?? '')).toBeNull();
    });
  });
  return { columns, time: columns.find((c) => c.kind === 'time') as TimeColumn };
}

/** Which rows are excluded, and why, with these hashes given to the rows. */
function excluded(rows: string[][], hashes: number[]): [number, string][] {
  const { columns, time } = columnsOf(rows);
  const rules = new ExclusionRules(
    config,
    new AnswerRows(columns),
    time,
    (slot) => slot,
    Int32Array.from(hashes),
    0,
  );
  const out: [number, string][] = [];
  // Kept rows stay in their slots here (the reader would move them down): each is kept as itself.
  rows.forEach((_, i) => {
    const exclusion = rules.check(i, i, false, hashes[i] as number);
    if (exclusion) out.push([i, exclusion.reason]);
  });
  return out;
}

const at = (minute: number) => `2024/05/02 10:${String(minute).padStart(2, '0')}:00 AM UTC+2`;
const row = (minute: number, profession: string, usage: string) => [
  at(minute),
  profession,
  usage,
  '',
  '',
  '',
];

describe('exclusion rules', () => {
  const rows = [
    row(0, 'Radiologue', 'Non'),
    row(1, 'Manipulateur radio', 'Non'), // other answers, same hash below
    row(2, 'Radiologue', 'Non'), // the same answers as row 0, 2 min later: a duplicate
    row(3, 'Radiologue', 'Oui'), // other answers
  ];

  it('excludes only the true duplicate when every row has the same hash', () => {
    expect(excluded(rows, [42, 42, 42, 42])).toEqual([[2, 'duplicate']]);
  });

  it('tells apart answers whose hashes share their low 24 bits only', () => {
    const low = 0x00abcdef;
    expect(excluded(rows, [low, low + (1 << 24), low, low + (2 << 24)])).toEqual([
      [2, 'duplicate'],
    ]);
  });

  it('looks up no row whose hash no other row shares, and still finds the duplicate', () => {
    expect(excluded(rows, [7, 8, 7, 9])).toEqual([[2, 'duplicate']]);
    // Without the bitsets (under their threshold, as a small export is), every row is looked up: the same decisions.
    const { columns, time } = columnsOf(rows);
    const hashes = Int32Array.from([7, 8, 7, 9]);
    const rules = new ExclusionRules(config, new AnswerRows(columns), time, (slot) => slot, hashes);
    const reasons = [7, 8, 7, 9].map((h, i) => rules.check(i, i, false, h)?.reason ?? null);
    expect(reasons).toEqual([null, null, 'duplicate', null]);
  });
});
