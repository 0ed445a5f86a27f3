/**
 * The Handlebars helpers templates print figures with. Each takes a figure
 * id and returns French-formatted text; templates never compute or type a
 * number themselves. Helpers return plain strings, so Handlebars escapes
 * them like any other value.
 *
 * The wording helpers (`higher`, `highest`, `similar`, `within`, `rose`…)
 * decide by a 95 % interval, chosen by who the figures count
 * (analysis/compare.ts), never by the bare difference; each decision is put
 * on record when the text is audited (audit.ts).
 */
import Handlebars, { type HelperOptions } from 'handlebars';
import { DomUtils, parseDocument } from 'htmlparser2';
import { direction } from '../analysis/change.js';
import { type Comparison, isAhead, isBehind, noMeasurableDifference } from '../analysis/compare.js';
import type { Figure } from '../analysis/figures.js';
import { pointDifference } from '../analysis/series.js';
import { type FigureIndex, FigureProblem } from '../format/figure-index.js';
import { templates as say } from '../messages/index.js';
import {
  formatBase,
  formatChange,
  formatInteger,
  formatLongDate,
  formatOutOf,
  formatPercent,
  formatShareOf,
  fractionWords,
  frenchText,
  joinFrench,
  SMALL_BASE,
} from '../publication/french.js';
import { publication } from '../publication/index.js';
import { type Audit, type CallPlace, type Claim, placeIn, type TemplatePlace } from './audit.js';

// biome-ignore lint/suspicious/noExplicitAny: Handlebars calls each helper with its own parameters, then its options.
type Helper = (...args: any[]) => unknown;

/** The helper's call: where it is and the audit it reports to, when the text is being audited. */
interface Call {
  name: string;
  place?: CallPlace;
  audit?: Audit;
}

type Entry = Omit<Claim, keyof CallPlace | 'helper' | 'call' | 'result' | 'part'>;

/** The helpers' names, which the editors' guide documents one by one (helper-docs.ts). */
export type FigureHelperName = keyof ReturnType<typeof figureHelpers>;

