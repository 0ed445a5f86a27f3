/** The web recipe: one self-contained HTML file, fonts and charts inline. */
import { webDrawingCss } from '../../charts/media.js';
import { stages } from '../../messages/index.js';
import { outputPath } from '../../paths.js';
import type { ArticleRecipe } from '../recipe.js';

export const webRecipe: ArticleRecipe = {
  get name() {
    return stages.web;
  },
  page: { layout: 'web', styles: ['base', 'web'], fonts: true, medium: 'web' },
  extraCss: () => webDrawingCss(),
  files: async (page, { article }) => [
    { name: outputPath({ article: article.slug, file: 'web' }), content: page },
  ],
};
