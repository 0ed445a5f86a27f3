/** `enquete init`'s rules, one by one: columns to questions, options, new questions' types. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClosedQuestion, Question } from '../../src/edition/schema.js';
import { inferQuestion } from '../../src/init/infer-question.js';
import { matchColumns } from '../../src/init/match-columns.js';
import { matchOptions } from '../../src/init/match-options.js';
import { type ExportProfile, profileExport } from '../../src/init/profile.js';
import { testConfig } from '../helpers/edition.js';
import { scratch } from '../helpers/scratch.js';

/** An export from a header and rows, profiled as init reads one. */
async function profile(header: string[], rows: string[][]): Promise<ExportProfile> {
  const file = path.join(scratch('init'), 'export.csv');
  const csv = [header, ...rows]
    .map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
    .join('\n');
  await writeFile(file, csv);
  return profileExport(file, 'Europe/Paris');
}
const repeat = (n: number, row: string[]) => Array.from({ length: n }, () => row);
const question = (id: string) => testConfig().questions.find((q) => q.id === id) as Question;

describe("matching columns to last year's questions", () => {
  it('by the same header, then the same header but for spaces, apostrophes and case', async () => {
    const p = await profile(
      ['Horodateur', '  ia ?  '],
      repeat(3, ['2025/04/14 9:00:00 AM UTC+2', 'Oui']),
    );
    const m = matchColumns([question('horodateur'), question('usage')], p.columns);
    expect(m.matches.map((x) => [x.question.id, x.how])).toEqual([
      ['horodateur', 'exact'],
      ['usage', 'normalised'],
    ]);
  });

  it('by a reworded header whose answers fit the question', async () => {
    const p = await profile(
      ['Votre profession exacte'],
      [...repeat(5, ['Radiologue']), ...repeat(4, ['Manipulateur radio'])],
    );
    const m = matchColumns([question('profession')], p.columns);
    expect(m.matches[0]).toMatchObject({ how: 'evidence', answerScore: 1 });
    expect(m.matches[0]?.question.id).toBe('profession');
  });

  it("by its answers alone when they are the question's own options", async () => {
    const q: Question = {
      id: 'profession',
      header: 'Quelle est votre profession ?',
      type: 'single',
      private: false,
      other: true,
      options: [
        { code: 'radiologue', label: 'Radiologue' },
        { code: 'manipulateur', label: 'Manipulateur radio' },
        { code: 'cadre', label: 'Cadre de santé' },
      ],
    };
    const p = await profile(
      ['Métier exercé'],
      [...repeat(5, ['Radiologue']), ...repeat(3, ['Cadre de santé']), ['Physicien']],
    );
    const m = matchColumns([q], p.columns);
    expect(m.matches[0]?.question.id).toBe('profession');
    expect(m.matches[0]?.headerScore).toBeLessThan(0.35);
  });

  it('never by "Oui" and "Non" alone: a new yes/no question is not a dropped one', async () => {
    const p = await profile(['Avez-vous suivi une formation ?'], repeat(6, ['Oui']));
    const m = matchColumns([question('usage')], p.columns);
    expect(m.matches).toEqual([]);
    expect(m.dropped.map((q) => q.id)).toEqual(['usage']);
    expect(m.added.map((c) => c.header)).toEqual(['Avez-vous suivi une formation ?']);
  });

  it('never when the answers contradict the question, whatever the header', async () => {
    const p = await profile(['Votre note globale ?'], repeat(6, ['très bien']));
    expect(matchColumns([question('note')], p.columns).matches).toEqual([]);
  });
});

