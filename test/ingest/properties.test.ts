/**
 * Properties of reading and analysis over generated exports (fast-check):
 * any export either reads or fails with located problems; shares stay in
 * [0, 1]; counts add up to their base; every row is accounted for.
 * Each property counts the exports it could read and requires most of its
 * cases to be readable (or, for any bytes, both outcomes to occur), so no
 * property can pass by testing nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFigures } from '../../src/analysis/figures.js';
import { InputError } from '../../src/errors.js';
import { ingestBytes } from '../../src/ingest/ingest.js';
import { TEST_HEADER, testConfig } from '../helpers/edition.js';

const config = testConfig();
const single = config.questions
  .filter((q) => q.type === 'single' || q.type === 'yesno')
  .map((q) => q.id);

/** Valid answers to each question of the test codebook ("Physicien", "Tri, urgences": typed "Autre"). */
const ANSWERS = {
  profession: ['Radiologue', 'Manipulateur radio', '', 'Physicien'],
  usage: ['Oui', 'Non', ''],
  usages: [
    'Aide au diagnostic',
    'Segmentation, mesures et post-traitement',
    'Segmentation',
    'Aide au diagnostic, Segmentation',
    '',
    'Tri, urgences',
  ],
  note: ['1', '5', '10', '', '7'],
};

/** Cells that are mostly valid answers, sometimes anything at all. */
const cell = (valid: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
const timestampIn = (months: { min: number; max: number }) =>
  fc
    .tuple(
      fc.integer({ min: 2024, max: 2024 }),
      fc.integer(months),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 59 }),
    )
    .map(
      ([y, mo, d, h, mi]) =>
        `${y}/${String(mo).padStart(2, '0')}/${String(d).padStart(2, '0')} ${h}:${String(mi).padStart(2, '0')}:00 ${h % 2 ? 'AM' : 'PM'} UTC+2`,
    );
const timestamp = timestampIn({ min: 3, max: 9 });
const row = fc.tuple(
  fc.oneof(
    { weight: 9, arbitrary: timestamp },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  ),
  cell(ANSWERS.profession),
  cell(ANSWERS.usage),
  cell(ANSWERS.usages),
  cell(ANSWERS.note),
  fc.string({ maxLength: 30 }),
);
/** Rows a respondent could have sent: valid answers (free text anywhere an "Autre" is allowed). */
const validRow = (months: { min: number; max: number }) =>
  fc.tuple(
    timestampIn(months),
    fc.constantFrom(...ANSWERS.profession),
    fc.constantFrom(...ANSWERS.usage),
    fc.constantFrom(...ANSWERS.usages),
    fc.constantFrom(...ANSWERS.note),
    fc.string({ maxLength: 30 }),
  );
/** Valid exports: one row inside the field period at least, others anywhere from March to September. */
const validCsvText = fc
  .tuple(
    validRow({ min: 5, max: 7 }),
    fc.array(validRow({ min: 3, max: 9 }), { maxLength: 25 }),
    fc.constantFrom(',', ';'),
    fc.constantFrom('\r\n', '\n'),
    fc.boolean(),
  )
  .map(([first, rows, sep, eol, bom]) => toCsv([first, ...rows], sep, eol, bom));
const csvText = fc
  .tuple(
    fc.array(row, { maxLength: 25 }),
    fc.constantFrom(',', ';'),
    fc.constantFrom('\r\n', '\n'),
    fc.boolean(),
  )
  .map(([rows, sep, eol, bom]) => toCsv(rows, sep, eol, bom));

function toCsv(rows: readonly (readonly string[])[], sep: string, eol: string, bom: boolean) {
  const line = (cells: readonly string[]) =>
    cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(sep);
  return `${bom ? '\ufeff' : ''}${[line(TEST_HEADER), ...rows.map(line)].join(eol)}`;
}
/** Raw bytes too: truncated, binary, random. */
const anyBytes = fc.oneof(
  validCsvText.map((t) => new TextEncoder().encode(t)),
  csvText.map((t) => new TextEncoder().encode(t)),
  fc
    .tuple(csvText, fc.nat())
    .map(([t, cut]) => new TextEncoder().encode(t.slice(0, cut % (t.length + 1)))),
  fc.uint8Array({ maxLength: 200 }),
);

async function read(bytes: Uint8Array) {
  try {
    return { ok: true as const, value: await ingestBytes(bytes, 'r.csv', config) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false as const, error: e };
    throw e;
  }
}

describe('reading any export', () => {
  it('either reads or fails with problems that say where, what and how to fix', async () => {
    const seen = { read: 0, failed: 0 };
    await fc.assert(
      fc.asyncProperty(anyBytes, async (bytes) => {
        const r = await read(bytes);
        seen[r.ok ? 'read' : 'failed']++;
        if (r.ok) return;
        expect(r.error.problems.length).toBeGreaterThan(0);
        for (const p of r.error.problems) {
          expect(p.file).toBe('r.csv');
          expect(p.expected.length).toBeGreaterThan(0);
          expect(p.fix.length).toBeGreaterThan(0);
          // A cell's problem names its row; a header's problem is on line 1.
          if (p.where?.includes('(column')) expect(p.line).toBeGreaterThan(1);
          if (p.where?.startsWith('column')) expect(p.line).toBe(1);
        }
      }),
      { numRuns: 400 },
    );
    // Both outcomes were exercised, each many times.
    expect(seen.read).toBeGreaterThan(40);
    expect(seen.failed).toBeGreaterThan(40);
  });

  it('accounts for every row: read = kept + excluded', async () => {
    let readable = 0;
    await fc.assert(
      fc.asyncProperty(validCsvText, async (text) => {
        const r = await read(new TextEncoder().encode(text));
        if (!r.ok) return;
        readable++;
        const { reconciliation, responses } = r.value;
        expect(reconciliation.rowsIn).toBe(reconciliation.kept + reconciliation.excluded.length);
        expect(responses.count).toBe(reconciliation.kept);
        expect(responses.lines).toHaveLength(reconciliation.kept);
      }),
      { numRuns: 300 },
    );
    expect(readable).toBeGreaterThan(300 * 0.9);
  });
});

describe('figures of any readable export', () => {
  it('keep shares in [0, 1], counts within their base, single-choice counts adding up to the base', async () => {
    let readable = 0;
    await fc.assert(
      fc.asyncProperty(validCsvText, async (text) => {
        const r = await read(new TextEncoder().encode(text));
        if (!r.ok) return;
        readable++;
        const figures = buildFigures(config, r.value.responses);
        const shares = figures.filter((f) => f.kind === 'share');
        for (const s of shares) {
          expect(s.count).toBeLessThanOrEqual(s.base);
          if (s.base === 0) expect(s.value).toBeNull();
          else {
            expect(s.value).toBeGreaterThanOrEqual(0);
            expect(s.value).toBeLessThanOrEqual(1);
            expect(s.ci?.[0]).toBeLessThanOrEqual(s.value as number);
            expect(s.ci?.[1]).toBeGreaterThanOrEqual(s.value as number);
          }
        }
        for (const q of single) {
          const bySegment = new Map<string, { sum: number; base: number }>();
          for (const s of shares.filter((f) => f.question === q)) {
            const t = bySegment.get(s.segment) ?? { sum: 0, base: s.base };
            t.sum += s.count;
            bySegment.set(s.segment, t);
          }
          for (const t of bySegment.values()) expect(t.sum).toBe(t.base);
        }
      }),
      { numRuns: 200 },
    );
    expect(readable).toBeGreaterThan(200 * 0.9);
  });
});
