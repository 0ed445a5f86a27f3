import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexedPng } from '../../src/charts/indexed-png.js';
import { chartKind } from '../../src/charts/kinds/index.js';
import { renderPng, renderSvg } from '../../src/charts/render.js';
import type { ChartConfig, EditionConfig, Question } from '../../src/edition/schema.js';
import { trueTypePaths } from '../../src/fonts.js';
import type { FigureIndex } from '../../src/format/figure-index.js';
import { analysedWithIndex } from '../helpers/analysed.js';

let config: EditionConfig;
let index: FigureIndex;
beforeAll(async () => {
  const made = await analysedWithIndex('data/2024');
  config = made.analysed.edition.config;
  index = made.index;
});
function chartSpec(id: string) {
  const c = config.articles.flatMap((a) => a.charts).find((c) => c.id === id) as ChartConfig;
  const question = config.questions.find((q) => q.id === c.question) as Question;
  const kind = chartKind(c.kind);
  return kind.spec(kind.data(c, { config, index, question }), 480);
}

/** A PNG read back by another decoder (pngjs): its size and RGBA pixels. */
const decoded = (bytes: Uint8Array) => PNG.sync.read(Buffer.from(bytes));
const colourType = (bytes: Uint8Array) => bytes[25];

/** What resvg itself drew (no text): the pixels any encoding must keep. */
function resvgPixels(svg: string, widthPx: number): Uint8Array {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
    font: { loadSystemFonts: false },
  }).render();
  return image.pixels;
}

/** `n` opaque pixels, the i-th of colour `colour(i)` (0xBBGGRR). */
function pixels(n: number, colour: (i: number) => number): Uint8Array {
  const rgba = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const c = colour(i);
    rgba.set([c & 255, (c >> 8) & 255, (c >> 16) & 255, 255], i * 4);
  }
  return rgba;
}

describe('indexed-colour PNG', () => {
  it('draws a chart with exactly resvg’s pixels, text included, in a smaller file', async () => {
    const svg = await renderSvg(chartSpec('utilisateurs_par_profession'));
    const png = renderPng(svg, 960);
    expect(colourType(png.bytes)).toBe(3);
    const own = new Resvg(svg, {
      fitTo: { mode: 'width', value: 960 },
      background: 'white',
      font: {
        fontFiles: trueTypePaths().filter((f) => f.includes('SourceSans3')),
        loadSystemFonts: false,
        defaultFontFamily: 'Source Sans 3',
      },
    })
      .render()
      .asPng();
    const [mine, theirs] = [decoded(png.bytes), decoded(own)];
    expect([mine.width, mine.height]).toEqual([theirs.width, theirs.height]);
    expect(mine.data.equals(theirs.data)).toBe(true);
    expect(png.bytes.length).toBeLessThan(own.length / 1.5);
  });

  it('holds up to 256 colours, and declines the 257th', () => {
    const fits = pixels(256, (i) => i * 0x010203);
    const png = indexedPng(fits, 16, 16) as Uint8Array;
    expect(colourType(png)).toBe(3);
    expect(Buffer.from(decoded(png).data)).toEqual(Buffer.from(fits));
    expect(
      indexedPng(
        pixels(257, (i) => i * 0x010203),
        257,
        1,
      ),
    ).toBeUndefined();
  });

  it('declines a pixel that is not opaque', () => {
    const rgba = pixels(4, () => 0xffffff);
    rgba[7] = 128;
    expect(indexedPng(rgba, 2, 2)).toBeUndefined();
  });

  it('reads pixels that do not start on a 4-byte boundary, in a Buffer (as resvg gives them) or not', () => {
    const rgba = pixels(6, (i) => (i % 3) * 0x400000);
    for (const whole of [new Uint8Array(rgba.length + 1), Buffer.alloc(rgba.length + 1)]) {
      const shifted = whole.subarray(1);
      shifted.set(rgba);
      const png = indexedPng(shifted, 3, 2) as Uint8Array;
      expect(Buffer.from(decoded(png).data)).toEqual(Buffer.from(rgba));
    }
  });

  it('declines an image without a pixel, which PNG cannot say', () => {
    expect(indexedPng(new Uint8Array(0), 0, 5)).toBeUndefined();
    expect(indexedPng(new Uint8Array(0), 5, 0)).toBeUndefined();
  });

  it('falls back to resvg’s encoding for a drawing of many colours', () => {
    const gradient =
      '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="20"><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#f0a"/></linearGradient></defs><rect width="600" height="20" fill="url(#g)"/></svg>';
    const png = renderPng(gradient, 600);
    expect(colourType(png.bytes)).not.toBe(3);
    expect(decoded(png.bytes).data).toEqual(Buffer.from(resvgPixels(gradient, 600)));
  });
});
