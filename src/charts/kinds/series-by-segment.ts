/**
 * A share over every edition since the first, one line per segment: the
 * editions on the x axis, each point's 95 % interval as a band around its
 * line, the last values printed. The line breaks (and a dashed rule marks
 * the step) where an edition no longer measures what the one before did and
 * no edition records the editor's decision, or where a year is missing.
 */
import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { figureId, type SeriesFigure, type SeriesPoint } from '../../analysis/figures.js';
import { chartCommon, codeSchema, segmentList } from '../../edition/schema.js';
import type { FigureIndex } from '../../format/figure-index.js';
import { charts as say } from '../../messages/index.js';
import { formatShareOf } from '../../publication/french.js';
import { publication } from '../../publication/index.js';
import { type ChartData, type ChartRow, CLOSED_QUESTION, defineChartKind } from '../kind.js';
import { BOTTOM_LEGEND, LABEL_SIZE, specBase } from '../marks.js';
import { answerLabel, byGroup, segmentName } from '../rows.js';
import { INK, MUTED, SERIES } from '../theme.js';

const schema = z
  .object({
    ...chartCommon,
    kind: z.literal('series_by_segment'),
    answer: codeSchema.describe('The answer code whose share is followed (e.g. "oui").'),
    segments: segmentList,
  })
  .strict()
  .describe(
    'One line per segment over every edition since the first: the share giving one answer, with its 95 % interval. Needs edition.previous.',
  );

const words = publication.charts.series_by_segment;
const columns = publication.tables;

/** The plot's height, in drawing units: the value labels are kept this many units apart. */
const HEIGHT = 220;
const LABEL_GAP = 16;

export const seriesBySegment = defineChartKind({
  kind: 'series_by_segment',
  schema,
  doc: {
    title: 'Une réponse suivie d’édition en édition',
    summary:
      'Une ligne par groupe de répondants, de la première édition à celle-ci : la part qui a donné une même réponse chaque année, entourée d’une bande, son intervalle de confiance à 95 % (plus le groupe est petit, plus elle est large). La dernière valeur de chaque ligne est écrite au bout ; le tableau des données donne chaque année sa valeur et sa base. La ligne s’interrompt, marquée d’un trait pointillé, là où une édition ne mesure plus la même chose que la précédente (question reformulée, réponses changées) sans décision de la rédaction notée sous `comparability:`, et la note sous le graphique dit pourquoi. Il faut au moins une édition précédente (`previous:` sous `edition:`, en remontant d’édition en édition) ; l’exemple vient de l’édition d’essai 2026, précédée de 2025 et de 2024.',
    fields: {
      answer: 'le code de la réponse dont on suit la part (`oui`, ou un code de `options:`)',
      segments:
        'les groupes de répondants (`segments:` dans `edition.yaml`), une ligne chacun, dans l’ordre où ils sont écrits',
    },
    example: {
      article: 'trois_ans',
      edition: 'test/fixtures/editions/2026',
      chart: {
        id: 'avenir_par_profession',
        kind: 'series_by_segment',
        question: 'avenir',
        answer: 'oui',
        segments: ['radiologues', 'manipulateurs', 'cadres'],
        title: 'Utiliser davantage l’IA : l’intention, édition après édition',
      },
    },
  },
  accepts: CLOSED_QUESTION,
  segmentKeys: ['segments'],
  answerKey: 'answer',
  check: (_chart, _question, config) =>
    config.edition.previous === undefined ? { key: 'kind', ...say.changeNeedsPrevious() } : null,
  data: (chart, { config, index, question }) => {
    const editions = chainOf(index);
    const followed = chart.segments.map((s) => ({
      series: index.series(figureId.share(chart.question, chart.answer, s)),
      group: segmentName(config, s),
    }));
    return {
      kind: chart.kind,
      rows: followed.flatMap(({ series, group }) => seriesRows(series, group, editions)),
      parts: editions,
      measure: words.measure(answerLabel(question, chart.answer)),
      baseNote: words.baseNote(stepsOf(followed.map((f) => f.series))),
    };
  },
  spec: lines,
  alt: (title, data) => words.alt(title, data, byGroup(data)),
  table: (data) => ({
    columns: [columns.group, ...data.parts.map((p) => columns.editionWithBase(p))],
    rows: byGroup(data).map(([group, rows]) => [
      group,
      ...data.parts.map((p) => {
        const r = rows.find((x) => x.part === p);
        return r ? columns.valueWithBase(r.text, r.base) : '–';
      }),
    ]),
  }),
});

/**
 * Every edition of the chain, oldest first: every edition counts its
 * respondents, so the series of that count has a point in each.
 */
function chainOf(index: FigureIndex): string[] {
  return index.series(figureId.respondents('all')).points.map((p) => p.edition);
}

/** A step of the series that breaks its line: a point no longer comparable with the one before. */
const breaks = (p: SeriesPoint) => p.notes.some((n) => n.decision === undefined);

/** A segment's points as rows, each on the unbroken stretch (`run`) it belongs to. */
function seriesRows(series: SeriesFigure, group: string, editions: string[]): ChartRow[] {
  let run = 0;
  let before: number | undefined;
  return series.points.flatMap((p) => {
    const at = editions.indexOf(p.edition);
    // A year without a value (nobody in the group) or without the figure leaves a gap.
    if (before !== undefined && (at - before > 1 || breaks(p))) run++;
    if (p.value === null) {
      before = undefined;
      return [];
    }
    before = at;
    return [
      {
        group,
        axisLabel: p.edition,
        part: p.edition,
        partOrder: at,
        value: p.value,
        count: p.count,
        base: p.base ?? 0,
        low: p.ci?.[0],
        high: p.ci?.[1],
        // A weighted edition's share is its estimate, never "21 sur 24" (publication/french.ts).
        text: formatShareOf({
          value: p.value,
          count: p.count ?? 0,
          base: p.base ?? 0,
          weighted: p.weighted,
        }),
        ...(p.weighted && { weighted: true as const }),
        figureId: series.id,
        run,
      },
    ];
  });
}

