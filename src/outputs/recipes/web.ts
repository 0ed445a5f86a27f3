/** The web recipe: one self-contained HTML file, fonts and charts inline: the article's canonical address. */
import { stages } from '../../messages/index.js';
import { outputPath } from '../../paths.js';
import type { ArticleRecipe } from '../recipe.js';

export const webRecipe: ArticleRecipe = {
  id: 'web',
  label: () => stages.web,
  page: { layout: 'web', styles: ['base', 'web'], fonts: true, medium: 'web' },
  phase: 'first',
  links: { canonical: (slug) => ({ article: slug, file: 'web' }) },
  files: async (page, { article }) => [
    { name: outputPath({ article: article.slug, file: 'web' }), content: page },
  ],
};
