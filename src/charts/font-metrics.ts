/**
 * Advance widths of the bundled TrueType fonts, read from their cmap and
 * hmtx tables: for vega's text layout (text-width.ts) and for the social
 * cards' lines; and which characters a face has, for the PNG renderer's
 * cut-down faces (scripts/png-fonts.mjs). No chart library here, so the
 * cards do not load one.
 */
import { trueTypeBytes } from '../fonts.js';

export interface Metrics {
  unitsPerEm: number;
  advance(codePoint: number): number;
  /** Whether the face has a glyph for this character (else it draws its .notdef). */
  has(codePoint: number): boolean;
}

export function readMetrics(ttf: Buffer): Metrics {
  const tables = new Map<string, number>();
  const numTables = ttf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    tables.set(ttf.toString('latin1', at, at + 4), ttf.readUInt32BE(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = ttf.readUInt16BE(table('head') + 18);
  const numberOfHMetrics = ttf.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphOf = cmapFormat4(ttf, table('cmap'));
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(codePoint) {
      let w = cache.get(codePoint);
      if (w === undefined) {
        const glyph = Math.min(glyphOf(codePoint), numberOfHMetrics - 1);
        w = ttf.readUInt16BE(hmtx + glyph * 4) / unitsPerEm;
        cache.set(codePoint, w);
      }
      return w;
    },
    has: (codePoint) => glyphOf(codePoint) !== 0,
  };
}

/** The Unicode BMP cmap subtable (platform 3, encoding 1, format 4): code point -> glyph id. */
function cmapFormat4(ttf: Buffer, cmap: number): (codePoint: number) => number {
  const count = ttf.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    if (ttf.readUInt16BE(rec) === 3 && ttf.readUInt16BE(rec + 2) === 1)
      sub = cmap + ttf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || ttf.readUInt16BE(sub) !== 4) throw new Error('font has no Unicode BMP cmap');
  const segX2 = ttf.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    for (let s = 0; s < segX2; s += 2) {
      if (ttf.readUInt16BE(ends + s) < cp) continue;
      const start = ttf.readUInt16BE(starts + s);
      if (start > cp) return 0;
      const delta = ttf.readInt16BE(deltas + s);
      const rangeOffset = ttf.readUInt16BE(ranges + s);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = ttf.readUInt16BE(ranges + s + rangeOffset + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

const measured = new Map<string, Metrics>();

/**
 * The width of a line of text in the bundled typefaces (for laying out text
 * outside vega: the social cards), in the units of `size`.
 */
export function textWidth(
  text: string,
  size: number,
  face: { family: 'Source Sans 3' | 'Source Serif 4'; bold?: boolean },
): number {
  const name = face.family === 'Source Serif 4' ? 'SourceSerif4' : 'SourceSans3';
  const variant = face.bold ? '700Bold.' : '400Regular.';
  const key = `${name}_${variant}`;
  let metrics = measured.get(key);
  if (!metrics) {
    metrics = readMetrics(trueTypeBytes(key));
    measured.set(key, metrics);
  }
  const m = metrics;
  return [...text].reduce((w, ch) => w + m.advance(ch.codePointAt(0) as number), 0) * size;
}
