/**
 * The printed page (A4 PDF): a chart is its print drawing, sized for the
 * text column, named by its alt text so that Chromium tags it as a Figure
 * with /Alt; its table goes to the appendix, not beside it.
 */
import Handlebars from 'handlebars';
import { type Medium, svgWith } from './medium.js';

export const printMedium: Medium = {
  name: 'print',
  chart: (chart, { source }) => ({
    id: chart.id,
    title: chart.title,
    baseNote: chart.baseNote,
    source,
    svg: svgWith(
      chart.drawings.print.svg,
      `role="img" aria-label="${Handlebars.escapeExpression(chart.alt)}"`,
    ),
  }),
  css: () => '',
  theme: 'page',
};
