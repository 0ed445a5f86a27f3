/**
 * Personal data stays out of print: private questions left out, contacts in
 * free answers masked; an article prints the typed answers it chooses.
 */
import { describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import {
  chosenFreeText,
  type FreeTextGroup,
  freeText,
  MASKED_EMAIL,
  MASKED_PHONE,
  maskContacts,
} from '../../src/analysis/free-text.js';
import type { Segment } from '../../src/edition/schema.js';
import { silentLog } from '../../src/log.js';

describe('maskContacts', () => {
  it('masks e-mail addresses and French and international phone numbers', () => {
    expect(maskContacts('écrivez à jean.dupont@chu-exemple.fr, merci')).toBe(
      `écrivez à ${MASKED_EMAIL}, merci`,
    );
    for (const phone of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '0612345678',
      '+33 6 12 34 56 78',
      '0033 6 12 34 56 78',
      '+44 20 7946 0958',
    ])
      expect(maskContacts(`au ${phone} le soir`)).toBe(`au ${MASKED_PHONE} le soir`);
  });
  it('leaves numbers that are no phone number alone', () => {
    const text = 'En 2024, 45 % des 1 200 examens ; note 7/10 ; 2023-2024 ; 144 réponses';
    expect(maskContacts(text)).toBe(text);
  });
});

describe('free text of the synthetic 2025 edition', () => {
  it('leaves out the private e-mail column and masks contacts typed in comments', async () => {
    const { edition, ingested } = await analyseEdition('test/fixtures/editions/2025', silentLog);
    const groups = freeText(edition.config, ingested.responses);
    expect(groups.map((g) => g.question.id)).not.toContain('adresse_e_mail');
    const all = groups.flatMap((g) => g.items.map((i) => i.text)).join('\n');
    expect(all).not.toMatch(/@exemple\.invalid|06 00 00 00 00/);
    expect(all).toContain(MASKED_EMAIL);
    expect(all).toContain(MASKED_PHONE);
  });
});

describe('the typed answers an article chooses (its freeText)', () => {
  it('prints none without choices, a question’s in the order chosen, and a segment’s members’ alone', async () => {
    const { edition, ingested, membership } = await analyseEdition('data/2024', silentLog);
    const { config } = edition;
    const groups = freeText(config, ingested.responses);
    const comments = groups.find((g) => g.question.id === 'commentaire') as FreeTextGroup;
    expect(chosenFreeText(config, groups, [], membership)).toEqual([]);

    const all = chosenFreeText(
      config,
      groups,
      [
        { question: 'freins', segment: 'all' },
        { question: 'commentaire', segment: 'all' },
      ],
      membership,
    );
    expect(all.map((g) => [g.question.id, g.segment])).toEqual([
      ['freins', undefined],
      ['commentaire', undefined],
    ]);
    expect(all[1]?.items).toEqual(comments.items);

    const segment = config.segments.find((s) => s.id === 'radiologues') as Segment;
    const members = new Set(membership.of(segment));
    const [theirs] = chosenFreeText(
      config,
      groups,
      [{ question: 'commentaire', segment: 'radiologues' }],
      membership,
    );
    expect(theirs?.segment).toBe('Radiologues');
    expect(theirs?.items.length).toBeGreaterThan(0);
    expect(theirs?.items.length).toBeLessThan(comments.items.length);
    expect(theirs?.items).toEqual(
      comments.items.filter((i) => i.slots.every((slot) => members.has(slot))),
    );
  });

  it('counts an « Autre » answer among the segment’s members only, most frequent first', async () => {
    const { edition, ingested, membership } = await analyseEdition('data/2024', silentLog);
    const groups = freeText(edition.config, ingested.responses);
    const [everyone] = chosenFreeText(
      edition.config,
      groups,
      [{ question: 'usages', segment: 'all' }],
      membership,
    );
    const [radiologues] = chosenFreeText(
      edition.config,
      groups,
      [{ question: 'usages', segment: 'radiologues' }],
      membership,
    );
    const total = (g: FreeTextGroup | undefined) => g?.items.reduce((n, i) => n + i.count, 0) ?? 0;
    expect(total(radiologues)).toBeLessThan(total(everyone));
    for (const item of radiologues?.items ?? []) expect(item.count).toBe(item.slots.length);
    const counts = radiologues?.items.map((i) => i.count) ?? [];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
