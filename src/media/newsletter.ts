/**
 * The e-mail: mail clients show no SVG and strip much CSS, so a chart is
 * its PNG, published beside the web article and loaded from there, in a
 * table; the page's styles are inlined by the newsletter recipe.
 */
import { EMAIL_COLUMN_PX, EMAIL_DRAWING } from '../charts/drawings.js';
import type { Medium } from './medium.js';

export const newsletterMedium: Medium = {
  name: 'newsletter',
  chart: (chart, { source, image }) => {
    const drawing = chart.drawings[EMAIL_DRAWING];
    return {
      id: chart.id,
      title: chart.title,
      alt: chart.alt,
      baseNote: chart.baseNote,
      source,
      img: {
        src: image ?? '',
        width: EMAIL_COLUMN_PX,
        height: Math.round((drawing.height * EMAIL_COLUMN_PX) / drawing.width),
      },
    };
  },
  css: () => '',
  theme: 'email',
};
