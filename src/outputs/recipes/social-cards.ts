/**
 * The social cards recipe: for each article, its title card, a card per
 * key figure (read from the article's own key-figure list, so a card says
 * exactly what the article says) and a card per chart, in 1200x630 and
 * 1080x1080, drawn as PNGs in the drawing thread. The web article's Open
 * Graph and Twitter tags point at the title card.
 */

import { stages } from '../../messages/index.js';
import { type CardSize, outputPath } from '../../paths.js';
import { type CardFrame, chartCard, figureCard, titleCard } from '../cards.js';
import type { ArticleRecipe } from '../recipe.js';

const SIZES: readonly CardSize[] = ['1200x630', '1080x1080'];

/** The card every share of the article shows (og:image). */
export const LEAD_CARD = { card: 'article', size: '1200x630' } as const;

export const socialCardsRecipe: ArticleRecipe = {
  get name() {
    return stages.cards;
  },
  // The article's text only, to read its key figures from: no styles, no fonts.
  page: { layout: 'web', styles: [], fonts: false, medium: 'web' },
  async files(page, { article, charts, context }, { offload }) {
    const frames = SIZES.map(
      (size): CardFrame => ({
        size,
        publication: context.theme.publication,
        ...(context.theme.logo && { logoSvg: context.theme.logo.toString() }),
        accent: context.theme.accent,
        source: `Source : ${context.source}.`,
      }),
    );
    // The HTML parser is loaded when needed, not at start-up.
    const { keyFigures } = await import('../key-figures.js');
    const figures = keyFigures(page);
    const cards = frames.flatMap((frame) => [
      { name: 'article', frame, svg: titleCard(frame, context.title, context.dek) },
      ...figures.map((k, i) => ({
        name: `chiffre-${i + 1}`,
        frame,
        svg: figureCard(frame, k.number, k.sentence),
      })),
      ...charts.map((c) => ({
        name: `graphique-${c.id.replaceAll('_', '-')}`,
        frame,
        svg: chartCard(
          frame,
          c.title,
          [c.drawings.narrow, c.drawings.medium, c.drawings.wide],
          c.baseNote,
        ),
      })),
    ]);
    const pngs = await offload.pngs(
      cards.map((c) => ({ svg: c.svg, widthPx: Number(c.frame.size.split('x')[0]) })),
    );
    return cards.map((c, i) => ({
      name: outputPath({ article: article.slug, card: c.name, size: c.frame.size }),
      content: pngs[i] as Uint8Array,
    }));
  },
};