export function figureHelpers(index: FigureIndex) {
  /** Wraps a helper: its parameters without Handlebars' options, its call, and its failures located. */
  const helper =
    (
      fallback: unknown,
      fn: (call: Call, params: unknown[], hash: Record<string, unknown>) => unknown,
    ): Helper =>
    (...args) => {
      const options = args[args.length - 1] as HelperOptions & {
        loc?: { start: { line: number; column: number } };
      };
      const call = callOf(options);
      try {
        return fn(call, args.slice(0, -1), (options.hash ?? {}) as Record<string, unknown>);
      } catch (e) {
        // Audited, every problem is collected and the text goes on; otherwise the first one stops it.
        if (!(e instanceof FigureProblem) || !call.audit || !call.place) throw e;
        call.audit.problem(call.place, e.figureId, e.complaint);
        return fallback;
      }
    };
  /** A helper that prints one figure: noted as printed, with whether its base shows. */
  const printing = (
    fn: (
      id: unknown,
      params: unknown[],
      hash: Record<string, unknown>,
    ) => { text: string; showsBase: boolean },
  ): Helper =>
    helper('…', (call, params, hash) => {
      const printed = fn(params[0], params, hash);
      call.audit?.print(call.place as CallPlace, call.name, String(params[0]), printed.showsBase);
      return printed.text;
    });
  /** A helper deciding by comparisons: each on record, the answer true only when every one bears it out. */
  const deciding = (
    decide: (call: Call, params: unknown[], hash: Record<string, unknown>) => Entry[],
  ): Helper =>
    helper(false, (call, params, hash) => {
      const entries = decide(call, params, hash);
      if (call.audit && call.place) call.audit.claim(call.place, call.name, entries);
      return entries.every((e) => e.verdict);
    });
  const compared = (a: unknown, b: unknown, verdict: (c: Comparison) => boolean): Entry => {
    const c = index.compare(a, b);
    return {
      figures: [String(a), String(b)],
      values: [index.number(a), index.number(b)],
      difference: c.difference,
      ci: c.ci,
      method: c.method,
      bases: c.bases,
      ...(c.effectiveBases && { effectiveBases: c.effectiveBases }),
      ...(c.rest && { rest: c.rest }),
      verdict: verdict(c),
    };
  };
  const threshold = (
    id: unknown,
    than: unknown,
    verdict: (value: number, than: number) => boolean,
  ): Entry => {
    if (typeof than !== 'number')
      throw new FigureProblem(String(id), say.thresholdNumber(String(than)));
    const f = index.get(id);
    const value = index.number(id);
    return {
      figures: [String(id)],
      values: [value],
      difference: value - than,
      ci: null,
      method: 'threshold',
      bases: 'base' in f ? [f.base] : [],
      verdict: verdict(value, than),
    };
  };
  const changed = (id: unknown, verdict: (d: 'up' | 'down' | 'steady') => boolean): Entry => {
    const f = index.change(id);
    return {
      figures: [f.id],
      values: [f.from.value, f.to.value].filter((v): v is number => v !== null),
      difference: f.value,
      ci: f.ci,
      method: f.of === 'share' ? 'newcombe' : f.of === 'mean' ? 'welch' : 'count',
      bases: [f.from.base, f.to.base].filter((b): b is number => b !== undefined),
      ...(f.from.effectiveBase !== undefined &&
        f.to.effectiveBase !== undefined && {
          effectiveBases: [f.from.effectiveBase, f.to.effectiveBase],
        }),
      verdict: verdict(direction(f)),
    };
  };
  /** The first edition that has the figure against this one, by the interval of a change. */
  const sinceFirst = (id: unknown, verdict: (d: 'up' | 'down' | 'steady') => boolean): Entry => {
    const { series, first, last } = index.since(id);
    const d = pointDifference(series, first, last);
    return {
      figures: [series.id],
      values: [first.value, last.value].filter((v): v is number => v !== null),
      difference: d.value,
      ci: d.ci,
      method: series.of === 'share' ? 'newcombe' : series.of === 'mean' ? 'welch' : 'count',
      bases: [first.base, last.base].filter((b): b is number => b !== undefined),
      verdict: verdict(direction({ ...d, of: series.of })),
    };
  };
  const baseOf = (f: Figure) =>
    f.kind === 'share' || f.kind === 'mean' ? f.base : index.number(f.id);

  return {
    /** "52 %", or "21 sur 24" when the base is under 30 (weighted: "58 % (n = 24)", formatShareOf). */
    share: printing((id) => {
      const f = index.share(id);
      return { text: formatShareOf(f), showsBase: f.base < SMALL_BASE };
    }),
    /** Always a percentage: "52 %". */
    pct: printing((id) => ({ text: formatPercent(index.share(id).value), showsBase: false })),
    /** Always "21 sur 24". */
    outof: printing((id) => {
      const f = index.share(id);
      return { text: formatOutOf(f.count, f.base), showsBase: true };
    }),
    /** A count: a share's numerator or a count figure. */
    count: printing((id) => {
      const f = index.get(id);
      return {
        text: formatInteger(f.kind === 'share' ? f.count : index.number(id)),
        showsBase: false,
      };
    }),
    /** The base of a share or mean. */
    base: printing((id) => ({ text: formatInteger(baseOf(index.get(id))), showsBase: true })),
    /** "n = 46" */
    n: printing((id) => ({ text: formatBase(baseOf(index.get(id))), showsBase: true })),
    /** "7,1", or what `decimals=` asks where the base allows it: one rounding per question (precision.ts). */
    mean: printing((id) => ({ text: index.meanText(id), showsBase: false })),
    /** "un peu plus de la moitié" */
    words: printing((id) => ({ text: fractionWords(index.share(id).value), showsBase: false })),
    date: helper('…', (_call, [id]) => {
      const f = index.get(id);
      return f.kind === 'date' ? formatLongDate(f.value) : String(f.value);
    }),
    /**
     * The figures named, largest first, each with its phrase and its value:
     * {{list "id1" "la segmentation" "id2" "les comptes rendus"}} prints
     * "les comptes rendus (27 %) et la segmentation (25 %)". An order of
     * the data, not a ranking: it says nothing of which is ahead.
     */
    list: helper('…', (call, params) => {
      const items = listItems(params).map(({ id, phrase }) => {
        const f = index.estimate(id);
        const text = f.kind === 'share' ? formatShareOf(f, true) : index.meanText(id);
        call.audit?.print(
          call.place as CallPlace,
          call.name,
          f.id,
          f.kind === 'share' && f.base < SMALL_BASE,
        );
        return { value: f.value, words: `${phrase} (${text})` };
      });
      return joinFrench(items.sort((a, b) => b.value - a.value).map((i) => i.words));
    }),
    /** Thresholds on one figure describe this sample: {{#if (atLeast "id" 0.5)}}. */
    atLeast: deciding((_call, [id, than]) => [threshold(id, than, (v, t) => v >= t)]),
    above: deciding((_call, [id, than]) => [threshold(id, than, (v, t) => v > t)]),
    below: deciding((_call, [id, than]) => [threshold(id, than, (v, t) => v < t)]),
    /** The first figure above the second beyond the noise: the 95 % interval of their difference leaves out 0. */
    higher: deciding((_call, [a, b]) => [compared(a, b, isAhead)]),
    lower: deciding((_call, [a, b]) => [compared(a, b, isBehind)]),
    /** The first figure above every other one named, each by its interval. */
    highest: deciding((_call, ids) => ranking(ids).map((o) => compared(ids[0], o, isAhead))),
    lowest: deciding((_call, ids) => ranking(ids).map((o) => compared(ids[0], o, isBehind))),
    /**
     * No measurable difference between any two of the figures named: every
     * interval contains 0. Not "the same": equivalence is `within`.
     */
    similar: deciding((_call, ids, hash) => {
      if (hash.gap !== undefined) throw new FigureProblem(String(ids[0]), say.similarGap());
      ranking(ids);
      return ids.flatMap((a, i) =>
        ids.slice(i + 1).map((b) => compared(a, b, noMeasurableDifference)),
      );
    }),
    /**
     * Of the same order: the whole 95 % interval of the difference inside
     * ±gap, in points for shares ({{#if (within "a" "b" 5)}}) and in the
     * scale's units for means.
     */
    within: deciding((_call, [a, b, gap]) => {
      if (typeof gap !== 'number' || gap <= 0)
        throw new FigureProblem(String(b), say.withinGap(String(gap)));
      const margin = index.estimate(a).kind === 'share' ? gap / 100 : gap;
      return [compared(a, b, (c) => c.ci !== null && c.ci[0] >= -margin && c.ci[1] <= margin)];
    }),
    /** The change since the previous edition: "+9 points", "−0,4 point", "+16". */
    change: printing((id) => {
      const f = index.change(id);
      return { text: formatChange(f.of, f.value), showsBase: false };
    }),
    /** The figure as the previous edition printed it: "43 %" (or "8 sur 14"), "6,9", "144". */
    before: printing((id) => {
      const f = index.change(id);
      const was = f.from.value as number;
      if (f.of === 'share')
        return {
          text: formatShareOf({ ...f.from, count: f.from.count ?? 0, base: f.from.base ?? 0 }),
          showsBase: (f.from.base ?? 0) < SMALL_BASE,
        };
      if (f.of === 'mean') return { text: index.meanText(id, was), showsBase: false };
      return { text: formatInteger(was), showsBase: false };
    }),
    /** The previous edition's id ("2024"), as the change figures name it. */
    previousEdition: () => index.previousEdition(),
    /** Conditions on a change, decided by its 95 % interval: a change within the noise is steady. */
    rose: deciding((_call, [id]) => [changed(id, (d) => d === 'up')]),
    fell: deciding((_call, [id]) => [changed(id, (d) => d === 'down')]),
    steady: deciding((_call, [id]) => [changed(id, (d) => d === 'steady')]),
    /** The figure in the first edition that has it, and that edition's year: "52 % en 2024". */
    first: printing((id) => {
      const { series, first } = index.since(id);
      const was = first.value as number;
      const text =
        series.of === 'share'
          ? formatShareOf({ ...first, count: first.count ?? 0, base: first.base ?? 0 })
          : series.of === 'mean'
            ? index.meanText(id, was)
            : formatInteger(was);
      const small = series.of === 'share' && (first.base ?? 0) < SMALL_BASE;
      return { text: publication.since.first(text, first.year), showsBase: small };
    }),
    /** The change since the first edition that has the figure: "+12 points depuis 2024". */
    since: printing((id) => {
      const { series, first, last } = index.since(id);
      const d = pointDifference(series, first, last);
      return {
        text: publication.since.change(formatChange(series.of, d.value as number), first.year),
        showsBase: false,
      };
    }),
    /** Conditions on the change since the first edition, decided by its 95 % interval (Newcombe, Welch). */
    risenSince: deciding((_call, [id]) => [sinceFirst(id, (d) => d === 'up')]),
    fellSince: deciding((_call, [id]) => [sinceFirst(id, (d) => d === 'down')]),
    /**
     * The article's key figures: {{#keyFigures}} around them, each
     * {{#keyFigure (pct "…")}}the words after it ({{n "…"}}){{/keyFigure}}.
     * Printed as a list of bold figures; each is also recorded, as its text
     * states it, for the social cards.
     */
    keyFigures(this: unknown, options: HelperOptions) {
      return new Handlebars.SafeString(`<ul class="key-figures">\n${options.fn(this)}</ul>\n`);
    },
    keyFigure(this: unknown, number: unknown, options: HelperOptions) {
      const sentence = options.fn(this).trim();
      const call = callOf(options);
      if (call.audit && call.place)
        call.audit.keyFigure(call.place.article, {
          number: frenchText(String(number)),
          // As the page prints it: French typography applied (apostrophes, spaces before « : »).
          sentence: frenchText(textOf(sentence)),
        });
      return new Handlebars.SafeString(
        `<li><strong>${Handlebars.escapeExpression(String(number))}</strong> ${sentence}</li>`,
      );
    },
    /** Picks the singular or plural word for a figure's count. */
    plural: helper('', (_call, [id, one, many]) => {
      const f = index.get(id);
      const n = f.kind === 'share' ? f.count : index.number(id);
      return n > 1 ? many : one;
    }),
  } satisfies Record<string, Helper>;
}

