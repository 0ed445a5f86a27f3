/**
 * The columnar ingest and analysis against the plain reference
 * (test/reference): on random exports (blanks, typed "Autre" answers,
 * multiple choice with commas in labels, an empty segment, repeated answers
 * submitted minutes apart, rows out of time order and outside the field
 * period), both keep and exclude the same rows for the same reasons, and
 * give every figure to the last digit and the same free text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFigures } from '../../src/analysis/figures.js';
import { freeText } from '../../src/analysis/free-text.js';
import { InputError } from '../../src/errors.js';
import { ingestBytes } from '../../src/ingest/ingest.js';
import { csv, testConfig } from '../helpers/edition.js';
import { referenceAnalysis } from '../reference/reference.js';

const config = testConfig();

/** Few distinct answers, so the same answers come back often, as double submissions do. */
const answers = fc.tuple(
  fc.constantFrom('Radiologue', 'Manipulateur radio', '', 'Physicien', 'Physicien, médical'),
  fc.constantFrom('Oui', 'Non', ''),
  fc.constantFrom(
    '',
    'Aide au diagnostic',
    'Segmentation, mesures et post-traitement',
    'Segmentation',
    'Segmentation, mesures et post-traitement, Segmentation',
    'Aide au diagnostic, Tri, urgences',
  ),
  fc.constantFrom('', '1', '7', '8', '10'),
  fc.constantFrom('', 'bien', 'Très utile, « vraiment »', 'bien'),
);
/** Two days inside the field period and one before it; minutes apart (at most 24), in any order. */
const timestamp = fc
  .tuple(fc.constantFrom('2024/05/02', '2024/05/03', '2024/03/15'), fc.integer({ min: 0, max: 24 }))
  .map(([day, minute]) => `${day} 10:${String(minute).padStart(2, '0')}:00 AM UTC+2`);
/** Rows drawing their answers from a few sets, so many rows share their answers with another. */
const exportRows = fc
  .tuple(
    fc.array(fc.oneof({ weight: 9, arbitrary: answers }, fc.constant(['', '', '', '', ''])), {
      minLength: 1,
      maxLength: 6,
    }),
    fc.array(fc.tuple(timestamp, fc.nat()), { minLength: 1, maxLength: 60 }),
  )
  .map(([sets, rows]) => rows.map(([t, k]) => [t, ...(sets[k % sets.length] as string[])]));

describe('the columnar analysis', () => {
  it('equals the plain per-row reference on random exports', async () => {
    let compared = 0;
    const excluded = { duplicate: 0, outside_field_period: 0, empty: 0 };
    await fc.assert(
      fc.asyncProperty(exportRows, async (rows) => {
        const bytes = csv(rows);
        const reference = referenceAnalysis(bytes, config);
        let ingested: Awaited<ReturnType<typeof ingestBytes>>;
        try {
          ingested = await ingestBytes(bytes, 'r.csv', config);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(reference).toBeNull();
          return;
        }
        expect(reference).not.toBeNull();
        if (!reference) return;
        compared++;
        for (const e of reference.excluded) excluded[e.reason]++;
        const { responses, reconciliation } = ingested;
        expect(reconciliation.rowsIn).toBe(reference.rowsIn);
        expect(reconciliation.excluded).toEqual(reference.excluded);
        expect([...responses.lines]).toEqual(reference.kept.map((r) => r.line));

        const figures = buildFigures(config, responses);
        expect(figures.map((f) => f.id).sort()).toEqual([...reference.figures.keys()].sort());
        for (const f of figures) {
          const { id, kind, label, question, segment, answer, ...numbers } = f as typeof f & {
            answer?: string;
          };
          expect({ id, ...numbers }).toEqual({ id, ...reference.figures.get(id) });
        }
        const groups = freeText(config, responses);
        const typed = groups.map((g) => ({
          question: g.question.id,
          kind: g.kind,
          items: g.items.map(({ slots: _slots, ...item }) => item),
        }));
        expect(typed).toEqual(reference.freeText);
        // Each typed answer's response slots are those of its lines.
        for (const item of groups.flatMap((g) => g.items))
          expect(item.slots.map((slot) => responses.lines[slot])).toEqual(item.lines);
      }),
      { numRuns: 300 },
    );
    // Most exports were compared, with many rows excluded, duplicates among them.
    expect(compared).toBeGreaterThan(300 * 0.8);
    expect(excluded.duplicate).toBeGreaterThan(100);
    expect(excluded.outside_field_period).toBeGreaterThan(300);
    expect(excluded.empty).toBeGreaterThan(30);
  });

  it('equals the reference on the committed 2024 export', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parseEditionConfig } = await import('../../src/edition/parse-config.js');
    const { CHART_KINDS } = await import('../../src/charts/kinds/index.js');
    const config2024 = parseEditionConfig(
      await readFile('data/2024/edition.yaml', 'utf8'),
      'edition.yaml',
      CHART_KINDS,
    );
    const bytes = await readFile('data/2024/responses.csv');
    const reference = referenceAnalysis(bytes, config2024);
    const { responses } = await ingestBytes(bytes, 'responses.csv', config2024);
    for (const f of buildFigures(config2024, responses)) {
      const { id, kind, label, question, segment, answer, ...numbers } = f as typeof f & {
        answer?: string;
      };
      expect({ id, ...numbers }).toEqual({ id, ...reference?.figures.get(id) });
    }
  });
});
