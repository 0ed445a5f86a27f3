/**
 * The edition's page: its standfirst (edition.yaml's, or who conducted the
 * survey, when, and how many answered), then each article with its title,
 * dek, author and date, linked to its web article and PDF.
 */
import { stages } from '../../messages/index.js';
import { outputPath, relativeTo } from '../../paths.js';
import { formatLongDate } from '../../publication/french.js';
import { publication } from '../../publication/index.js';
import { sourceLine } from '../../render/context.js';
import type { EditionRecipe } from '../recipe.js';

const INDEX = { edition: 'index' } as const;

export const editionIndexRecipe: EditionRecipe = {
  id: 'edition-index',
  label: () => stages.editionIndex,
  page: { layout: 'index', styles: ['base', 'web', 'index'], fonts: true, medium: 'web' },
  async files({ edition, templates, articles, theme, reconciliation, archive }) {
    const { config } = edition;
    const { publisher, partners, fieldPeriod, standfirst } = config.edition;
    const page = templates.render(this.page as NonNullable<typeof this.page>, {
      edition: config.edition,
      theme: { publication: theme.publication, logo: theme.logo },
      source: sourceLine(config),
      title: config.edition.survey,
      standfirst:
        standfirst ??
        publication.editionIndex.standfirst(
          [publisher, ...partners],
          fieldPeriod.start,
          fieldPeriod.end,
          reconciliation.kept,
        ),
      articles: articles.map(({ article, dek, published }) => ({
        title: article.title,
        dek,
        author: article.author,
        publishedOn: formatLongDate(article.date),
        dateIso: article.date,
        published,
        web: relativeTo(INDEX, { article: article.slug, file: 'web' }),
        pdf: relativeTo(INDEX, { article: article.slug, file: 'pdf' }),
      })),
      // Only where this build writes the archive page (outputs/archive.ts): the preview serves none.
      ...(archive && { archive: relativeTo(INDEX, { archive: 'page' }) }),
    });
    return [{ name: outputPath(INDEX), content: page }];
  },
};
