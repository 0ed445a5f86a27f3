/**
 * The archive of every edition: in this edition's folder, what the archive
 * page says of it (edition.json); beside the folder, when the build writes
 * it, the archive page itself (outputs/archive.ts): each edition built
 * there, newest first, with its articles linked to their web page and PDF.
 */
import { editionYear } from '../../analysis/series.js';
import { stages } from '../../messages/index.js';
import { fromArchive, outputPath } from '../../paths.js';
import { formatInteger, formatLongDate } from '../../publication/french.js';
import { publication } from '../../publication/index.js';
import { ARCHIVE_GENERATOR, type ArchiveEntry } from '../archive.js';
import type { EditionBuild, EditionRecipe } from '../recipe.js';

export const archiveRecipe: EditionRecipe = {
  id: 'archive',
  label: () => stages.archive,
  page: { layout: 'archive', styles: ['base', 'web', 'index'], fonts: true, medium: 'web' },
  async files(build) {
    const entry = archiveEntry(build);
    const own = {
      name: outputPath({ edition: 'archive-entry' }),
      content: `${JSON.stringify(entry, null, 2)}\n`,
    };
    if (!build.archive) return [own];
    const editions = [...build.archive.others, { folder: build.archive.folder, entry }].sort(
      (a, b) =>
        b.entry.fieldPeriod.start.localeCompare(a.entry.fieldPeriod.start) ||
        b.folder.localeCompare(a.folder),
    );
    const page = build.templates.render(this.page as NonNullable<typeof this.page>, {
      generator: ARCHIVE_GENERATOR,
      theme: { publication: build.theme.publication, logo: build.theme.logo },
      title: publication.archive.title,
      editions: editions.map(({ folder, entry: e }) => editionView(folder, e)),
    });
    return [own, { name: outputPath({ archive: 'page' }), content: page }];
  },
};

/** What the archive page lists of this edition: its name and dates, and every article. */
function archiveEntry({ edition, reconciliation, articles }: EditionBuild): ArchiveEntry {
  const { id, survey, fieldPeriod } = edition.config.edition;
  return {
    id,
    year: editionYear(edition.config.edition),
    survey,
    fieldPeriod,
    respondents: reconciliation.kept,
    articles: articles.map(({ article, dek, published }) => ({
      slug: article.slug,
      title: article.title,
      dek,
      author: article.author,
      date: article.date,
      published,
    })),
  };
}

/** One edition as the archive page shows it, its links relative to the page. */
function editionView(folder: string, e: ArchiveEntry) {
  return {
    year: e.year,
    survey: e.survey,
    facts: publication.archive.facts(
      publication.methodology.period(e.fieldPeriod.start, e.fieldPeriod.end),
      formatInteger(e.respondents),
      e.respondents,
    ),
    index: fromArchive(folder, { edition: 'index' }),
    articles: e.articles.map((a) => ({
      title: a.title,
      author: a.author,
      published: a.published,
      // Named as the edition's index names them: `date` is a helper's name in the templates.
      dateIso: a.date,
      publishedOn: formatLongDate(a.date),
      web: fromArchive(folder, { article: a.slug, file: 'web' }),
      pdf: fromArchive(folder, { article: a.slug, file: 'pdf' }),
    })),
  };
}
