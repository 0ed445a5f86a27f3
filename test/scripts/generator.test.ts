import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  formatFormsTimestamp,
  generateResponsesCsv,
} from '../../scripts/reconstruct-2024/generate.js';
import {
  generateSynthetic2025Csv,
  generateSyntheticCsv,
} from '../../scripts/synthetic-2025/generate.js';
import { FUTURE_2026, SYNTHETIC_2026 } from '../../scripts/synthetic-2026/generate.js';

describe('the 2024 reconstruction', () => {
  it('reproduces the committed export byte for byte', async () => {
    const committed = await readFile('data/2024/responses.csv', 'utf8');
    expect(generateResponsesCsv()).toBe(committed);
  });

  it('another seed gives another file, so the test above can fail', () => {
    expect(generateResponsesCsv(1)).not.toBe(generateResponsesCsv());
  });

  it('writes timestamps as Google Forms does', () => {
    expect(formatFormsTimestamp(new Date(Date.UTC(2024, 3, 23, 7, 15, 32)))).toBe(
      '2024/04/23 9:15:32 AM UTC+2',
    );
    expect(formatFormsTimestamp(new Date(Date.UTC(2024, 3, 23, 11, 5, 2)))).toBe(
      '2024/04/23 1:05:02 PM UTC+2',
    );
    expect(formatFormsTimestamp(new Date(Date.UTC(2024, 3, 22, 22, 0, 0)))).toBe(
      '2024/04/23 12:00:00 AM UTC+2',
    );
  });
});

describe('the synthetic 2025 export (test/fixtures/editions/2025)', () => {
  it('is the committed file byte for byte, and another seed gives another file', async () => {
    const committed = await readFile('test/fixtures/editions/2025/responses.csv', 'utf8');
    expect(generateSynthetic2025Csv()).toBe(committed);
    expect(generateSynthetic2025Csv(1)).not.toBe(committed);
  });
});

describe('the synthetic 2026 export (test/fixtures/editions/2026)', () => {
  it('is the committed file byte for byte, made by the 2025 generator with its own year', async () => {
    const committed = await readFile('test/fixtures/editions/2026/responses.csv', 'utf8');
    expect(generateSyntheticCsv(SYNTHETIC_2026)).toBe(committed);
    expect(generateSyntheticCsv(SYNTHETIC_2026, 1)).not.toBe(committed);
    // One question reworded since 2025, the rest of the form as it was.
    expect(committed.slice(0, committed.indexOf('\r\n'))).toContain(FUTURE_2026);
  });
});
