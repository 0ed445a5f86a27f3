/** What a composition is asked for: the edition, the articles, where the outputs will be published. */
import type { Article } from '../edition/schema.js';
import { UsageError } from '../errors.js';
import { usage } from '../messages/index.js';

export interface ComposeOptions {
  editionFolder: string;
  /** This article only (its slug); every article by default. */
  article?: string;
  /** Where the output folder is published: newsletter images and web links point there. */
  baseUrl?: string;
}

/** The articles asked for: one by its slug, or all of them. */
export function pickArticles(articles: Article[], slug: string | undefined): Article[] {
  if (slug === undefined) return articles;
  const found = articles.find((a) => a.slug === slug);
  if (!found)
    throw new UsageError(
      usage.unknownArticle(
        slug,
        articles.map((a) => a.slug),
      ),
    );
  return [found];
}

/** The published folder's address when none is given (newsletter links must be absolute). */
export const DEFAULT_BASE_URL = 'https://example.invalid/enquete/';

/** The published folder's address, ending with "/". */
export function publishedAt(url: string | undefined): string {
  const u = url ?? DEFAULT_BASE_URL;
  return u.endsWith('/') ? u : `${u}/`;
}
