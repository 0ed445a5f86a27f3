/**
 * Every output the build makes. Adding one: a recipe file in this folder
 * (its page, its files) and one line here.
 */
import type { ArticleRecipe, EditionRecipe } from '../recipe.js';
import { archiveRecipe } from './archive.js';
import { editionDataRecipe } from './edition-data.js';
import { editionIndexRecipe } from './edition-index.js';
import { fragmentRecipe } from './fragment.js';
import { newsletterRecipe } from './newsletter.js';
import { printPdfRecipe } from './print-pdf.js';
import { socialCardsRecipe } from './social-cards.js';
import { surveyTablesRecipe } from './survey-tables.js';
import { surveyTablesPdfRecipe } from './survey-tables-pdf.js';
import { surveyWorkbookRecipe } from './survey-workbook.js';
import { webRecipe } from './web.js';

/** Run once per article. The print comes first: the longest, it starts as soon as its page is ready. */
export const ARTICLE_RECIPES: readonly ArticleRecipe[] = [
  printPdfRecipe,
  webRecipe,
  fragmentRecipe,
  newsletterRecipe,
  socialCardsRecipe,
];

/** Run once per build. */
export const EDITION_RECIPES: readonly EditionRecipe[] = [
  editionDataRecipe,
  editionIndexRecipe,
  surveyTablesRecipe,
  surveyWorkbookRecipe,
  surveyTablesPdfRecipe,
  archiveRecipe,
];
