/**
 * The bundled fonts, from npm packages so every machine prints the same
 * document: Source Serif 4 for text, Source Sans 3 for headings, charts and
 * tables (both SIL Open Font License). Browsers get the WOFF2 files
 * (@fontsource), embedded as data URLs; the PNG renderer needs TrueType
 * (@expo-google-fonts), the same typefaces.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

export interface Face {
  family: 'Source Serif 4' | 'Source Sans 3';
  weight: 400 | 600 | 700;
  style: 'normal' | 'italic';
}

/** The eight faces bundled, each as WOFF2 for browsers and as TrueType for resvg. */
export const FACES: readonly Face[] = [
  { family: 'Source Serif 4', weight: 400, style: 'normal' },
  { family: 'Source Serif 4', weight: 400, style: 'italic' },
  { family: 'Source Serif 4', weight: 600, style: 'normal' },
  { family: 'Source Serif 4', weight: 700, style: 'normal' },
  { family: 'Source Sans 3', weight: 400, style: 'normal' },
  { family: 'Source Sans 3', weight: 400, style: 'italic' },
  { family: 'Source Sans 3', weight: 600, style: 'normal' },
  { family: 'Source Sans 3', weight: 700, style: 'normal' },
];

const slug = (f: Face) => f.family.toLowerCase().replaceAll(' ', '-');

export function woff2Path(f: Face): string {
  return path.join(
    packageDir(`@fontsource/${slug(f)}`),
    'files',
    `${slug(f)}-latin-${f.weight}-${f.style}.woff2`,
  );
}

const TTF_WEIGHT = { 400: '400Regular', 600: '600SemiBold', 700: '700Bold' } as const;

let trueType: readonly string[] | undefined;

/**
 * TrueType files for resvg, which reads neither WOFF2 nor CSS. Found once per
 * thread: each lookup resolves a package on disk, and a build asks for every PNG.
 */
export function trueTypePaths(): readonly string[] {
  trueType ??= FACES.map((f) => {
    const pkg = `@expo-google-fonts/${slug(f)}`;
    const name = f.family === 'Source Serif 4' ? 'SourceSerif4' : 'SourceSans3';
    const variant = `${TTF_WEIGHT[f.weight]}${f.style === 'italic' ? '_Italic' : ''}`;
    return path.join(packageDir(pkg), variant, `${name}_${variant}.ttf`);
  });
  return trueType;
}

/**
 * resvg shapes each text of a PNG anew, reading the layout tables of the
 * whole face each time: with the full faces, laying out an image's text
 * took about as long as drawing it. The bundle step (scripts/png-fonts.mjs)
 * cuts each TrueType face down to the characters of French text below that
 * every face has, with every layout feature and the glyphs they reach kept
 * (HarfBuzz's subsetter): resvg draws the same pixels with them
 * (test/charts/png-fonts.test.ts), the 2024 edition's 52 PNGs in a sixth to
 * a fifth less processor time (`npm run bench`, README). An image with any
 * other character, one the faces lack included (drawn as the full face's
 * .notdef box), is drawn with the full faces.
 */
const CUT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0x17f], // Latin-1 and Latin Extended-A: accents, « », œ, ×, ±, no-break space
  [0x2000, 0x206f], // general punctuation: spaces (narrow no-break), dashes, quotes, …, ‰
  [0x20ac, 0x20ac], // €
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus sign
  [0x2248, 0x2248], // ≈
  [0x2260, 0x2260], // ≠
  [0x2264, 0x2265], // ≤ ≥
];

/** The characters asked of the cut: French text's, before those some face lacks are left out. */
export function cutFaceCandidates(): string[] {
  return CUT_RANGES.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
  );
}

/** Where the bundle step writes the cut faces: dist/png-fonts/, the same folder from src/ and dist/. */
export const CUT_FACE_FOLDER = fileURLToPath(new URL('../dist/png-fonts/', import.meta.url));
/** The file listing the characters every cut face keeps, written beside them (UTF-8). */
export const CUT_FACE_LIST = path.join(CUT_FACE_FOLDER, 'characters.txt');

/** Where the cut-down face of this TrueType file (one of trueTypePaths) is written. */
export function cutFacePath(trueType: string): string {
  return path.join(CUT_FACE_FOLDER, path.basename(trueType));
}

interface CutFaces {
  files: readonly string[];
  /** Kept characters by UTF-16 code unit (all are in the BMP). */
  keeps: Uint8Array;
}

let cut: CutFaces | null | undefined;

/** The cut faces in trueTypePaths' order and what they keep, or null when they were not made. */
function cutFaces(): CutFaces | null {
  if (cut === undefined) {
    const files = trueTypePaths().map(cutFacePath);
    cut = null;
    if ([CUT_FACE_LIST, ...files].every((f) => existsSync(f))) {
      const keeps = new Uint8Array(0x10000);
      // The markup's own white space, besides the text's characters.
      for (const c of [0x09, 0x0a, 0x0d]) keeps[c] = 1;
      for (const c of readFileSync(CUT_FACE_LIST, 'utf8')) keeps[c.charCodeAt(0)] = 1;
      cut = { files, keeps };
    }
  }
  return cut;
}

/** The cut faces in trueTypePaths' order, or null when they were not made (the full faces serve then). */
export function cutTrueTypePaths(): readonly string[] | null {
  return cutFaces()?.files ?? null;
}

/** The faces resvg is given for this SVG, in trueTypePaths' order: cut down when they keep all of it. */
export function pngFaces(svg: string): readonly string[] {
  const faces = cutFaces();
  return faces && cutFacesCover(svg) ? faces.files : trueTypePaths();
}

/**
 * What may bring into the drawing a character the scan below cannot see:
 * a DTD (its entities), a reference other than XML's five entities and
 * well-formed character references, an image (an SVG inside it, from a
 * data: URL of any type or from a file, is drawn with the same fonts).
 * The charts and cards have none of these; the logo is nested inline.
 */
const HIDDEN_TEXT =
  /<!DOCTYPE|<!ENTITY|&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)|<image\b|<feImage\b/;

/**
 * Whether the cut faces keep every character of this SVG, its markup's and
 * its text's, written as they are or as character references.
 */
export function cutFacesCover(svg: string): boolean {
  const keeps = cutFaces()?.keeps;
  if (!keeps || HIDDEN_TEXT.test(svg)) return false;
  // A character outside the BMP is two surrogates, which no cut face keeps.
  for (let i = 0; i < svg.length; i++) if (keeps[svg.charCodeAt(i)] !== 1) return false;
  for (const [, hex, digits] of svg.matchAll(/&#(x?)([0-9a-fA-F]+);/g)) {
    const c = Number.parseInt(digits as string, hex ? 16 : 10);
    if (!(c < 0x10000 && keeps[c] === 1)) return false;
  }
  return true;
}

/** The bytes of the TrueType file whose name holds `key` ("SourceSans3_400Regular."), for reading its metrics. */
export function trueTypeBytes(key: string): Buffer {
  const file = trueTypePaths().find((f) => f.includes(key));
  if (!file) throw new Error(`no bundled TrueType font named like ${key}`);
  return readFileSync(file);
}

/** @font-face rules with the fonts inlined, so a page needs no request to show them. */
export async function fontFaceCss(): Promise<string> {
  const rules = await Promise.all(
    FACES.map(async (f) => {
      const data = (await readFile(woff2Path(f))).toString('base64');
      return `@font-face{font-family:"${f.family}";font-style:${f.style};font-weight:${f.weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2")}`;
    }),
  );
  return rules.join('\n');
}
