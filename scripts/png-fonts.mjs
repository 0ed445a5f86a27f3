#!/usr/bin/env node
/**
 * The PNG renderer's faces cut down to French text's characters
 * (src/fonts.ts says why), written to dist/png-fonts/ from the TrueType
 * files of the font packages by HarfBuzz's subsetter (subset-font), every
 * layout feature kept, with the list of the characters kept: those of
 * fonts.ts's ranges that every face has. Run by scripts/bundle.mjs, so they
 * are made again whenever the bundle is (after a compilation or an
 * `npm install`, or when this script changed or the faces are missing:
 * scripts/setup.mjs).
 *
 * A file whose bytes are unchanged (the usual case) is left alone; another
 * replaces the old one at once (written beside, then renamed over it), so a
 * build or a preview running meanwhile never finds a face missing.
 *
 *   node scripts/png-fonts.mjs
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import subsetFont from 'subset-font';
import { readMetrics } from '../dist/charts/font-metrics.js';
import {
  CUT_FACE_FOLDER,
  CUT_FACE_LIST,
  cutFaceCandidates,
  cutFacePath,
  trueTypePaths,
} from '../dist/fonts.js';

/** Every name ID OpenType defines (0 to 25). */
const NAME_IDS = Array.from({ length: 26 }, (_, i) => i);

export async function writePngFonts() {
  await mkdir(CUT_FACE_FOLDER, { recursive: true });
  const faces = await Promise.all(trueTypePaths().map((file) => readFile(file)));
  const metrics = faces.map((bytes) => readMetrics(bytes));
  // A character some face lacks is drawn as its .notdef box, which the cut drops: left to the full faces.
  const text = cutFaceCandidates()
    .filter((c) => metrics.every((m) => m.has(c.codePointAt(0))))
    .join('');
  // A list read with the faces of another cut could claim a character they lack: when the list
  // changes, it goes first, and comes back after its faces (meanwhile the full faces serve).
  const listed = await readFile(CUT_FACE_LIST, 'utf8').catch(() => null);
  if (listed !== text) await rm(CUT_FACE_LIST, { force: true });
  for (const [i, file] of trueTypePaths().entries()) {
    const cut = await subsetFont(faces[i], text, {
      targetFormat: 'truetype',
      // All the names: resvg finds a face by its typographic family and subfamily (16, 17),
      // which the subsetter drops by default ("Source Sans 3" and "SemiBold", not the
      // legacy "Source Sans 3 SemiBold"): without them, 600 would be drawn in the 700 face.
      preserveNameIds: NAME_IDS,
    });
    await replace(cutFacePath(file), cut);
  }
  // The list last: a list present says its faces are.
  await replace(CUT_FACE_LIST, Buffer.from(text, 'utf8'));
}

/** The file given these bytes, unless it has them already: written beside, then renamed over it. */
async function replace(file, bytes) {
  const old = await readFile(file).catch(() => null);
  if (old?.equals(bytes)) return;
  const part = `${file}.${process.pid}.part`;
  try {
    await writeFile(part, bytes);
    await rename(part, file);
  } finally {
    await rm(part, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await writePngFonts();
