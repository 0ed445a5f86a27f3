import { describe, expect, it } from 'vitest';
import { isoTimestamp, parseTimestamp as parse } from '../../src/ingest/timestamp.js';

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
  it('refuses anything else, and impossible dates', () => {
    expect(parseTimestamp('hier', 'Europe/Paris')).toBeNull();
    expect(parseTimestamp('31/02/2024 10:00:00', 'Europe/Paris')).toBeNull();
    expect(parseTimestamp('2024/04/23 13:00:00 PM UTC+2', 'Europe/Paris')).toBeNull();
  });
});
