#!/usr/bin/env node
/**
 * The build's PNGs drawn, and nothing else, on one thread of a fresh Node
 * process: every PNG the build draws (its SVG and width in pixels, taken
 * from the build by bench/floor-inputs.mjs), drawn and encoded by the
 * build's own code (src/charts/png.ts), with the faces the build gives
 * resvg (`cut`: cut down to French text where an image allows it) or with
 * the font packages' full faces for every image (`full`). What the cut faces
 * save a build.
 *
 *   node bench/draw-pngs.mjs <pngs.json> cut|full
 */
import { readFileSync } from 'node:fs';
import { fontsOf, renderPng } from '../dist/charts/png.js';
import { cutTrueTypePaths, trueTypePaths } from '../dist/fonts.js';

const [list, faces] = process.argv.slice(2);
if (faces !== 'cut' && faces !== 'full') throw new Error('say cut or full');
if (faces === 'cut' && !cutTrueTypePaths()) throw new Error('no cut faces: run `npm run build`');
for (const { svg, widthPx } of JSON.parse(readFileSync(list, 'utf8')))
  renderPng(svg, widthPx, faces === 'cut' ? undefined : fontsOf(svg, trueTypePaths()));
