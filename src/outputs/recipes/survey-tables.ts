/**
 * The whole survey at a glance, for the editors and the partners: every
 * question's topline and cross-tabs (tables/) as a page (tableaux.html, self
 * contained like the web article) and a workbook (tableaux.xlsx, numbers as
 * numbers). survey-tables-pdf.ts prints the same page.
 */
import { stages } from '../../messages/index.js';
import { outputPath, relativeTo } from '../../paths.js';
import { publication } from '../../publication/index.js';
import { sourceLine } from '../../render/context.js';
import { tablesView } from '../../render/tables-view.js';
import type { EditionBuild, EditionRecipe } from '../recipe.js';

const PAGE = { edition: 'tables-html' } as const;

export const surveyTablesRecipe: EditionRecipe = {
  id: 'survey-tables',
  label: () => stages.surveyTables,
  page: { layout: 'tables', styles: ['base', 'web', 'tables'], fonts: true, medium: 'web' },
  async files(build) {
    const survey = build.tables();
    // exceljs takes half a second to load: only when a workbook is written.
    const { surveyWorkbook } = await import('../workbook.js');
    return [
      { name: outputPath(PAGE), content: tablesPage(build) },
      {
        name: outputPath({ edition: 'tables-xlsx' }),
        content: await surveyWorkbook(survey, {
          title: tablesTitle(build),
          // The legend, with the source, follows the title: the method's facts are the articles'.
          lines: [],
          date: build.edition.config.edition.fieldPeriod.end,
        }),
      },
    ];
  },
};

/** The tables' page, as published and as printed. */
export function tablesPage({ edition, templates, theme, tables }: EditionBuild): string {
  return templates.render(surveyTablesRecipe.page as NonNullable<EditionRecipe['page']>, {
    theme: { publication: theme.publication, logo: theme.logo },
    source: sourceLine(edition.config),
    view: tablesView(tables(), relativeTo(PAGE, { edition: 'free-text' })),
  });
}

export function tablesTitle({ tables }: EditionBuild): string {
  return publication.surveyTablesPage.title(tables().survey);
}
