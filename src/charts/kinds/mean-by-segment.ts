/** One bar per segment: the mean of a scale question (satisfaction, by profession). */
import { z } from 'zod';
import { chartCommon, segmentList } from '../../edition/schema.js';
import { formatBase } from '../../format/french.js';
import { defineChartKind, SCALE_QUESTION } from '../kind.js';
import { horizontalBars } from '../marks.js';
import { listAlt, meansData, meanTable } from '../rows.js';

const schema = z
  .object({ ...chartCommon, kind: z.literal('mean_by_segment'), segments: segmentList })
  .strict()
  .describe('One bar per segment: the mean of a scale question.');

export const meanBySegment = defineChartKind({
  kind: 'mean_by_segment',
  schema,
  accepts: SCALE_QUESTION,
  segmentKeys: ['segments'],
  data: (chart, context) =>
    meansData(chart, context, {
      measure: (max) => `Note moyenne sur ${max}`,
      baseNote: 'Base : répondants de chaque groupe ayant donné une note.',
    }),
  spec: (data, width) =>
    horizontalBars(data.rows, width, {
      domainMax: data.domain?.[1] ?? 10,
      format: 'd',
      title: data.measure,
    }),
  alt: (title, data) =>
    listAlt(
      'Diagramme en barres des notes moyennes',
      title,
      data,
      (r) => `${r.group} (${formatBase(r.base)})`,
    ),
  table: meanTable,
});
