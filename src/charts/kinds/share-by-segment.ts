/** One bar per segment: the share giving one answer ("uses IA: yes", by profession). */
import { z } from 'zod';
import { figureId } from '../../analysis/figures.js';
import { chartCommon, codeSchema, segmentList } from '../../edition/schema.js';
import { publication } from '../../publication/index.js';
import { CLOSED_QUESTION, defineChartKind } from '../kind.js';
import { horizontalBars } from '../marks.js';
import { answerLabel, segmentName, shareRow, shareTable, withBase } from '../rows.js';

const words = publication.charts.share_by_segment;

const schema = z
  .object({
    ...chartCommon,
    kind: z.literal('share_by_segment'),
    answer: codeSchema.describe('The answer code whose share is drawn (e.g. "oui").'),
    segments: segmentList,
  })
  .strict()
  .describe('One bar per segment: the share giving one answer.');

export const shareBySegment = defineChartKind({
  kind: 'share_by_segment',
  schema,
  accepts: CLOSED_QUESTION,
  segmentKeys: ['segments'],
  answerKey: 'answer',
  data: (chart, { config, index, question }) => ({
    kind: chart.kind,
    rows: withBase(
      chart.segments.map((s) =>
        shareRow(index, figureId.share(chart.question, chart.answer, s), segmentName(config, s)),
      ),
    ),
    parts: [],
    measure: words.measure(answerLabel(question, chart.answer)),
    baseNote: words.baseNote,
  }),
  spec: (data, width) =>
    horizontalBars(data.rows, width, { domainMax: 1, format: '.0%', title: data.measure }),
  alt: words.alt,
  table: (data) => shareTable(publication.tables.group, data),
});
