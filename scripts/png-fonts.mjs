#!/usr/bin/env node
/**
 * The PNG renderer's faces cut down to French text's characters
 * (src/fonts.ts says why), written to dist/png-fonts/ from the TrueType
 * files of the font packages by HarfBuzz's subsetter (subset-font), every
 * layout feature kept, with the list of the characters kept: those of
 * fonts.ts's ranges that every face has. Run by scripts/bundle.mjs, so they
 * are made again whenever the bundle is (after a compilation or an
 * `npm install`). Made beside, then put in place whole, as the bundle is.
 *
 *   node scripts/png-fonts.mjs
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import subsetFont from 'subset-font';
import { readMetrics } from '../dist/charts/font-metrics.js';
import {
  CUT_FACE_CHARACTERS,
  CUT_FACE_FOLDER,
  cutFaceCandidates,
  trueTypePaths,
} from '../dist/fonts.js';

/** Every name ID OpenType defines (0 to 25). */
const NAME_IDS = Array.from({ length: 26 }, (_, i) => i);

export async function writePngFonts() {
  const folder = CUT_FACE_FOLDER.replace(/[\\/]$/, '');
  const made = `${folder}.${process.pid}.part`;
  const old = `${folder}.${process.pid}.old`;
  try {
    await mkdir(made, { recursive: true });
    const faces = await Promise.all(trueTypePaths().map((file) => readFile(file)));
    const metrics = faces.map((bytes) => readMetrics(bytes));
    // A character some face lacks is drawn as its .notdef box, which the cut drops: left to the full faces.
    const text = cutFaceCandidates()
      .filter((c) => metrics.every((m) => m.has(c.codePointAt(0))))
      .join('');
    for (const [i, file] of trueTypePaths().entries()) {
      const cut = await subsetFont(faces[i], text, {
        targetFormat: 'truetype',
        // All the names: resvg finds a face by its typographic family and subfamily (16, 17),
        // which the subsetter drops by default ("Source Sans 3" and "SemiBold", not the
        // legacy "Source Sans 3 SemiBold"): without them, 600 would be drawn in the 700 face.
        preserveNameIds: NAME_IDS,
      });
      await writeFile(path.join(made, path.basename(file)), cut);
    }
    await writeFile(path.join(made, CUT_FACE_CHARACTERS), text);
    await rename(folder, old).catch(() => {});
    await rename(made, folder);
  } finally {
    await Promise.all([made, old].map((f) => rm(f, { recursive: true, force: true })));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await writePngFonts();
