/**
 * Spec -> SVG (vega, in Node, no browser) -> PNG (resvg, with the
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
  return (await renderSvgs(spec, [(spec as { width: number }).width]))[0] as string;
}

/**
 * One chart at several widths: compiled and parsed once, then laid out again
 * at each width (vega's width signal), which gives the same SVG as a spec
 * written for that width, in a quarter of the time.
 */
export async function renderSvgs(spec: TopLevelSpec, widths: readonly number[]): Promise<string[]> {
  useFontMetrics();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svgs: string[] = [];
  for (const width of widths) {
    view.width(width);
    await view.runAsync();
    svgs.push(await view.toSVG());
  }
  view.finalize();
  return svgs;
}

export interface Png {
  bytes: Uint8Array;
  /** Pixels. */
  width: number;
  height: number;
}

/** resvg reads its fonts anew for every image: only the typefaces an image uses are given. */
const fontFiles = {
  sans: () => trueTypePaths().filter((f) => f.includes('SourceSans3')),
  both: () => trueTypePaths(),
};

/** The SVG as a PNG `widthPx` pixels wide (twice the CSS width it is shown at, for sharp screens). */
export function renderPng(svg: string, widthPx: number): Png {
  // Charts use the sans-serif only; the social cards may use both typefaces.
  const fonts = svg.includes('Source Serif 4') ? fontFiles.both() : fontFiles.sans();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
    font: {
      fontFiles: fonts,
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
      serifFamily: 'Source Serif 4',
    },
  });
  const image = resvg.render();
  return {
    bytes: image.asPng(),
    width: image.width,
    height: image.height,
  };
}
