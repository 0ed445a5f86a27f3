/** One bar per segment: the share giving one answer ("uses IA: yes", by profession). */
import { z } from 'zod';
import { figureId } from '../../analysis/figures.js';
import { chartCommon, codeSchema, segmentList } from '../../edition/schema.js';
import { publication } from '../../publication/index.js';
import { CLOSED_QUESTION, defineChartKind, SEGMENTS_BAR_EACH } from '../kind.js';
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
  doc: {
    title: 'Une réponse, groupe par groupe',
    summary:
      'Une barre par groupe de répondants : la part de chaque groupe qui a donné une même réponse (« Oui » à l’usage de l’IA, par profession ou par secteur). Chaque barre porte son pourcentage, et la base de chaque groupe est écrite sous son nom. Pour comparer des groupes sur une seule réponse.',
    fields: {
      answer: 'le code de la réponse dont on montre la part (`oui`, ou un code de `options:`)',
      segments: SEGMENTS_BAR_EACH,
    },
    example: {
      article: 'radiologues',
      chart: {
        id: 'usage_par_secteur',
        kind: 'share_by_segment',
        question: 'usage',
        answer: 'oui',
        segments: ['hospitaliers', 'liberaux', 'mixtes'],
        title:
          "{{#if (similar 'usage.oui.share.hospitaliers' 'usage.oui.share.liberaux')}}À l'hôpital comme en cabinet, pas d'écart mesurable{{else}}L'usage de l'IA varie selon le secteur{{/if}}",
      },
    },
  },
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
