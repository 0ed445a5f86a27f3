/**
 * SVG -> PNG (resvg, with the bundled TrueType fonts and an opaque white
 * background, for e-mail and social networks). A module of its own, apart
 * from the chart libraries: the threads that only draw PNGs never load vega.
 */
import { Resvg } from '@resvg/resvg-js';
import { trueTypePaths } from '../fonts.js';
import { indexedPng } from './indexed-png.js';
import { CHART_FONT } from './theme.js';

export interface Png {
  bytes: Uint8Array;
  /** Pixels. */
  width: number;
  height: number;
}

/** resvg reads its fonts anew for every image: only the typefaces an image uses are given. */
function fontsOf(svg: string): string[] {
  // Charts use the sans-serif only; the social cards may use both typefaces.
  return svg.includes('Source Serif 4')
    ? [...trueTypePaths()]
    : trueTypePaths().filter((f) => f.includes('SourceSans3'));
}

/** The SVG as a PNG `widthPx` pixels wide (twice the CSS width it is shown at, for sharp screens). */
export function renderPng(svg: string, widthPx: number): Png {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
    font: {
      fontFiles: fontsOf(svg),
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
      serifFamily: 'Source Serif 4',
    },
  });
  const image = resvg.render();
  return {
    // Indexed colour when it fits (nearly always): half the file, a third of the time.
    bytes: indexedPng(image.pixels, image.width, image.height) ?? image.asPng(),
    width: image.width,
    height: image.height,
  };
}
