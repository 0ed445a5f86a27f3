/**
 * Where every output goes, decided here and nowhere else: the edition's own
 * files at the top of its output folder, each article's in a folder named
 * by its slug; the archive page of every edition in the folder above. Paths
 * are relative to the output folder, with "/" separators, so they serve as
 * file names and as URLs under the published address.
 */

export type EditionFile =
  | 'index'
  | 'figures'
  | 'claims'
  | 'reconciliation'
  | 'free-text'
  | 'tables-html'
  | 'tables-xlsx'
  | 'tables-pdf'
  | 'archive-entry';
export type ArticleFile =
  | 'pdf'
  | 'web'
  | 'fragment'
  | 'newsletter-html'
  | 'newsletter-text'
  | 'newsletter-eml';

export type OutputItem =
  | { edition: EditionFile }
  | { article: string; file: ArticleFile }
  | { article: string; chart: string }
  | { article: string; card: string; size: CardSize }
  /** The archive page, beside the edition's output folder: every edition built there. */
  | { archive: 'page' };

/** Social cards: Open Graph's landscape and the square most networks crop to. */
export type CardSize = '1200x630' | '1080x1080';

const EDITION_FILES: Record<EditionFile, string> = {
  index: 'index.html',
  figures: 'figures.json',
  claims: 'claims.json',
  reconciliation: 'reconciliation.json',
  'free-text': 'free-text.csv',
  'tables-html': 'tableaux.html',
  'tables-xlsx': 'tableaux.xlsx',
  'tables-pdf': 'tableaux.pdf',
  // What the archive page, in the folder above, lists of this edition.
  'archive-entry': 'edition.json',
};

/** The archive page's name, in the folder above the editions' output folders. */
export const ARCHIVE_PAGE = 'index.html';

const ARTICLE_FILES: Record<ArticleFile, string> = {
  pdf: 'enquete.pdf',
  web: 'enquete.html',
  fragment: 'enquete.fragment.html',
  'newsletter-html': 'newsletter.html',
  'newsletter-text': 'newsletter.txt',
  'newsletter-eml': 'newsletter.eml',
};

export function outputPath(item: OutputItem): string {
  if ('archive' in item) return `../${ARCHIVE_PAGE}`;
  if ('edition' in item) return EDITION_FILES[item.edition];
  if ('card' in item) return `${articleFolder(item.article)}/cards/${item.card}-${item.size}.png`;
  if ('chart' in item)
    return `${articleFolder(item.article)}/charts/${item.chart.replaceAll('_', '-')}.png`;
  return `${articleFolder(item.article)}/${ARTICLE_FILES[item.file]}`;
}

/** The folder of an article's outputs: its slug (a lower-case code, safe as a folder and URL). */
export function articleFolder(slug: string): string {
  return slug;
}

/** A file of an edition's output folder (named `folder`), as the archive page beside it links to it. */
export function fromArchive(folder: string, item: OutputItem): string {
  return `${folder}/${outputPath(item)}`;
}

/** A path relative to another output file (for links between the edition's pages). */
export function relativeTo(from: OutputItem, to: OutputItem): string {
  const fromParts = outputPath(from).split('/').slice(0, -1);
  const toPath = outputPath(to);
  return `${'../'.repeat(fromParts.length)}${toPath}`;
}
