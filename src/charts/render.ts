/**
 * Spec -> SVG (vega, in Node, no browser) -> PNG at 2x (resvg, with the
 * bundled TrueType fonts and an opaque white background, for e-mail). Each
 * chart is drawn once; every output reuses these bytes.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { trueTypePaths } from '../fonts.js';
import { useFontMetrics } from './text-width.js';
import { CHART_FONT } from './theme.js';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useFontMetrics();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

export interface Png {
  bytes: Uint8Array;
  /** CSS pixels: half the PNG's pixel size. */
  width: number;
  height: number;
}

let fontFiles: string[] | undefined;

export function renderPng(svg: string, scale = 2): Png {
  // Charts use the sans-serif only; loading just its files keeps each render quick.
  fontFiles ??= trueTypePaths().filter((f) => f.includes('SourceSans3'));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
  });
  const image = resvg.render();
  return {
    bytes: image.asPng(),
    width: Math.round(image.width / scale),
    height: Math.round(image.height / scale),
  };
}

/** fr-FR for d3-format inside vega, with the spaces Intl.NumberFormat('fr-FR') uses: "52 %" (U+00A0), "1 234" (U+202F), "7,1". */
export function useFrenchLocale(): void {
  vega.formatLocale({
    decimal: ',',
    thousands: '\u202f',
    grouping: [3],
    currency: ['', '\u00a0€'],
    percent: '\u00a0%',
  });
}