/**
 * The steps where the figures changed meaning, for the note under the
 * chart: each once, whichever segments it touches, with whether the
 * editor decided the comparison still holds.
 */
function stepsOf(
  series: SeriesFigure[],
): { from: string; to: string; notes: string[]; decided: boolean }[] {
  const steps = new Map<string, { from: string; to: string; notes: string[]; decided: boolean }>();
  for (const p of series.flatMap((s) => s.points)) {
    if (p.previous === undefined || p.notes.length === 0) continue;
    const key = `${p.previous}\u0000${p.edition}`;
    const step = steps.get(key) ?? { from: p.previous, to: p.edition, notes: [], decided: true };
    for (const n of p.notes) if (!step.notes.includes(n.text)) step.notes.push(n.text);
    step.decided &&= !breaks(p);
    steps.set(key, step);
  }
  return [...steps.values()];
}

function lines(data: ChartData, width: number): TopLevelSpec {
  const x = editionAxis(data.parts);
  const scale = { domain: [0, 1], nice: false } as const;
  const y = (field: string) => ({ field, type: 'quantitative', scale }) as const;
  const colour = segmentColours(data, width);
  const stretch = { field: 'run', type: 'nominal' } as const;
  const valueAxis = {
    format: '.0%',
    title: data.measure,
    tickCount: 5,
    grid: true,
    titleAlign: 'right',
    titleAnchor: 'end',
  };
  return {
    ...specBase(HEIGHT, width),
    data: { values: data.rows },
    layer: [
      {
        mark: { type: 'area', opacity: 0.13 },
        encoding: { x, y: y('low'), y2: { field: 'high' }, color: colour, detail: stretch },
      },
      {
        // Each point's interval, also where a point stands alone on its stretch.
        mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.45 },
        encoding: { x, y: y('low'), y2: { field: 'high' }, color: colour },
      },
      {
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: { x, y: { ...y('value'), axis: valueAxis }, color: colour, detail: stretch },
      },
      {
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: { x, y: y('value'), color: colour },
      },
      breakRules(data, x),
      lastValues(data, x, scale),
    ],
  } as unknown as TopLevelSpec;
}

/** The editions along the x axis, in order, with room after the last for its values. */
function editionAxis(editions: string[]) {
  return {
    field: 'partOrder',
    type: 'quantitative',
    scale: { domain: [-0.3, editions.length - 0.45], nice: false, zero: false },
    axis: {
      title: null,
      values: editions.map((_, k) => k),
      labelExpr: `${JSON.stringify(editions)}[datum.value]`,
      grid: false,
      ticks: false,
      labelPadding: 6,
    },
  } as const;
}

/** A colour per segment, in the order the chart lists them, and their legend under the chart. */
function segmentColours(data: ChartData, width: number) {
  return {
    field: 'group',
    type: 'nominal',
    sort: [...new Set(data.rows.map((r) => r.group))],
    scale: { range: SERIES },
    // The legend shows each line as a line, not the pale band drawn first.
    legend: {
      ...BOTTOM_LEGEND,
      // Side by side where the drawing is wide enough: a printed chart is wide and short.
      columns: width >= 600 ? 4 : 2,
      symbolType: 'stroke',
      symbolStrokeWidth: 3,
      symbolOpacity: 1,
    },
  } as const;
}

/** A dashed rule between two editions where a line breaks, labelled at the top. */
function breakRules(data: ChartData, x: object) {
  const at = new Set<number>();
  for (const [, rows] of byGroup(data))
    rows.forEach((r, k) => {
      const before = rows[k - 1];
      if (before && before.run !== r.run)
        at.add(((before.partOrder ?? 0) + (r.partOrder ?? 0)) / 2);
    });
  const values = [...at].map((partOrder) => ({ partOrder, label: words.breakMark }));
  return {
    data: { values },
    layer: [
      {
        mark: { type: 'rule', color: MUTED, strokeDash: [4, 3], strokeWidth: 1.2 },
        encoding: { x },
      },
      {
        mark: {
          type: 'text',
          color: MUTED,
          fontSize: LABEL_SIZE - 1,
          baseline: 'top',
          align: 'left',
          dx: 4,
          dy: 2,
        },
        encoding: { x, y: { value: 0 }, text: { field: 'label' } },
      },
    ],
  };
}

/**
 * The last edition's values at the end of their lines, moved apart where two
 * would overlap (a label's own height, in units of the value axis).
 */
function lastValues(data: ChartData, x: object, scale: object) {
  const last = data.parts.length - 1;
  const gap = LABEL_GAP / HEIGHT;
  const ends = data.rows.filter((r) => r.partOrder === last).sort((a, b) => a.value - b.value);
  const placed: { partOrder: number; at: number; text: string }[] = [];
  for (const r of ends) {
    const below = placed.at(-1)?.at;
    placed.push({
      partOrder: last,
      at: below === undefined ? r.value : Math.max(r.value, below + gap),
      text: r.text,
    });
  }
  return {
    data: { values: placed },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'middle',
      dx: 9,
      fontSize: LABEL_SIZE,
      fontWeight: 600,
      color: INK,
    },
    encoding: { x, y: { field: 'at', type: 'quantitative', scale }, text: { field: 'text' } },
  };
}
