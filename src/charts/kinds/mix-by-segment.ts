/** One stacked 100 % bar per segment: how its answers divide (frequency of use, by profession). */
import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { figureId } from '../../analysis/figures.js';
import { chartCommon, segmentList } from '../../edition/schema.js';
import { formatInteger } from '../../publication/french.js';
import { publication } from '../../publication/index.js';
import { type ChartData, CLOSED_QUESTION, defineChartKind, SEGMENTS_BAR_EACH } from '../kind.js';
import { BAR_STEP, BOTTOM_LEGEND, LABEL_SIZE, specBase, Y_AXIS } from '../marks.js';
import {
  answerLabel,
  byGroup,
  countCell,
  optionCodes,
  segmentName,
  shareRow,
  withBase,
} from '../rows.js';
import { INK, ORDERED_RAMP } from '../theme.js';

const schema = z
  .object({ ...chartCommon, kind: z.literal('mix_by_segment'), segments: segmentList })
  .strict()
  .describe('One stacked 100 % bar per segment: how its answers divide.');

const words = publication.charts.mix_by_segment;

export const mixBySegment = defineChartKind({
  kind: 'mix_by_segment',
  schema,
  doc: {
    title: 'La répartition des réponses, groupe par groupe',
    summary:
      'Une barre empilée par groupe, qui fait 100 % : comment les réponses de chaque groupe se répartissent entre toutes les réponses possibles (la fréquence d’usage, l’intention de continuer), avec une légende sous le graphique. Pour une question à choix unique ou oui/non ; pour des choix multiples, préférez `options_by_segment`.',
    fields: {
      segments: SEGMENTS_BAR_EACH,
    },
    example: {
      article: 'radiologues',
      chart: {
        id: 'frequence_par_secteur',
        kind: 'mix_by_segment',
        question: 'frequence',
        segments: ['hospitaliers', 'liberaux', 'mixtes'],
        title: "La fréquence d'usage de l'IA, selon le secteur d'exercice",
      },
    },
  },
  accepts: CLOSED_QUESTION,
  segmentKeys: ['segments'],
  data: (chart, { config, index, question }) => {
    const codes = optionCodes(question);
    const parts = codes.map((c) => answerLabel(question, c));
    const rows = chart.segments.flatMap((s) =>
      withBase(
        codes.map((code, k) =>
          shareRow(index, figureId.share(chart.question, code, s), segmentName(config, s), {
            part: parts[k],
            partOrder: k,
          }),
        ),
      ),
    );
    return {
      kind: chart.kind,
      rows,
      parts,
      measure: words.measure,
      baseNote: words.baseNote,
    };
  },
  spec: stackedBars,
  alt: (title, data) => words.alt(title, data, byGroup(data)),
  table: (data) => ({
    columns: [publication.tables.group, ...data.parts, publication.tables.base],
    rows: byGroup(data).map(([g, rows]) => [
      g,
      ...rows.map(countCell),
      formatInteger(rows[0]?.base ?? 0),
    ]),
  }),
});

function stackedBars(data: ChartData, width: number): TopLevelSpec {
  const groups = new Set(data.rows.map((r) => r.group)).size;
  const y = { field: 'axisLabel', type: 'nominal', sort: null, axis: Y_AXIS } as const;
  return {
    ...specBase(groups * (BAR_STEP + 6), width),
    data: { values: stackPositions(data.rows) },
    encoding: { y },
    layer: [stackLayer(data), partLabels()],
  } as unknown as TopLevelSpec;
}

/** Stack positions computed here, so each part's label sits in its middle; light parts take dark text. */
function stackPositions(rows: ChartData['rows']) {
  const x0 = new Map<string, number>();
  return rows.map((r) => {
    const start = x0.get(r.group) ?? 0;
    x0.set(r.group, start + r.value);
    return {
      ...r,
      x0: start,
      x1: start + r.value,
      mid: start + r.value / 2,
      light: (r.partOrder ?? 0) >= 2,
    };
  });
}

/** The parts of each bar, from the most to the least intense answer. */
function stackLayer(data: ChartData) {
  return {
    mark: { type: 'bar', height: 26, stroke: 'white', strokeWidth: 1 },
    encoding: {
      x: {
        field: 'x0',
        type: 'quantitative',
        scale: { domain: [0, 1], nice: false },
        axis: {
          format: '.0%',
          title: data.measure,
          tickCount: 5,
          grid: false,
          titleAlign: 'right',
          titleAnchor: 'end',
        },
      },
      x2: { field: 'x1' },
      color: {
        field: 'part',
        type: 'nominal',
        sort: data.parts,
        scale: { domain: data.parts, range: ORDERED_RAMP.slice(0, data.parts.length) },
        legend: BOTTOM_LEGEND,
      },
    },
  };
}

/** Each part's value, only where it fits inside its part: every value is in the table and the alt text. */
function partLabels() {
  return {
    transform: [{ filter: 'datum.base < 30 ? datum.value >= 0.2 : datum.value >= 0.12' }],
    mark: {
      type: 'text',
      align: 'center',
      baseline: 'middle',
      fontSize: LABEL_SIZE,
      fontWeight: 600,
    },
    encoding: {
      x: { field: 'mid', type: 'quantitative' },
      text: { field: 'text' },
      color: { condition: { test: 'datum.light', value: INK }, value: 'white' },
    },
  };
}
