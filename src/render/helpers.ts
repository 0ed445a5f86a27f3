/**
 * The Handlebars helpers templates print figures with. Each takes a figure
 * id and returns French-formatted text; templates never compute or type a
 * number themselves. Helpers return plain strings, so Handlebars escapes
 * them like any other value.
 */
import type { HelperOptions } from 'handlebars';
import { difference, direction } from '../analysis/change.js';
import type { FigureIndex } from '../format/figure-index.js';
import {
  formatBase,
  formatChange,
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
    /** "7,1", or "7,35" where any template asks for decimals=2: one rounding per figure (precision.ts). */
    mean: (id) => index.meanText(id),
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
    /**
     * True when the first group's share (or mean) is above the second's beyond
     * the noise: the 95 % interval of their difference leaves out 0. What the
     * prose must use to say one group is ahead of another.
     */
    higher: (a, b) => direction(difference(...index.comparable(a, b))) === 'up',
    lower: (a, b) => direction(difference(...index.comparable(a, b))) === 'down',
    /** The change since the previous edition: "+9 points", "−0,4 point", "+16". */
    change: (id) => {
      const f = index.change(id);
      return formatChange(f.of, f.value);
    },
    /** The figure as the previous edition printed it: "43 %" (or "8 sur 14"), "6,9", "144". */
    before: (...args) => {
      const f = index.change(positional(args)[0]);
      const was = f.from.value as number;
      if (f.of === 'share') return formatShare(f.from.count ?? 0, f.from.base ?? 0);
      if (f.of === 'mean') return index.meanText(positional(args)[0], was);
      return formatInteger(was);
    },
    /** The previous edition's id ("2024"), as the change figures name it. */
    previousEdition: () => index.previousEdition(),
    /** Conditions on a change, decided by its 95 % interval: a change within the noise is steady. */
    rose: (id) => direction(index.change(id)) === 'up',
    fell: (id) => direction(index.change(id)) === 'down',
    steady: (id) => direction(index.change(id)) === 'steady',
    /** Picks the singular or plural word for a figure's count. */
    plural: (id, one, many) => {
      const f = index.get(id);
      const n = f.kind === 'share' ? f.count : index.number(id);
      return n > 1 ? many : one;
    },
  };
}
