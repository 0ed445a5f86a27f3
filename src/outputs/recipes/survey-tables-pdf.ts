/** The survey's tables printed for sending (tableaux.pdf): A4, a cross-tab too wide for it landscape. */
import { stages } from '../../messages/index.js';
import { outputPath } from '../../paths.js';
import { sourceLine } from '../../render/context.js';
import { printPdf } from '../pdf.js';
import type { EditionRecipe } from '../recipe.js';
import { tablesPage, tablesTitle } from './survey-tables.js';

/** A4 portrait less the margins of tables.css, where the page is laid out. */
const TEXT_AREA = { widthPx: ((210 - 24) * 96) / 25.4, heightPx: ((297 - 28) * 96) / 25.4 };

export const surveyTablesPdfRecipe: EditionRecipe = {
  id: 'survey-tables-pdf',
  label: () => stages.surveyTablesPdf,
  prints: true,
  async files(build, { chromium, offload, kept }) {
    const { config } = build.edition;
    // The page first, then its tab: no tab is held open while its page is drawn.
    // Its own page, whose links to the edition's other files are absolute (survey-tables.ts).
    const page = await tablesPage(build, offload, 'print');
    const meta = {
      title: tablesTitle(build),
      author: config.edition.publisher,
      subject: sourceLine(config),
      keywords: [config.edition.survey, config.edition.publisher],
      date: config.edition.fieldPeriod.end,
      lang: 'fr',
    };
    const print = async () => {
      const tab = await chromium.tab();
      try {
        const printed = await printPdf(tab, page, meta, TEXT_AREA);
        return { pdf: printed.pdf, keep: printed.blocked.length === 0 };
      } finally {
        await tab.close().catch(() => {});
      }
    };
    // Tables that did not change (a rebuild after a text edit) are not printed again.
    const pdf = kept ? await kept.pdf({ page, meta, area: TEXT_AREA }, print) : (await print()).pdf;
    return [{ name: outputPath({ edition: 'tables-pdf' }), content: pdf }];
  },
};
