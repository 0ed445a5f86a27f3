/** One bar per segment: the mean of a scale question (satisfaction, by profession). */
import { z } from 'zod';
import { chartCommon, segmentList } from '../../edition/schema.js';
import { publication } from '../../publication/index.js';
import { defineChartKind, SCALE_QUESTION } from '../kind.js';
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
