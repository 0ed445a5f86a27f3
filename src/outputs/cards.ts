/**
 * Social cards, composed as SVG and drawn without a browser (resvg, in the
 * drawing thread, with the bundled fonts): the article's title card, one
 * card per key figure (the number, its sentence with its base) and one per
 * chart, each in Open Graph's 1200x630 and a 1080x1080 square, with the
 * publication's name (or logo) and the source line. Text is wrapped by the
 * real widths of the bundled typefaces (text-width.ts).
 */
import type { Drawing } from '../charts/draw.js';
import { textWidth } from '../charts/font-metrics.js';
import type { CardSize } from '../paths.js';
import { escapeXml } from './xml-text.js';

export interface CardFrame {
  size: CardSize;
  publication: string;
  /** The theme's cleaned logo SVG, drawn in place of the name. */
  logoSvg?: string;
  accent: string;
  /** "Source : …" */
  source: string;
}

const INK = '#1d2327';
const MUTED = '#5b6770';
const SANS = 'Source Sans 3';
const SERIF = 'Source Serif 4';
const MARGIN = 64;

const dimensions = (size: CardSize) =>
  size === '1200x630' ? { width: 1200, height: 630 } : { width: 1080, height: 1080 };

/** The article: its title and dek. */
export function titleCard(frame: CardFrame, title: string, dek: string): string {
  const { width, height } = dimensions(frame.size);
  const square = frame.size === '1080x1080';
  const titleSize = square ? 68 : 56;
  const top = square ? 260 : 170;
  const titleLines = wrap(title, titleSize, { family: SANS, bold: true }, width - 2 * MARGIN, 4);
  const dekTop = top + titleLines.length * titleSize * 1.1 + 30;
  const dekSize = square ? 36 : 30;
  const dekLines = wrap(
    dek,
    dekSize,
    { family: SERIF },
    width - 2 * MARGIN,
    square ? 6 : Math.max(1, Math.floor((height - 110 - dekTop) / (dekSize * 1.3))),
  );
  return card(
    frame,
    [
      text(titleLines, MARGIN, top, titleSize, 1.1, { bold: true, fill: INK }),
      text(dekLines, MARGIN, dekTop + dekSize, dekSize, 1.3, { family: SERIF, fill: MUTED }),
    ].join(''),
  );
}

/** A key figure: the number large in the accent colour, its sentence (with its base) under it. */
export function figureCard(frame: CardFrame, number: string, sentence: string): string {
  const { width } = dimensions(frame.size);
  const square = frame.size === '1080x1080';
  const numberSize = square ? 220 : 170;
  const top = square ? 200 + numberSize : 130 + numberSize;
  const sentenceSize = square ? 50 : 42;
  const lines = wrap(sentence, sentenceSize, { family: SANS }, width - 2 * MARGIN, square ? 6 : 3);
  return card(
    frame,
    [
      text([number], MARGIN, top, numberSize, 1, { bold: true, fill: frame.accent }),
      text(lines, MARGIN, top + sentenceSize * 1.5, sentenceSize, 1.25, { fill: INK }),
    ].join(''),
  );
}

/**
 * A chart: its finding as title, the drawing that reads largest in the
 * space left, its base note. Landscape: title and note in a left column,
 * the chart beside them at full height; square: stacked.
 */
