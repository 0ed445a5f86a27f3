/**
 * One look for every chart: the article's sans-serif, a colour-blind-safe
 * palette (Okabe & Ito's blue; a single-hue ramp for ordered
 * answers), French number formats.
 */
export const CHART_FONT = 'Source Sans 3';
/** As a CSS font-family value: a family name starting a word with a digit must be quoted. */
export const CHART_FONT_CSS = `'${CHART_FONT}', sans-serif`;
export const INK = '#1d2327';
export const MUTED = '#5b6770';
export const ACCENT = '#0072B2';
/** Groups side by side (Okabe & Ito): told apart without colour vision, and in grey print. */
export const SERIES = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
/** Ordered answers (most to least intense), dark to light: readable without colour vision. */
export const ORDERED_RAMP = ['#08306b', '#2b6cb0', '#6aa5d8', '#b9d5ee', '#e3edf7'];

export const vegaLiteConfig = {
  // d3-format in French, chart by chart (vega's config, not its global default),
  // with the spaces Intl.NumberFormat('fr-FR') uses: "52 %" (U+00A0), "1 234" (U+202F), "7,1".
  locale: {
    number: {
      decimal: ',',
      thousands: '\u202f',
      grouping: [3],
      currency: ['', '\u00a0€'],
      percent: '\u00a0%',
    },
  },
  font: CHART_FONT_CSS,
  background: 'white',
  padding: { left: 4, right: 12, top: 8, bottom: 4 },
  view: { stroke: null },
  aria: false,
  axis: {
    labelFont: CHART_FONT_CSS,
    titleFont: CHART_FONT_CSS,
    labelFontSize: 14,
    titleFontSize: 13,
    labelColor: INK,
    titleColor: MUTED,
    titleFontWeight: 'normal',
    domainColor: '#9aa5ad',
    tickColor: '#9aa5ad',
    gridColor: '#e4e8eb',
    labelLimit: 400,
  },
  legend: {
    labelFont: CHART_FONT_CSS,
    labelFontSize: 13,
    labelColor: INK,
    titleFont: CHART_FONT_CSS,
    symbolType: 'square',
    labelLimit: 400,
  },
  text: { font: CHART_FONT_CSS, fontSize: 13, color: INK },
} as const;
