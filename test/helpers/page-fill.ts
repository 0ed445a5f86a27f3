/**
 * How full each printed page is: the PDF rasterised by poppler (pdftoppm,
 * greyscale), then for each page the lowest inked row of the text area
 * (inside the 22 mm margins, so the running header and footer do not
 * count), as a share of the text area's height.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PRINT_PAGE } from '../../src/charts/drawings.js';

const DPI = 40;

export function pageFills(pdf: string): number[] {
  const folder = mkdtempSync(path.join(tmpdir(), 'enquete-fill-'));
  try {
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', pdf, path.join(folder, 'p')]);
    return readdirSync(folder)
      .sort()
      .map((f) => fill(readFileSync(path.join(folder, f))));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A binary PGM (P5): the lowest row of the text area with a pixel darker than light grey. */
function fill(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote something other than a PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  const margin = Math.round((PRINT_PAGE.marginMm / 25.4) * DPI);
  const top = margin;
  const bottom = height - margin;
  for (let y = bottom - 1; y >= top; y--) {
    for (let x = margin; x < width - margin; x++) {
      if ((data[y * width + x] as number) < 200) return (y + 1 - top) / (bottom - top);
    }
  }
  return 0;
}

/** The text of each page (pdftotext), to tell the article's pages from the appendix's. */
export function pageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdf, '-'], {
    encoding: 'utf8',
  })
    .split('\f')
    .slice(0, -1);
}
