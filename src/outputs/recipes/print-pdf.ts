/**
 * The print recipe: the article's print page -> A4 PDF in Chromium, with
 * its running header and footer as @page margin boxes.
 */
import { PRINT_PAGE } from '../../charts/drawings.js';
import type { EditionConfig } from '../../edition/schema.js';
import { environment, stages } from '../../messages/index.js';
import { outputPath } from '../../paths.js';
import { publication } from '../../publication/index.js';
import { cssString } from '../../render/pages.js';
import { printPdf } from '../pdf.js';
import type { ArticleRecipe } from '../recipe.js';

export const printPdfRecipe: ArticleRecipe = {
  id: 'print-pdf',
  label: () => stages.printPdf,
  page: { layout: 'print', styles: ['base', 'print'], fonts: true, medium: 'print' },
  phase: 'rest',
  extraCss: ({ edition, context }) =>
    pageCss(edition.config, context.theme.publication, context.title),
  async files(page, { edition, article, context }, { chromium, log, kept }) {
    const meta = {
      title: context.title,
      author: article.author,
      subject: context.dek,
      keywords: [edition.config.edition.survey, edition.config.edition.publisher],
      date: article.date,
      lang: publication.language,
    };
    const print = async () => {
      const tab = await chromium.tab();
      try {
        const printed = await printPdf(tab, page, meta, TEXT_AREA);
        // The page printed without them; the editor should know the template asks for outside resources.
        if (printed.blocked.length > 0)
          log.info(environment.blockedRequests(article.slug, printed.blocked));
        // Printed again by every build, to say so every time.
        return { pdf: printed.pdf, keep: printed.blocked.length === 0 };
      } finally {
        await tab.close().catch(() => {});
      }
    };
    // An article whose page did not change is not printed again (a rebuild after another's edit).
    const pdf = kept ? await kept.pdf({ page, meta, area: TEXT_AREA }, print) : (await print()).pdf;
    return [{ name: outputPath({ article: article.slug, file: 'pdf' }), content: pdf }];
  },
};

const PX_PER_MM = 96 / 25.4;
/** The page's text area, where the charts are placed as floats. */
const TEXT_AREA = {
  widthPx: (PRINT_PAGE.widthMm - 2 * PRINT_PAGE.marginMm) * PX_PER_MM,
  heightPx: (PRINT_PAGE.heightMm - 2 * PRINT_PAGE.marginMm) * PX_PER_MM,
};

/** Running header and footer: @page margin boxes, whose text must be a CSS string. */
function pageCss(config: EditionConfig, publicationName: string, title: string): string {
  const font = `"${config.theme?.fonts?.headings ?? 'Source Sans 3'}"`;
  const { page, of } = publication.print;
  return `@page { size: A4; margin: ${PRINT_PAGE.marginMm}mm;
  @top-left { content: ${cssString(publicationName)}; font: 600 8.5pt ${font}; color: #5b6770; }
  @top-right { content: ${cssString(shorten(title, 80))}; font: 400 8.5pt ${font}; color: #5b6770; }
  @bottom-left { content: ${cssString(config.edition.survey)}; font: 400 8.5pt ${font}; color: #5b6770; }
  @bottom-right { content: ${cssString(page)} counter(page) ${cssString(of)} counter(pages); font: 400 8.5pt ${font}; color: #5b6770; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1))}…`;
}
