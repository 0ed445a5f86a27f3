/**
 * A chart's numbers, read from the figures (never recomputed): one row per
 * bar or bar segment, with its count, base and the text printed on it.
 */
import { findSegment } from '../analysis/segments.js';
import { OTHER_CODE } from '../edition/references.js';
import {
  type ChartConfig,
  type EditionConfig,
  isClosed,
  type Question,
} from '../edition/schema.js';
import type { FigureIndex } from '../render/figure-index.js';
import { formatBase, formatDecimal, formatShare } from '../render/french.js';

export interface ChartRow {
  /** The bar: a segment or an answer. */
  group: string;
  /** Axis label of the bar, with its base on a second line where bars have different bases: "Manipulateurs|n = 46". */
  axisLabel: string;
  /** For stacked bars: the answer of this segment of the bar. */
  part?: string;
  partOrder?: number;
  value: number;
  count?: number;
  base: number;
  /** What is printed on the bar: "52 %", "21 sur 24", "7,1". */
  text: string;
  figureId: string;
}

export interface ChartData {
  config: ChartConfig;
  rows: ChartRow[];
  /** "Base : 32 …" printed under the chart. */
  baseNote: string;
  /** What the bars measure: "Part des répondants, en %". */
  measure: string;
  /** For stacked bars, the answers in order. */
  parts: string[];
}

export function chartData(
  chart: ChartConfig,
  config: EditionConfig,
  index: FigureIndex,
): ChartData {
  const question = config.questions.find((q) => q.id === chart.question) as Question;
  const segmentName = (id: string) => {
    const s = findSegment(config, id);
    return s?.short ?? s?.label ?? id;
  };
  const shareRow = (figureId: string, group: string, extra: Partial<ChartRow> = {}): ChartRow => {
    const f = index.share(figureId);
    return {
      group,
      axisLabel: group,
      value: f.value,
      count: f.count,
      base: f.base,
      text: formatShare(f.count, f.base),
      figureId,
      ...extra,
    };
  };
  const withBase = (rows: ChartRow[]) =>
    rows.map((r) => ({ ...r, axisLabel: `${r.group}|${formatBase(r.base)}` }));
  /** "(manipulateurs radio et cadres de santé, utilisateurs de l'IA)": who the base counts. */
  const who = (segment: string) => {
    const ids = new Set([segment, ...(question.appliesTo ? [question.appliesTo] : [])]);
    if (question.appliesTo) ids.delete('all');
    const names = [...ids].map((id) => lowerFirst(findSegment(config, id)?.label ?? id));
    return `(${names.join(', ')})`;
  };

  switch (chart.kind) {
    case 'share_by_segment': {
      const rows = withBase(
        chart.segments.map((s) =>
          shareRow(`${chart.question}.${chart.answer}.share.${s}`, segmentName(s)),
        ),
      );
      return {
        config: chart,
        rows,
        parts: [],
        measure: `Part ayant répondu «\u00a0${answerLabel(question, chart.answer)}\u00a0»`,
        baseNote: 'Base : répondants de chaque groupe ayant répondu à la question.',
      };
    }
    case 'ranked_options': {
      const codes = optionCodes(question);
      const rows = codes
        .map((code) =>
          shareRow(`${chart.question}.${code}.share.${chart.segment}`, answerLabel(question, code)),
        )
        .filter((r) => r.count !== undefined && (r.count > 0 || r.group !== 'Autre'))
        .map((r) => ({ ...r, axisLabel: wrapLabel(r.group) }))
        // Largest first; "Autre" stays last, as readers expect.
        .sort(
          (a, b) => Number(a.group === 'Autre') - Number(b.group === 'Autre') || b.value - a.value,
        );
      const base = rows[0]?.base ?? 0;
      const several =
        question.type === 'multiple'
          ? ' Plusieurs réponses possibles : le total dépasse 100\u00a0%.'
          : '';
      return {
        config: chart,
        rows,
        parts: [],
        measure: 'Part des répondants',
        baseNote: `Base : ${base} répondants ayant répondu à la question ${who(chart.segment)}.${several}`,
      };
    }
    case 'mix_by_segment': {
      const codes = optionCodes(question);
      const parts = codes.map((c) => answerLabel(question, c));
      const rows = chart.segments.flatMap((s) =>
        withBase(
          codes.map((code, k) =>
            shareRow(`${chart.question}.${code}.share.${s}`, segmentName(s), {
              part: parts[k],
              partOrder: k,
            }),
          ),
        ),
      );
      return {
        config: chart,
        rows,
        parts,
        measure: 'Répartition des réponses',
        baseNote: 'Base : répondants de chaque groupe ayant répondu à la question.',
      };
    }
    case 'mean_by_segment': {
      const rows = chart.segments.map((s): ChartRow => {
        const f = index.mean(`${chart.question}.mean.${s}`);
        return {
          group: segmentName(s),
          axisLabel: `${segmentName(s)}|${formatBase(f.base)}`,
          value: f.value,
          base: f.base,
          text: formatDecimal(f.value, 1),
          figureId: f.id,
        };
      });
      const range = question.type === 'scale' ? ` sur ${question.max}` : '';
      return {
        config: chart,
        rows,
        parts: [],
        measure: `Note moyenne${range}`,
        baseNote: 'Base : répondants de chaque groupe ayant donné une note.',
      };
    }
    case 'scale_distribution': {
      if (question.type !== 'scale') throw new Error('scale_distribution needs a scale question');
      const rows: ChartRow[] = [];
      for (let v = question.min; v <= question.max; v++)
        rows.push(shareRow(`${chart.question}.${v}.share.${chart.segment}`, String(v)));
      return {
        config: chart,
        rows,
        parts: [],
        measure: 'Part des répondants',
        baseNote: `Base : ${rows[0]?.base ?? 0} répondants ayant donné une note ${who(chart.segment)}.`,
      };
    }
  }
}

function optionCodes(question: Question): string[] {
  if (!isClosed(question)) return [];
  const codes = question.options.map((o) => o.code);
  return question.type !== 'yesno' && question.other ? [...codes, OTHER_CODE] : codes;
}

function answerLabel(question: Question, code: string): string {
  if (code === OTHER_CODE) return 'Autre';
  if (!isClosed(question)) return code;
  const o = question.options.find((x) => x.code === code);
  return o?.short ?? o?.label ?? code;
}

/** A long answer label on two lines ("|" separated), broken at the space nearest its middle. */
export function wrapLabel(label: string, max = 20): string {
  if (label.length <= max) return label;
  const middle = label.length / 2;
  let best = -1;
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) {
    if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return best < 0 ? label : `${label.slice(0, best)}|${label.slice(best + 1)}`;
}

/** "Utilisateurs de l'IA" -> "utilisateurs de l'IA" (acronyms kept). */
function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);
}
