/**
 * How wide each chart is drawn for each place it is shown (how each medium
 * then shows its drawing is media/'s). A drawing is scaled to fill its
 * column, so its text grows and shrinks with it; each width below is chosen
 * so that the smallest chart text (13 units, marks.ts LABEL_SIZE) reads at
 * a set size where it is shown:
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

/**
 * The web drawings and the column widths (CSS px) from which each is shown:
 * narrow from 286 px (a 320 px phone's column), medium from 440 px, wide from 620 px.
 */
export const WEB_DRAWINGS: readonly [
  { name: DrawingName; fromPx: number },
  ...{ name: DrawingName; fromPx: number }[],
] = [
  { name: 'narrow', fromPx: 0 },
  { name: 'medium', fromPx: 440 },
  { name: 'wide', fromPx: 620 },
];

/** The e-mail shows the medium drawing at its column's width (600 px less 24 px padding each side). */
export const EMAIL_DRAWING: DrawingName = 'medium';
export const EMAIL_COLUMN_PX = 552;
