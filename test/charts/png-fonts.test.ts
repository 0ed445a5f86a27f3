/**
 * The PNG renderer's cut-down faces (fonts.ts, scripts/png-fonts.mjs, made
 * by the setup that `npm test` runs first) draw exactly the pixels of the
 * full faces, for every character they keep in every face; an image with
 * any other character is drawn with the full faces.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { fontsOf, resvgOptions } from '../../src/charts/png.js';
import {
  CUT_FACE_LIST,
  cutFaceCandidates,
  cutFacesCover,
  cutTrueTypePaths,
  FACES,
  trueTypePaths,
} from '../../src/fonts.js';
import { escapeXml } from '../../src/outputs/xml-text.js';

const kept = () => readFileSync(CUT_FACE_LIST, 'utf8');

/** Every kept character, sixty to a line, in each of the eight faces, as the charts and cards set text. */
function everyCharacter(): string {
  const text = [...kept()];
  const lines = Array.from({ length: Math.ceil(text.length / 60) }, (_, i) =>
    text.slice(i * 60, i * 60 + 60).join(''),
  );
  // And text as it comes: kerned pairs, ligatures, French spaces.
  lines.push('AVANT « Té » : L’IA, 81\u202f% — Œuvre, fi fl ffi, 1\u202f234,5 Wa To Yv');
  let y = 0;
  const texts = FACES.flatMap((face) =>
    lines.map((line) => {
      y += 22;
      return `<text x="4" y="${y}" font-family="${face.family}" font-size="16" font-weight="${face.weight}" font-style="${face.style}">${escapeXml(line)}</text>`;
    }),
  );
  // Faces matched to what none of the eight is: other weights, bold italic, generic and unknown families.
  const matched = [
    ['Source Sans 3', 500, 'normal'],
    ['Source Sans 3', 800, 'normal'],
    ['Source Serif 4', 700, 'italic'],
    ['sans-serif', 400, 'normal'],
    ['serif', 600, 'normal'],
    ['Arial', 400, 'normal'],
  ].map(([family, weight, style]) => {
    y += 22;
    return `<text x="4" y="${y}" font-family="${family}" font-weight="${weight}" font-style="${style}" font-size="16">AVANT « Té » : L’IA, 81\u202f%</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${y + 10}">${[...texts, ...matched].join('')}</svg>`;
}

/** The image as resvg draws it for the build, 900 pixels wide, with these font files. */
const pixels = (svg: string, fontFiles: readonly string[]): Buffer =>
  new Resvg(svg, resvgOptions(900, [...fontFiles])).render().asPng();

describe('the cut-down faces of the PNGs', () => {
  it('are made, one for each full face, keeping the French characters every face has', () => {
    const cut = cutTrueTypePaths() ?? [];
    expect(cut.length).toBe(trueTypePaths().length);
    // Cut indeed: each under half its full face.
    for (const [i, file] of cut.entries())
      expect(statSync(file).size).toBeLessThan(statSync(trueTypePaths()[i] as string).size / 2);
    for (const c of 'aàâçéèêëîïôœùûüÿÀÇÉŒ«»’–—…€%\u202f\u00a0') expect(kept()).toContain(c);
    // Asked for, but some face lacks it: left out.
    expect(cutFaceCandidates()).toContain('\u2028');
    expect(kept()).not.toContain('\u2028');
  });

  it('draw every character they keep, in every face, exactly as the full faces do', () => {
    const svg = everyCharacter();
    expect(cutFacesCover(svg)).toBe(true);
    const cut = pixels(svg, cutTrueTypePaths() ?? []);
    expect(cut.equals(pixels(svg, trueTypePaths()))).toBe(true);
    // And the text is drawn at all: the page is not blank.
    expect(cut.equals(pixels(svg, []))).toBe(false);
  });

  it('draw every chart kind exactly as the full faces do', () => {
    const folder = 'test/golden/output';
    const charts = readdirSync(folder).filter((f) => f.endsWith('.svg'));
    expect(charts.length).toBeGreaterThan(5);
    for (const chart of charts) {
      const svg = readFileSync(path.join(folder, chart), 'utf8');
      expect(cutFacesCover(svg)).toBe(true);
      expect(pixels(svg, cutTrueTypePaths() ?? []).equals(pixels(svg, trueTypePaths()))).toBe(true);
    }
  });

  it('serve an image whose characters they all keep, the full faces any other', () => {
    const card = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20"><text font-family="Source Sans 3" y="15">${text}</text></svg>`;
    const cutFolder = (files: string[]) => files.every((f) => /[\\/]png-fonts[\\/]/.test(f));
    expect(cutFolder(fontsOf(card('Œuvre : 52\u202f% « oui » – 1\u202f234 €')))).toBe(true);
    // XML's escapes and character references of kept characters, as vega and the cards write them.
    expect(cutFolder(fontsOf(card('R&#38;D &amp; &lt; &gt; &quot; &apos; &#xE9;&#xA;')))).toBe(
      true,
    );
    const hidden = [
      '<!DOCTYPE svg [<!ENTITY o "&#38;#937;">]>',
      '&nbsp;',
      '<image href="data:image/svg+xml;base64,PHN2Zy8+"/>',
      '<image href="data:,%3Csvg/%3E"/>',
      '<image href="other.svg"/>',
      '&#X41;',
    ];
    for (const other of ['Ω', '中', '😀', '&#937;', '&#x4E2D;', '\u2028', '&#x2028;', ...hidden]) {
      expect(cutFacesCover(card(other))).toBe(false);
      expect(fontsOf(card(other))).toEqual(
        trueTypePaths().filter((f) => f.includes('SourceSans3')),
      );
    }
  });
});
