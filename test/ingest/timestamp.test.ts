import { describe, expect, it } from 'vitest';
import {
  isoTimestamp,
  looksMonthFirst,
  parseTimestamp as parse,
} from '../../src/ingest/timestamp.js';

const parseTimestamp = (text: string, zone: string) => {
  const t = parse(text, zone);
  return t && { ...t, iso: isoTimestamp(t) };
};

describe('parseTimestamp', () => {
  it('reads the Google Forms download', () => {
    expect(parseTimestamp('2024/04/23 9:15:32 AM UTC+2', 'Europe/Paris')?.iso).toBe(
      '2024-04-23T09:15:32+02:00',
    );
    expect(parseTimestamp('2024/04/23 12:01:00 AM UTC+2', 'Europe/Paris')?.iso).toBe(
      '2024-04-23T00:01:00+02:00',
    );
    expect(parseTimestamp('2024/04/23 1:05:00 PM UTC+2', 'Europe/Paris')?.iso).toBe(
      '2024-04-23T13:05:00+02:00',
    );
  });
  it('reads the Google Sheets download in the edition time zone, summer and winter', () => {
    expect(parseTimestamp('23/04/2024 09:15:32', 'Europe/Paris')?.iso).toBe(
      '2024-04-23T09:15:32+02:00',
    );
    expect(parseTimestamp('05/01/2024 18:00:00', 'Europe/Paris')?.iso).toBe(
      '2024-01-05T18:00:00+01:00',
    );
  });
  it('gives the same instant for both forms', () => {
    const a = parseTimestamp('2024/04/23 9:15:32 AM UTC+2', 'Europe/Paris');
    const b = parseTimestamp('23/04/2024 09:15:32', 'Europe/Paris');
    expect(a?.epochMs).toBe(b?.epochMs);
    expect(a?.epochMs).toBe(Date.UTC(2024, 3, 23, 7, 15, 32));
  });
  it('reads ISO 8601, with its offset or in the edition time zone', () => {
    expect(parseTimestamp('2024-04-23T09:15:32', 'Europe/Paris')?.iso).toBe(
      '2024-04-23T09:15:32+02:00',
    );
    expect(parseTimestamp('2024-04-23 09:15:32.750', 'Europe/Paris')?.iso).toBe(
      '2024-04-23T09:15:32+02:00',
    );
    expect(parseTimestamp('2024-04-23T07:15:32Z', 'Europe/Paris')?.epochMs).toBe(
      Date.UTC(2024, 3, 23, 7, 15, 32),
    );
    expect(parseTimestamp('2024-04-23T09:15:32-04:00', 'Europe/Paris')?.iso).toBe(
      '2024-04-23T09:15:32-04:00',
    );
    expect(parseTimestamp('2024-01-05T18:00', 'Europe/Paris')?.iso).toBe(
      '2024-01-05T18:00:00+01:00',
    );
  });
  it('reads a spreadsheet serial date to the second, in the edition time zone', () => {
    // 45405 is 23 April 2024; 0.385787… of a day is 09:15:32 (stored with rounding errors).
    expect(parseTimestamp('45405.38578703704', 'Europe/Paris')?.iso).toBe(
      '2024-04-23T09:15:32+02:00',
    );
    expect(parseTimestamp('45405.385787037', 'Europe/Paris')?.iso).toBe(
      '2024-04-23T09:15:32+02:00',
    );
    expect(parseTimestamp('45296,75', 'Europe/Paris')?.iso).toBe('2024-01-05T18:00:00+01:00');
    expect(parseTimestamp('45405', 'America/New_York')?.iso).toBe('2024-04-23T00:00:00-04:00');
  });
  it('takes no count or code for a serial date: only 2000 to 2099', () => {
    expect(parseTimestamp('12', 'Europe/Paris')).toBeNull();
    expect(parseTimestamp('36525.5', 'Europe/Paris')).toBeNull();
    expect(parseTimestamp('75011', 'Europe/Paris')).toBeNull();
    expect(parseTimestamp('36526', 'Europe/Paris')?.iso).toBe('2000-01-01T00:00:00+01:00');
  });
  it('refuses anything else, and impossible dates', () => {
    expect(parseTimestamp('hier', 'Europe/Paris')).toBeNull();
    expect(parseTimestamp('31/02/2024 10:00:00', 'Europe/Paris')).toBeNull();
    expect(parseTimestamp('2024/04/23 13:00:00 PM UTC+2', 'Europe/Paris')).toBeNull();
    expect(parseTimestamp('2024-02-30T10:00:00', 'Europe/Paris')).toBeNull();
    expect(parseTimestamp('2024-04-23', 'Europe/Paris')).toBeNull();
  });
});

describe('a date written month first, as a spreadsheet in American English writes it', () => {
  it('is told apart from the French day-first form when it cannot be that form', () => {
    for (const cell of ['4/23/2024 9:15:32', '4/5/2024 9:15:32 AM', '12/31/2024, 11:59 PM'])
      expect(looksMonthFirst(cell), cell).toBe(true);
    // Day first, or either order (then read day first, as the French form), or no date at all.
    for (const cell of [
      '23/04/2024 09:15:32',
      '4/5/2024 09:15:32',
      '13/13/2024 10:00',
      'hier à 10h',
    ])
      expect(looksMonthFirst(cell), cell).toBe(false);
    expect(parse('4/23/2024 9:15:32', 'Europe/Paris')).toBeNull();
  });
});