describe('matching options', () => {
  const usages = question('usages') as ClosedQuestion;
  it('keeps the code of a renamed option, adds a frequent new answer, leaves a rare one as « Autre »', async () => {
    const p = await profile(
      ['Usages ?'],
      [
        ...repeat(10, ['Aide au diagnostic']),
        ...repeat(6, ['Aide au diagnostic, Segmentation seule']),
        ...repeat(6, ['Protocolisation des examens']),
        ['Aide au diagnostic, Segmentation, mesures et post-traitement, Téléradiologie'],
      ],
    );
    const c = matchOptions(usages, p.columns[0] as never, 100);
    expect(c.renamed).toEqual([
      expect.objectContaining({
        code: 'segmentation_seule',
        from: 'Segmentation',
        to: 'Segmentation seule',
      }),
    ]);
    expect(c.added).toEqual([
      { code: 'protocolisation_examens', label: 'Protocolisation des examens', respondents: 6 },
    ]);
    expect(c.others).toEqual([{ text: 'Téléradiologie', respondents: 1 }]);
    expect(c.options.map((o) => o.code)).toEqual([
      'diagnostic',
      'segmentation',
      'segmentation_seule',
      'protocolisation_examens',
    ]);
    expect(c.unseen).toEqual([]);
  });

  it('makes an option of an answer given by 1 % of respondents and at least 5, no fewer', async () => {
    const p = await profile(
      ['Profession ?'],
      [
        ...repeat(900, ['Radiologue']),
        ...repeat(9, ['Physicien médical']),
        ...repeat(10, ['Interne']),
      ],
    );
    const c = matchOptions(question('profession') as ClosedQuestion, p.columns[0] as never, 919);
    expect(c.added.map((a) => a.code)).toEqual(['interne']);
    expect(c.others).toEqual([{ text: 'Physicien médical', respondents: 9 }]);
    expect(c.unseen.map((o) => o.code)).toEqual(['manipulateur']);
  });
});

describe("a new column's type", () => {
  const infer = async (header: string, values: string[]) => {
    const p = await profile(
      [header],
      values.map((v) => [v]),
    );
    return inferQuestion(p.columns[0] as never, new Set(['profession']), p.rows).question;
  };
  it('reads scales, yes/no, single and multiple choices, free text and timestamps', async () => {
    expect(await infer('Note de 0 à 10 ?', ['0', '4', '7', '8', '8'])).toMatchObject({
      type: 'scale',
      min: 0,
      max: 10,
    });
    expect(await infer('Note ?', ['2', '3', '5', '4', '1'])).toMatchObject({
      type: 'scale',
      min: 1,
      max: 5,
    });
    expect(await infer('Formé ?', ['Oui', 'non', 'Oui', 'Oui', 'Non'])).toMatchObject({
      type: 'yesno',
      id: 'forme',
    });
    const single = await infer('Avez-vous suivi une formation ?', [
      ...Array(6).fill('Oui, en formation initiale'),
      ...Array(6).fill('Oui, en formation continue'),
      ...Array(6).fill('Non'),
    ]);
    expect(single).toMatchObject({ type: 'single', id: 'suivi_formation', other: false });
    expect((single as ClosedQuestion).options.map((o) => o.code)).toEqual([
      'oui_formation_initiale',
      'oui_formation_continue',
      'non',
    ]);
    const multiple = await infer('Quels outils ?', [
      ...Array(6).fill('PACS'),
      ...Array(6).fill('RIS'),
      ...Array(6).fill('PACS, RIS'),
      'PACS, Un logiciel maison',
    ]);
    expect(multiple).toMatchObject({ type: 'multiple', other: true });
    expect((multiple as ClosedQuestion).options.map((o) => o.label)).toEqual(['PACS', 'RIS']);
    expect(
      await infer('Vos remarques', [
        'Très utile au quotidien',
        'Pas encore essayé',
        'Trop cher pour nous',
      ]),
    ).toMatchObject({ type: 'text', private: false });
    expect(
      await infer('Horodatage', ['2025/04/14 9:00:00 AM UTC+2', '2025/04/15 9:00:00 AM UTC+2']),
    ).toMatchObject({
      type: 'timestamp',
    });
  });

  it('marks personal data private: by its header, or by answers that are e-mail addresses or phone numbers', async () => {
    expect(await infer('Adresse e-mail', ['a@exemple.invalid', ''])).toMatchObject({
      type: 'text',
      private: true,
    });
    expect(await infer('Nom', ['Martin', 'Durand'])).toMatchObject({ private: true });
    expect(
      await infer('Pour vous recontacter', [
        '06 00 00 00 00',
        'b@exemple.invalid',
        'c@exemple.invalid',
      ]),
    ).toMatchObject({
      private: true,
    });
  });
});