export function chartCard(
  frame: CardFrame,
  title: string,
  drawings: Drawing[],
  baseNote: string,
): string {
  const { width, height } = dimensions(frame.size);
  const square = frame.size === '1080x1080';
  const top = 120;
  const titleSize = square ? 48 : 38;
  const column = square ? width - 2 * MARGIN : 400;
  const titleLines = wrap(title, titleSize, { family: SANS, bold: true }, column, square ? 2 : 5);
  const titleEnd = top + titleLines.length * titleSize * 1.15;
  const noteSize = square ? 22 : 20;
  const note = wrap(baseNote, noteSize, { family: SANS }, column, square ? 2 : 6);
  const area = square
    ? { x: MARGIN, y: titleEnd + 16, width: column, height: height - titleEnd - 16 - 150 }
    : {
        x: MARGIN + column + 40,
        y: top - 20,
        width: width - 2 * MARGIN - column - 40,
        height: height - top - 90,
      };
  // The drawing whose text comes out largest once fitted (all have the same text size in their units).
  const scaled = drawings
    .map((d) => ({ d, scale: Math.min(area.width / d.width, area.height / d.height) }))
    .reduce((a, b) => (b.scale > a.scale ? b : a));
  const x = area.x + (area.width - scaled.d.width * scaled.scale) / 2;
  const y = square ? area.y : area.y + (area.height - scaled.d.height * scaled.scale) / 2;
  const inner = scaled.d.svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const noteTop = square
    ? height - 96 - (note.length - 1) * noteSize * 1.3
    : titleEnd + 30 + noteSize;
  return card(
    frame,
    [
      text(titleLines, MARGIN, top + titleSize, titleSize, 1.15, { bold: true, fill: INK }),
      `<g transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) scale(${scaled.scale.toFixed(4)})">${inner}</g>`,
      text(note, MARGIN, noteTop, noteSize, 1.3, { fill: MUTED }),
    ].join(''),
  );
}

/** The frame every card shares: white, an accent rule, the publication at the top, the source at the foot. */
function card(frame: CardFrame, body: string): string {
  const { width, height } = dimensions(frame.size);
  const masthead = frame.logoSvg
    ? nested(frame.logoSvg, MARGIN, 40, 48)
    : text([frame.publication], MARGIN, 78, 30, 1, { bold: true, fill: INK });
  const source = wrap(frame.source, 22, { family: SANS }, width - 2 * MARGIN, 1);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="#ffffff"/>
<rect width="${width}" height="12" fill="${frame.accent}"/>
${masthead}
${body}
<line x1="${MARGIN}" x2="${width - MARGIN}" y1="${height - 70}" y2="${height - 70}" stroke="#d5dbe0" stroke-width="2"/>
${text(source, MARGIN, height - 34, 22, 1, { fill: MUTED })}
</svg>`;
}

/** The logo drawn `height` tall at (x, y), its width from its viewBox. */
function nested(svg: string, x: number, y: number, height: number): string {
  const box = /viewBox="([\d.\s-]+)"/.exec(svg)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  const [w, h] = [box[2] ?? height, box[3] ?? height];
  const width = (height * w) / h;
  return svg.replace(
    /^<svg\b[^>]*?>/,
    (open) =>
      `${open
        .replace(/\s(width|height|x|y)="[^"]*"/g, '')
        .replace(
          /^<svg/,
          `<svg x="${x}" y="${y}" width="${width.toFixed(1)}" height="${height}"`,
        )}`,
  );
}

function text(
  lines: string[],
  x: number,
  y: number,
  size: number,
  leading: number,
  style: { bold?: boolean; family?: string; fill: string },
): string {
  const family = style.family ?? SANS;
  const spans = lines
    .map(
      (l, i) =>
        `<tspan x="${x}" y="${(y + i * size * leading).toFixed(1)}">${escapeXml(l)}</tspan>`,
    )
    .join('');
  return `<text font-family="${family}" font-size="${size}" font-weight="${style.bold ? 700 : 400}" fill="${style.fill}">${spans}</text>`;
}

/**
 * Words into lines no wider than `width`; past `most` lines the last ends
 * with an ellipsis. A figure is never cut: its no-break spaces keep it one word.
 */
export function wrap(
  text: string,
  size: number,
  face: { family: string; bold?: boolean },
  width: number,
  most: number,
): string[] {
  const font = { family: face.family as 'Source Sans 3' | 'Source Serif 4', bold: face.bold };
  const fits = (line: string) => textWidth(line, size, font) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    const tried = line ? `${line} ${word}` : word;
    if (fits(tried) || !line) line = tried;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= most) return lines;
  const kept = lines.slice(0, most);
  let last = kept[most - 1] as string;
  while (last.includes(' ') && !fits(`${last}…`)) last = last.slice(0, last.lastIndexOf(' '));
  kept[most - 1] = `${last}…`;
  return kept;
}
