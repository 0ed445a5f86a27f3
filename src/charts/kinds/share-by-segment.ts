/** One bar per segment: the share giving one answer ("uses IA: yes", by profession). */
import { z } from 'zod';
import { figureId } from '../../analysis/figures.js';
import { chartCommon, codeSchema, segmentList } from '../../edition/schema.js';
import { formatBase } from '../../format/french.js';
import { CLOSED_QUESTION, defineChartKind } from '../kind.js';
import { horizontalBars } from '../marks.js';
import { answerLabel, listAlt, segmentName, shareRow, shareTable, withBase } from '../rows.js';

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
    measure: `Part ayant répondu «\u00a0${answerLabel(question, chart.answer)}\u00a0»`,
    baseNote: 'Base : répondants de chaque groupe ayant répondu à la question.',
  }),
  spec: (data, width) =>
    horizontalBars(data.rows, width, { domainMax: 1, format: '.0%', title: data.measure }),
  alt: (title, data) =>
    listAlt('Diagramme en barres', title, data, (r) => `${r.group} (${formatBase(r.base)})`),
  table: (data) => shareTable('Groupe', data),
});