/** The figures a ranking or `similar` sets against the first: at least one, or it says nothing. */
function ranking(ids: unknown[]): unknown[] {
  if (ids.length < 2) throw new FigureProblem(String(ids[0] ?? ''), say.fewFigures());
  return ids.slice(1);
}

/** The place of a call, from its template's place (Handlebars' `data`) and the helper's own line. */
function callOf(
  options: HelperOptions & { loc?: { start: { line: number; column: number } } },
): Call {
  const data = (options.data ?? {}) as { place?: TemplatePlace; audit?: Audit };
  const name = (options as { name?: string }).name ?? 'helper';
  const loc = options.loc?.start;
  if (!data.place || !loc) return { name, ...(data.audit && { audit: data.audit }) };
  return { name, place: placeIn(data.place, loc), ...(data.audit && { audit: data.audit }) };
}

/** What an HTML fragment reads as: its text, entities decoded, the markup's white space collapsed (not the no-break spaces). */
function textOf(html: string): string {
  return DomUtils.textContent(parseDocument(html))
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/** `list`'s parameters: figure ids, each followed by the phrase that names it. */
function listItems(params: unknown[]): { id: string; phrase: string }[] {
  const words = params.map(String);
  if (words.length === 0 || words.length % 2 === 1)
    throw new FigureProblem(words.at(-1) ?? 'list', say.listPhrase(words.at(-1) ?? ''));
  return Array.from({ length: words.length / 2 }, (_, k) => ({
    id: words[2 * k] as string,
    phrase: words[2 * k + 1] as string,
  }));
}
