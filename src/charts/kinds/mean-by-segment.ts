/** One bar per segment: the mean of a scale question (satisfaction, by profession). */
import { z } from 'zod';
import { chartCommon, segmentList } from '../../edition/schema.js';
import { publication } from '../../publication/index.js';
import { defineChartKind, SCALE_QUESTION, SEGMENTS_BAR_EACH } from '../kind.js';
import { horizontalBars } from '../marks.js';
import { meansData, meanTable } from '../rows.js';

const words = publication.charts.mean_by_segment;

const schema = z
  .object({ ...chartCommon, kind: z.literal('mean_by_segment'), segments: segmentList })
  .strict()
  .describe('One bar per segment: the mean of a scale question.');

export const meanBySegment = defineChartKind({
  kind: 'mean_by_segment',
  schema,
  doc: {
    title: 'Une note moyenne, groupe par groupe',
    summary:
      'Une barre par groupe de répondants : la moyenne d’une question à note (la satisfaction sur 10), sur toute l’échelle. Chaque barre porte sa moyenne, et la base de chaque groupe est écrite sous son nom. Pour montrer aussi la marge d’incertitude de chaque moyenne, préférez `means_with_intervals`.',
    fields: {
      segments: SEGMENTS_BAR_EACH,
    },
    example: {
      article: 'radiologues',
      chart: {
        id: 'satisfaction_par_secteur',
        kind: 'mean_by_segment',
        question: 'satisfaction',
        segments: ['hospitaliers', 'liberaux', 'mixtes'],
        title: 'La satisfaction des utilisateurs, selon leur secteur d’exercice',
      },
    },
  },
  accepts: SCALE_QUESTION,
  segmentKeys: ['segments'],
  data: (chart, context) => meansData(chart, context, words),
  spec: (data, width) =>
    horizontalBars(data.rows, width, {
      domainMax: data.domain?.[1] ?? 10,
      format: 'd',
      title: data.measure,
    }),
  alt: words.alt,
  table: meanTable,
});
