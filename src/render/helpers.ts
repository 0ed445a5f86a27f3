/**
 * The Handlebars helpers templates print figures with. Each takes a figure
 * id and returns French-formatted text; templates never compute or type a
 * number themselves. Helpers return plain strings, so Handlebars escapes
 * them like any other value.
 */
import type { HelperOptions } from 'handlebars';
import type { FigureIndex } from '../format/figure-index.js';
import {
  formatBase,
  formatDecimal,
  formatInteger,
  formatLongDate,
  formatOutOf,
  formatPercent,
  formatShare,
  fractionWords,
} from '../format/french.js';

type Helper = (...args: unknown[]) => unknown;

/** Two shares closer than this read as "about the same" in the prose. */
export const SIMILAR_GAP = 0.05;

export function figureHelpers(index: FigureIndex): Record<string, Helper> {
  const positional = (args: unknown[]) => args.slice(0, -1);
  const hash = (args: unknown[]) =>
    (args[args.length - 1] as HelperOptions).hash as Record<string, unknown>;
  return {
    /** "52 %", or "21 sur 24" when the base is under 30. */
    share: (id) => {
      const f = index.share(id);
      return formatShare(f.count, f.base);
    },
    /** Always a percentage: "52 %". */
    pct: (id) => formatPercent(index.share(id).value),
    /** Always "21 sur 24". */
    outof: (id) => {
      const f = index.share(id);
      return formatOutOf(f.count, f.base);
    },
    /** A count: a share's numerator or a count figure. */
    count: (id) => {
      const f = index.get(id);
      return formatInteger(f.kind === 'share' ? f.count : index.number(id));
    },
    /** The base of a share or mean. */
    base: (id) => {
      const f = index.get(id);
      if (f.kind !== 'share' && f.kind !== 'mean') return formatInteger(index.number(id));
      return formatInteger(f.base);
    },
    /** "n = 46" */
    n: (id) => {
      const f = index.get(id);
      return formatBase(f.kind === 'share' || f.kind === 'mean' ? f.base : index.number(id));
    },
    /** "7,1" (decimals=1 by default). */
    mean: (...args) =>
      formatDecimal(index.mean(positional(args)[0]).value, Number(hash(args).decimals ?? 1)),
    /** "un peu plus de la moitié" */
    words: (id) => fractionWords(index.share(id).value),
    date: (id) => {
      const f = index.get(id);
      return f.kind === 'date' ? formatLongDate(f.value) : String(f.value);
    },
    /** For conditions: {{#if (above "a" "b")}} */
    above: (a, b) => index.number(a) > index.number(b),
    below: (a, b) => index.number(a) < index.number(b),
    /** True when the shares or means named differ by less than `gap` (default 5 points). */
    similar: (...args) => {
      const values = positional(args).map((id) => index.number(id));
      const gap = Number(hash(args).gap ?? SIMILAR_GAP);
      return Math.max(...values) - Math.min(...values) < gap;
    },
    /** True when the first figure is at least as large as every other one named. */
    highest: (...args) => {
      const [first, ...others] = positional(args).map((id) => index.number(id));
      return others.every((o) => (first as number) >= o);
    },
    /** True when the share is at least `than` (a number from 0 to 1). */
    atLeast: (id, than) => index.number(id) >= Number(than),
    /** Picks the singular or plural word for a figure's count. */
    plural: (id, one, many) => {
      const f = index.get(id);
      const n = f.kind === 'share' ? f.count : index.number(id);
      return n > 1 ? many : one;
    },
  };
}
