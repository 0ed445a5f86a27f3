/**
 * The bundled fonts, from npm packages so every machine prints the same
 * document: Source Serif 4 for text, Source Sans 3 for headings, charts and
 * tables (both SIL Open Font License). Browsers get the WOFF2 files
 * (@fontsource), embedded as data URLs; the PNG renderer needs TrueType
 * (@expo-google-fonts), the same typefaces.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

interface Face {
  family: 'Source Serif 4' | 'Source Sans 3';
  weight: 400 | 600 | 700;
  style: 'normal' | 'italic';
}

const FACES: Face[] = [
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
