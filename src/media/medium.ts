/**
 * A medium: a kind of page an article is read on (the printed page, a web
 * page, an e-mail). Each shows a chart its own way, through its own partial
 * (templates/partials/chart-<name>.hbs) and stylesheet
 * (templates/styles/chart-<name>.css), and may add CSS of its own making;
 * the article's context is the same whatever the medium. A recipe names the
 * medium of the page it renders. Adding a medium: a file here, its name in
 * MediumName and a line in index.ts, its partial and its stylesheet.
 */
import Handlebars from 'handlebars';
import type { RenderedChart } from '../charts/draw.js';

export type MediumName = 'print' | 'web' | 'newsletter';

/** What a chart's partial may read besides the chart: its source line, and its image where one is published. */
export interface ChartPlace {
  source: string;
  /** The chart's PNG, where a recipe publishes one (the e-mail's). */
  image?: string;
}

export interface Medium {
  name: MediumName;
  /** What templates/partials/chart-<name>.hbs reads of a chart. */
  chart(chart: RenderedChart, place: ChartPlace): object;
  /** CSS of its own making added to every page made for it, after the page's styles and its stylesheet. */
  css(): string;
  /** The theme's stylesheet that suits it: a page's variables, or the e-mail's colours (to be inlined). */
  theme: 'page' | 'email';
}

/** An SVG drawing with attributes added to its root element, as a string Handlebars prints as it is. */
export function svgWith(svg: string, attributes: string): Handlebars.SafeString {
  return new Handlebars.SafeString(svg.replace('<svg ', `<svg ${attributes} `));
}
