/**
 * Write the parts of the editors' guide made from the code: each chart
 * kind's chapter and its picture (docs/guide/kinds/<kind>.png, drawn from the
 * example on the data), and the table of helpers and variables, between their
 * markers in docs/guide.md.
 *   npm run docs
 * A test fails when the guide's generated parts differ from what the code makes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderPng } from '../src/charts/render.js';
import { generateGuide, PART_NAMES, type PartName, pictureFile, withPart } from './docs/guide.js';

/** The pictures' width in pixels: the e-mail's drawing (480 units), twice, for sharp screens. */
const PICTURE_PX = 960;

const GUIDE = 'docs/guide.md';
const { parts, charts } = await generateGuide();
let guide = await readFile(GUIDE, 'utf8');
for (const part of Object.keys(PART_NAMES) as PartName[])
  guide = withPart(guide, part, parts[part]);
await writeFile(GUIDE, guide);
console.log(`wrote ${GUIDE}`);
for (const { kind, chart } of charts) {
  const file = pictureFile(kind);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, renderPng(chart.drawings.medium.svg, PICTURE_PX).bytes);
  console.log(`wrote ${file}`);
}
