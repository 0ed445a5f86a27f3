/**
 * The newsletter recipe: the e-mail page, then in the drawing thread (while
 * Chromium prints) its inlined HTML, plain text, .eml preview and the
 * chart PNGs it loads from the published folder.
 */
import { EMAIL_COLUMN_PX, EMAIL_DRAWING } from '../../charts/drawings.js';
import { stages } from '../../messages/index.js';
import { outputPath } from '../../paths.js';
import type { ArticleRecipe } from '../recipe.js';

export const newsletterRecipe: ArticleRecipe = {
  id: 'newsletter',
  label: () => stages.newsletter,
  page: { layout: 'newsletter', styles: ['newsletter'], fonts: false, medium: 'newsletter' },
  phase: 'rest',
  links: { chartImage: (slug, chart) => ({ article: slug, chart }) },
  async files(page, { edition, article, charts, baseUrl }, { offload }) {
    const slug = article.slug;
    const mail = await offload.newsletter({
      html: page,
      charts: charts.map((c) => ({
        id: c.id,
        svg: (c.drawings[EMAIL_DRAWING] as { svg: string }).svg,
        pngFile: outputPath({ article: slug, chart: c.id }),
        lines: c.lines,
      })),
      pngWidth: 2 * EMAIL_COLUMN_PX,
      subject: article.title,
      from: `${edition.config.edition.publisher} <newsletter@example.invalid>`,
      date: article.date,
      slug,
      imageBaseUrl: baseUrl,
    });
    return [
      { name: outputPath({ article: slug, file: 'newsletter-html' }), content: mail.html },
      { name: outputPath({ article: slug, file: 'newsletter-text' }), content: mail.text },
      { name: outputPath({ article: slug, file: 'newsletter-eml' }), content: mail.eml },
      ...mail.pngs.map((p) => ({ name: p.name, content: p.bytes })),
    ];
  },
};
