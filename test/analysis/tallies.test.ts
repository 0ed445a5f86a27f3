/**
 * The tallies of every segment at once (tallies.ts) against the segment by
 * segment ones (segments.ts, measures.ts) on random responses: the same
 * members, counts and means to the last digit. The segments' conditions
 * name questions of every width of mask: a yes/no (one byte), ten answers
 * (two bytes), twenty (four bytes) and forty (two 32-bit words per response),
 * whose bits segments look up by table or response by response.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyChoice, tallyScale } from '../../src/analysis/measures.js';
import { allSegments, Membership, memberFlags, segmentBits } from '../../src/analysis/segments.js';
import { Tallies } from '../../src/analysis/tallies.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { parseEditionConfig } from '../../src/edition/parse-config.js';
import type { EditionConfig } from '../../src/edition/schema.js';
import {
  type ChoiceColumn,
  type Column,
  columnFor,
  type Responses,
  type ScaleColumn,
  type TimeColumn,
} from '../../src/ingest/columns.js';
import { TEST_EDITION_YAML } from '../helpers/edition.js';

const options = (n: number) =>
  `[${Array.from({ length: n }, (_, k) => `{ code: c${k}, label: L${k} }`).join(', ')}]`;

const config = parseEditionConfig(
  `${TEST_EDITION_YAML}
questions:
  - { id: horodateur, header: Horodateur, type: timestamp }
  - { id: usage, header: IA ?, type: yesno }
  - { id: outils, header: Outils ?, type: multiple, other: true, options: ${options(9)} }
  - { id: taille, header: Taille ?, type: single, options: ${options(20)} }
  - { id: region, header: Région ?, type: multiple, options: ${options(40)} }
  - { id: note, header: Note ?, type: scale, min: 0, max: 10, appliesTo: utilisateurs }
  - { id: etoiles, header: Étoiles ?, type: scale, min: 1, max: 5 }
segments:
  - { id: utilisateurs, label: Utilisateurs, where: { usage: oui } }
  - { id: outilles, label: Outillés, where: { outils: [c0, c8, autre] } }
  - { id: petits, label: Petits, where: { taille: [c1, c17] } }
  - { id: nord, label: Nord, where: { region: [c3, c35] } }
  - { id: sud, label: Sud, where: { region: c39 } }
  - { id: croises, label: Croisés, where: { usage: oui, taille: c17, region: [c0, c33] } }
  - { id: personne, label: Personne, where: { usage: non, outils: c8, region: c39 } }
articles:
  - { slug: a, title: T, dek: D, author: A, date: "2024-10-01", body: a.hbs }
`,
  'test.yaml',
  CHART_KINDS,
);

const CHOICES = ['usage', 'outils', 'taille', 'region'] as const;
const SCORES = ['note', 'etoiles'] as const;

/** One response's answers: each closed question's chosen answers as bit positions, each score or none. */
type Answer = Record<(typeof CHOICES)[number], number[]> &
  Record<(typeof SCORES)[number], number | null>;

const answer: fc.Arbitrary<Answer> = fc.record({
  usage: fc.constantFrom<number[]>([], [0], [1]),
  outils: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
  taille: fc.option(fc.integer({ min: 0, max: 19 })).map((k) => (k === null ? [] : [k])),
  region: fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { maxLength: 4 }),
  note: fc.option(fc.integer({ min: 0, max: 10 })),
  etoiles: fc.option(fc.integer({ min: 1, max: 5 })),
});

/** Few distinct answers repeated, so that responses share their segments, as surveys' do. */
const answers = fc
  .tuple(fc.array(answer, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 400 }))
  .map(([distinct, picks]) => picks.map((k) => distinct[k % distinct.length] as Answer));

function responsesOf(editionConfig: EditionConfig, rows: readonly Answer[]): Responses {
  const columns = new Map<string, Column>();
  for (const q of editionConfig.questions)
    columns.set(q.id, columnFor(q, editionConfig.edition.timezone, rows.length));
  rows.forEach((row, i) => {
    for (const id of CHOICES) {
      const column = columns.get(id) as ChoiceColumn;
      for (const k of row[id]) {
        const at = i * column.words + (k >>> 5);
        column.masks[at] = (column.masks[at] as number) | (1 << (k & 31));
      }
      if (row[id].includes(column.codes.indexOf('autre'))) column.other.set(i, `autre ${i % 3}`);
    }
    for (const id of SCORES) (columns.get(id) as ScaleColumn).values[i] = row[id] ?? Number.NaN;
  });
  return {
    count: rows.length,
    lines: Uint32Array.from(rows, (_, i) => i + 2),
    columns,
    timestamp: columns.get('horodateur') as TimeColumn,
  };
}

describe('segmentBits', () => {
  it('gives each response the segments memberFlags finds, whatever the width of the masks', () => {
    const segments = allSegments(config);
    fc.assert(
      fc.property(answers, (rows) => {
        const responses = responsesOf(config, rows);
        const bits = segmentBits(segments, responses);
        segments.forEach((segment, s) => {
          const flags = memberFlags(segment, responses);
          expect(Array.from(bits, (b) => (b >>> s) & 1)).toEqual([...flags]);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('reads answers past the 32nd in the second word of a mask', () => {
    const none: Answer = {
      usage: [],
      outils: [],
      taille: [],
      region: [],
      note: null,
      etoiles: null,
    };
    const responses = responsesOf(config, [
      { ...none, usage: [0], taille: [17], region: [33] },
      { ...none, usage: [1], outils: [8], region: [39, 35] },
      { ...none, outils: [9] },
      { ...none, taille: [1], region: [3, 32] },
    ]);
    // Bits: all, utilisateurs, outilles, petits, nord, sud, croises, personne.
    expect([...segmentBits(allSegments(config), responses)]).toEqual([
      0b01001011, 0b10110101, 0b00000101, 0b00011001,
    ]);
  });

  it('keeps every response in the segment of everyone (bit 0)', () => {
    const responses = responsesOf(config, [
      { usage: [], outils: [], taille: [], region: [], note: null, etoiles: null },
    ]);
    expect([...segmentBits(allSegments(config), responses)]).toEqual([0b1]);
  });
});

describe('Tallies', () => {
  it('count every segment as measures.ts does, means to the last digit', () => {
    fc.assert(
      fc.property(answers, (rows) => {
        const responses = responsesOf(config, rows);
        const tallies = Tallies.of(config, responses);
        expect(tallies).not.toBeNull();
        const membership = new Membership(config, responses);
        for (const segment of allSegments(config)) {
          expect(tallies?.members(segment)).toBe(membership.of(segment).length);
          for (const q of config.questions) {
            const column = responses.columns.get(q.id);
            const group = () => membership.asked(q, segment);
            if (column?.kind === 'choice')
              expect(tallies?.choice(column, segment, q)).toEqual(
                tallyChoice(column as ChoiceColumn, group()),
              );
            if (column?.kind === 'scale') {
              // toEqual compares numbers with Object.is: to the last digit.
              expect(tallies?.scale(column, segment, q)).toEqual(
                tallyScale(column as ScaleColumn, group()),
              );
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
