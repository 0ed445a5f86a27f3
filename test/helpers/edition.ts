/** A small codebook for unit tests, parsed through the real config loader. */

import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { parseEditionConfig } from '../../src/edition/parse-config.js';
import type { EditionConfig } from '../../src/edition/schema.js';

/** The `edition:` block of the unit tests' codebooks (a field period in 2024). */
export const TEST_EDITION_YAML = `
edition:
  id: test
  survey: Test
  publisher: Test
  fieldPeriod: { start: "2024-04-23", end: "2024-08-22" }
  channels: [test]
  sample: test`;

export const TEST_CONFIG_YAML = `${TEST_EDITION_YAML}
questions:
  - { id: horodateur, header: Horodateur, type: timestamp }
  - id: profession
    header: Profession ?
    type: single
    other: true
    options: [{ code: radiologue, label: Radiologue }, { code: manipulateur, label: Manipulateur radio }]
  - { id: usage, header: IA ?, type: yesno }
  - id: usages
    header: Usages ?
    type: multiple
    appliesTo: utilisateurs
    other: true
    options:
      - { code: diagnostic, label: Aide au diagnostic }
      - { code: segmentation, label: "Segmentation, mesures et post-traitement" }
      - { code: segmentation_seule, label: Segmentation }
  - { id: note, header: Note ?, type: scale, min: 1, max: 10, appliesTo: utilisateurs }
  - { id: commentaire, header: Commentaire, type: text }
segments:
  - { id: radiologues, label: Radiologues, where: { profession: radiologue } }
  - { id: utilisateurs, label: Utilisateurs, where: { usage: oui } }
  - { id: personne, label: Personne, where: { profession: radiologue, usage: non } }
articles:
  - { slug: a, title: T, dek: D, author: A, date: "2024-10-01", body: a.hbs }
`;

export function testConfig(): EditionConfig {
  return parseEditionConfig(TEST_CONFIG_YAML, 'test.yaml', CHART_KINDS);
}

export const TEST_HEADER = [
  'Horodateur',
  'Profession ?',
  'IA ?',
  'Usages ?',
  'Note ?',
  'Commentaire',
];

export function csv(rows: string[][]): Uint8Array {
  const text = [TEST_HEADER, ...rows]
    .map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
    .join('\r\n');
  return new TextEncoder().encode(text);
}
