/**
 * How wide each chart is drawn for each place it is shown. A drawing is
 * scaled to fill its column, so its text grows and shrinks with it; each
 * width below is chosen so that the smallest chart text (13 units,
 * marks.ts LABEL_SIZE) reads at a set size where it is shown:
 *
 * - print: the A4 text column (166 mm = 470.6 pt), text 8.3 to 8.9 pt;
 * - web: three drawings switched by the width of the figure (container
 *   queries in web.css), text 11 px or more from a 320 px phone, 12 px or
 *   more from 768 px, never blown up past 16 px on the widest column;
 * - e-mail: the medium web drawing as a 2x PNG in the 552 px column.
 */
export type DrawingName = 'print' | 'narrow' | 'medium' | 'wide';

export interface DrawingSize {
  name: DrawingName;
  /** Width of the drawing, labels included, in its own units. */
  width: number;
}

/** The printed page: A4, its margins, and the text column that follows from them. */
export const PRINT_PAGE = { widthMm: 210, heightMm: 297, marginMm: 22 } as const;
export const PRINT_COLUMN_PT = ((PRINT_PAGE.widthMm - 2 * PRINT_PAGE.marginMm) * 72) / 25.4;

/** Smallest chart text, in drawing units (marks.ts LABEL_SIZE). */
const SMALLEST_TEXT = 13;
/** Print: 8.25 pt for the smallest text. */
const PRINT_TEXT_PT = 8.25;

export const DRAWINGS: readonly DrawingSize[] = [
  { name: 'print', width: Math.round((PRINT_COLUMN_PT * SMALLEST_TEXT) / PRINT_TEXT_PT) },
  { name: 'narrow', width: 330 },
  { name: 'medium', width: 480 },
  { name: 'wide', width: 640 },
];

interface WebDrawing {
  name: DrawingName;
  fromPx: number;
}

/**
 * The web drawings and the column widths (CSS px) from which each is shown:
 * narrow from 286 px (a 320 px phone's column), medium from 440 px, wide from 620 px.
 */
export const WEB_DRAWINGS: readonly [WebDrawing, ...WebDrawing[]] = [
  { name: 'narrow', fromPx: 0 },
  { name: 'medium', fromPx: 440 },
  { name: 'wide', fromPx: 620 },
];

/** The e-mail shows the medium drawing at its column's width (600 px less 24 px padding each side). */
export const EMAIL_DRAWING: DrawingName = 'medium';
export const EMAIL_COLUMN_PX = 552;

/**
 * The CSS that shows one web drawing at a time, by the width of the figure
 * itself (a container query), so it also holds in a CMS's own column.
 */
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
