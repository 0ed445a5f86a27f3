/**
 * Spec -> SVG (vega, in Node, no browser) -> PNG (png.ts: resvg, with the
 * bundled TrueType fonts and an opaque white background, for e-mail). Each
 * chart is drawn once; every output reuses these bytes.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { useFontMetrics } from './text-width.js';

export { type Png, renderPng } from './png.js';

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
