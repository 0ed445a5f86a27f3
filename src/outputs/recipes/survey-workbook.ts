/**
 * The survey's tables as a workbook (tableaux.xlsx, numbers as numbers): the
 * same tables as tableaux.html (survey-tables.ts).
 */
import { stages } from '../../messages/index.js';
import { outputPath } from '../../paths.js';
import type { EditionRecipe } from '../recipe.js';
import { tablesTitle } from './survey-tables.js';

const WORKBOOK = { edition: 'tables-xlsx' } as const;

export const surveyWorkbookRecipe: EditionRecipe = {
  id: 'survey-workbook',
  label: () => stages.surveyWorkbook,
  // No save of the preview needs it: the preview makes it when it is downloaded.
  onRequest: [WORKBOOK],
  async files(build, { offload }) {
    // Written by another thread: the main thread renders the pages and drives the browser meanwhile.
    const content = await offload.workbook(build.tables(), {
      title: tablesTitle(build),
      // The legend, with the source, follows the title: the method's facts are the articles'.
      lines: [],
      date: build.edition.config.edition.fieldPeriod.end,
    });
    return [{ name: outputPath(WORKBOOK), content }];
  },
};
