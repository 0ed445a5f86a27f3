/**
 * The social cards recipe: for each article, its title card, a card per
 * key figure (as the article's text states it, so a card says exactly what
 * the article says) and a card per chart, in 1200x630 and 1080x1080, drawn
 * as PNGs in the drawing thread. The title card is the image a share of the
 * article shows (the web page's Open Graph and Twitter tags point at it).
 */

import type { Drawing } from '../../charts/draw.js';
import { WEB_DRAWINGS } from '../../charts/drawings.js';
import { stages } from '../../messages/index.js';
import { type CardSize, outputPath } from '../../paths.js';
import { publication } from '../../publication/index.js';
import { type CardFrame, chartCard, figureCard, titleCard } from '../cards.js';
import type { ArticleRecipe } from '../recipe.js';

const SIZES: readonly CardSize[] = ['1200x630', '1080x1080'];

export const socialCardsRecipe: ArticleRecipe = {
  id: 'social-cards',
  label: () => stages.cards,
  phase: 'rest',
  links: { shareImage: (slug) => ({ article: slug, card: 'article', size: '1200x630' }) },
  async files(_page, { article, charts, context, keyFigures }, { offload }) {
    const frames = SIZES.map(
      (size): CardFrame => ({
        size,
        publication: context.theme.publication,
        ...(context.theme.logo && { logoSvg: context.theme.logo.toString() }),
        accent: context.theme.accent,
        source: publication.cards.source(context.source),
      }),
    );
    const cards = frames.flatMap((frame) => [
      { name: 'article', frame, svg: titleCard(frame, context.title, context.dek) },
      ...keyFigures.map((k, i) => ({
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
          WEB_DRAWINGS.map((d) => c.drawings[d.name] as Drawing),
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
