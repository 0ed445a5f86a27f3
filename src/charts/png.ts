/**
 * SVG -> PNG (resvg, with the bundled TrueType fonts and an opaque white
 * background, for e-mail and social networks). A module of its own, apart
 * from the chart libraries: the threads that only draw PNGs never load vega.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { pngFaces } from '../fonts.js';
import { indexedPng } from './indexed-png.js';
import { CHART_FONT } from './theme.js';

export interface Png {
  bytes: Uint8Array;
  /** Pixels. */
  width: number;
  height: number;
}

/**
 * resvg reads its fonts anew for every image: only the typefaces an image
 * uses are given, cut down to French text's characters when they hold all
 * of its own (fonts.ts: the same pixels, drawn faster), unless `faces` says
 * which files to choose from (the benchmark's full faces).
 */
export function fontsOf(svg: string, faces: readonly string[] = pngFaces(svg)): string[] {
  // Charts use the sans-serif only; the social cards may use both typefaces.
  return svg.includes('Source Serif 4')
    ? [...faces]
    : faces.filter((f) => f.includes('SourceSans3'));
}

/** What resvg is told of an image `widthPx` pixels wide, drawn with these font files. */
export function resvgOptions(widthPx: number, fontFiles: string[]): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
      serifFamily: 'Source Serif 4',
    },
  };
}

/** The SVG as a PNG `widthPx` pixels wide (twice the CSS width it is shown at, for sharp screens). */
export function renderPng(svg: string, widthPx: number, fontFiles = fontsOf(svg)): Png {
  const image = new Resvg(svg, resvgOptions(widthPx, fontFiles)).render();
  return {
    // Indexed colour when it fits (nearly always): half the file, a third of the time.
    bytes: indexedPng(image.pixels, image.width, image.height) ?? image.asPng(),
    width: image.width,
    height: image.height,
  };
}
