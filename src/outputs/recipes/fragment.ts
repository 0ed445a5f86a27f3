/**
 * The CMS fragment: the article's body to paste into WordPress or another
 * CMS (a "custom HTML" block): no html/head/body, every style scoped under
 * one class so none reaches the host page, fonts and charts inline so it
 * asks nothing of any server.
 */
import { stages } from '../../messages/index.js';
import { outputPath } from '../../paths.js';
import type { ArticleRecipe } from '../recipe.js';

/** The class every rule of the fragment's stylesheet is scoped under. */
export const FRAGMENT_SCOPE = 'enquete-article';

export const fragmentRecipe: ArticleRecipe = {
  id: 'fragment',
  label: () => stages.fragment,
  page: {
    layout: 'fragment',
    styles: ['base', 'web'],
    fonts: true,
    medium: 'web',
    scope: FRAGMENT_SCOPE,
  },
  phase: 'rest',
  files: async (page, { article }) => [
    { name: outputPath({ article: article.slug, file: 'fragment' }), content: page },
  ],
};
