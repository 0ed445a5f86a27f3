/** One column per value of a scale question: how the scores spread. */
import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { figureId } from '../../analysis/figures.js';
import { chartCommon, codeSchema } from '../../edition/schema.js';
import { publication } from '../../publication/index.js';
import { type ChartRow, defineChartKind, SCALE_QUESTION } from '../kind.js';
import { LABEL_SIZE, specBase } from '../marks.js';
import { shareRow, shareTable, who } from '../rows.js';
import { ACCENT, INK, MUTED } from '../theme.js';

const words = publication.charts.scale_distribution;

const schema = z
  .object({
    ...chartCommon,
    kind: z.literal('scale_distribution'),
    segment: codeSchema.describe('The segment whose scores are drawn ("all" for everyone).'),
  })
  .strict()
  .describe('One column per value of a scale question.');

export const scaleDistribution = defineChartKind({
  kind: 'scale_distribution',
  schema,
  doc: {
    title: 'Les notes données, de la plus basse à la plus haute',
    summary:
      'Une colonne par note possible (de 1 à 10, par exemple) : la part d’un groupe de répondants qui a donné chaque note. Pour montrer si les notes se regroupent ou se dispersent, ce qu’une moyenne seule ne dit pas.',
    fields: {
      segment: 'le groupe de répondants dont on montre les notes (`all` : tous les répondants)',
    },
    example: {
      article: 'radiologues',
      chart: {
        id: 'notes_des_radiologues',
        kind: 'scale_distribution',
        question: 'satisfaction',
        segment: 'radiologues_utilisateurs',
        title:
          "Les radiologues donnent à l'IA une note moyenne de {{mean 'satisfaction.mean.radiologues_utilisateurs'}} sur 10",
      },
    },
  },
  accepts: SCALE_QUESTION,
  segmentKeys: ['segment'],
  data: (chart, context) => {
    const { index, question } = context;
    const rows: ChartRow[] = [];
    if (question.type === 'scale')
      for (let v = question.min; v <= question.max; v++)
        rows.push(
          shareRow(index, figureId.share(chart.question, String(v), chart.segment), String(v)),
        );
    return {
      kind: chart.kind,
      rows,
      parts: [],
      measure: words.measure,
      baseNote: words.baseNote(rows[0]?.base ?? 0, who(context, chart.segment)),
    };
  },
  spec: (data, width) => columns(data.rows, data.measure, width),
  alt: words.alt,
  table: (data) => shareTable(publication.tables.score, data),
});

function columns(rows: ChartRow[], title: string, width: number): TopLevelSpec {
  const x = {
    field: 'group',
    type: 'ordinal',
    sort: null,
    axis: { title: words.axis, labelAngle: 0, ticks: false, titleColor: MUTED },
  } as const;
  return {
    ...specBase(200, width),
    data: { values: rows },
    encoding: { x },
    layer: [
      {
        mark: { type: 'bar', color: ACCENT, width: { band: 0.75 }, cornerRadiusEnd: 2 },
        encoding: {
          y: {
            field: 'value',
            type: 'quantitative',
            scale: { domainMin: 0, nice: true },
            axis: { format: '.0%', title, tickCount: 4, grid: true },
          },
        },
      },
      {
        mark: {
          type: 'text',
          baseline: 'bottom',
          dy: -3,
          fontSize: LABEL_SIZE,
          fontWeight: 600,
          color: INK,
        },
        encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  } as unknown as TopLevelSpec;
}
