/**
 * A web page (the article, the CMS fragment): a chart is three drawings, one
 * shown at a time by the width of the figure itself (a container query, so
 * it also holds in a CMS's own column), named by its wrapper's aria-label,
 * with its numbers behind a disclosure.
 */

import Handlebars from 'handlebars';
import { type DrawingName, WEB_DRAWINGS } from '../charts/drawings.js';
import { type Medium, svgWith } from './medium.js';

export const webMedium: Medium = {
  name: 'web',
  chart: (chart, { source }) => ({
    id: chart.id,
    title: chart.title,
    alt: chart.alt,
    baseNote: chart.baseNote,
    table: chart.table,
    source,
    // The SVGs' own text would be read twice: the figure is named by its wrapper's aria-label.
    drawings: new Handlebars.SafeString(
      WEB_DRAWINGS.map(
        (d) =>
          `<div class="drawing drawing-${d.name}">${svgWith(chart.drawings[d.name].svg, 'aria-hidden="true" focusable="false"')}</div>`,
      ).join(''),
    ),
  }),
  css: webDrawingCss,
  theme: 'page',
};

/** The CSS that shows one web drawing at a time, by the width of the figure itself. */
export function webDrawingCss(): string {
  const at = (name: DrawingName) => `.chart-svg .drawing-${name}`;
  const allBut = (name: DrawingName) =>
    WEB_DRAWINGS.filter((o) => o.name !== name)
      .map((o) => at(o.name))
      .join(', ');
  const [narrowest, ...wider] = WEB_DRAWINGS;
  return [
    'figure.chart { container-type: inline-size; }',
    '.chart-svg .drawing svg { display: block; width: 100%; height: auto; }',
    `${allBut(narrowest.name)} { display: none; }`,
    // Later rules win: each wider drawing takes over from its threshold.
    ...wider.map(
      (d) =>
        `@container (min-width: ${d.fromPx}px) { ${at(d.name)} { display: block; } ${allBut(d.name)} { display: none; } }`,
    ),
  ].join('\n');
}
