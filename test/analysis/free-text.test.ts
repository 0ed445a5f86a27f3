/** Personal data stays out of print: private questions left out, contacts in free answers masked. */
import { describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import {
  freeText,
  MASKED_EMAIL,
  MASKED_PHONE,
  maskContacts,
} from '../../src/analysis/free-text.js';
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
