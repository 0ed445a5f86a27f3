/**
 * The edition's data files: every figure, every decision the articles'
 * wording took and what it was decided on, every row accounted for, every
 * typed answer.
 */
import type { FreeTextGroup } from '../../analysis/free-text.js';
import { stages } from '../../messages/index.js';
import { outputPath } from '../../paths.js';
import { publication } from '../../publication/index.js';
import { toCsv } from '../csv.js';
import type { EditionRecipe } from '../recipe.js';

export const editionDataRecipe: EditionRecipe = {
  id: 'edition-data',
  label: () => stages.editionData,
  files: async ({ figures, claims, reconciliation, freeText }) => [
    { name: outputPath({ edition: 'figures' }), content: `${JSON.stringify(figures, null, 2)}\n` },
    { name: outputPath({ edition: 'claims' }), content: `${JSON.stringify(claims, null, 2)}\n` },
    {
      name: outputPath({ edition: 'reconciliation' }),
      content: `${JSON.stringify(reconciliation, null, 2)}\n`,
    },
    { name: outputPath({ edition: 'free-text' }), content: freeTextCsv(freeText) },
  ],
};

/** Every typed answer with its question and line, for editors working in a spreadsheet. */
function freeTextCsv(groups: FreeTextGroup[]): string {
  const rows = groups.flatMap((g) =>
    g.items.flatMap((i) =>
      i.lines.map((line) => [g.question.id, g.question.header, String(line), i.text]),
    ),
  );
  return toCsv([publication.editionData.freeTextColumns, ...rows]);
}
