/**
 * Colour contrast as WCAG 2.x defines it (relative luminance of sRGB,
 * ratio (L1 + 0.05) / (L2 + 0.05)), to check a theme's accent before it is
 * used for text, and to find the nearest shade that would pass.
 */

/** WCAG AA for body-size text. */
export const AA_TEXT = 4.5;

type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [m[1], m[2], m[3]].map((h) => Number.parseInt(h as string, 16)) as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(parseHex(a)), luminance(parseHex(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The colour mixed towards `towards` (black to darken, white to lighten),
 * by the smallest step that reaches `ratio` against `background`.
 */
export function shadeFor(
  colour: string,
  background: string,
  ratio = AA_TEXT,
  towards = '#000000',
): string {
  const from = parseHex(colour);
  const to = parseHex(towards);
  for (let k = 0; k <= 100; k++) {
    const mixed = toHex(from.map((c, i) => c + ((to[i] as number) - c) * (k / 100)) as Rgb);
    if (contrast(mixed, background) >= ratio) return mixed;
  }
  return towards;
}
