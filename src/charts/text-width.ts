/**
 * Text widths for vega's layout. Without a canvas in Node, vega guesses
 * every character is 0.8 em wide, which leaves charts with half their width
 * for labels. We read the real advance widths from the bundled TrueType
 * files (the cmap and hmtx tables), so labels, legends and margins are laid
 * out for the font the chart is drawn with.
 *
 * `textMetrics.width` is vega's hook for a measure of one's own (vega#3792,
 * made for vl-convert, which measures with resvg as we do): vega calls it for
 * layout and for truncation alike. It is set once, here, for the process.
 */
import * as vega from 'vega';
import { trueTypeBytes } from '../fonts.js';
import { readMetrics } from './font-metrics.js';

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: number | string;
}

let installed = false;

/** Make vega measure text with the chart font's real widths (regular and semibold). */
export function useFontMetrics(): void {
  if (installed) return;
  const pick = (variant: string) => readMetrics(trueTypeBytes(`SourceSans3_${variant}`));
  const regular = pick('400Regular.');
  const semibold = pick('600SemiBold.');
  const measure = (item: TextItem, text?: unknown): number => {
    const value = text ?? item.text;
    const lines = Array.isArray(value) ? value.map(String) : [String(value ?? '')];
    const weight = Number(item.fontWeight) || (item.fontWeight === 'bold' ? 700 : 400);
    const metrics = weight >= 600 ? semibold : regular;
    const size = item.fontSize ?? 11;
    return Math.max(
      ...lines.map(
        (line) =>
          [...line].reduce((w, ch) => w + metrics.advance(ch.codePointAt(0) as number), 0) * size,
      ),
    );
  };
  (vega as unknown as { textMetrics: { width: typeof measure } }).textMetrics.width = measure;
  installed = true;
}
