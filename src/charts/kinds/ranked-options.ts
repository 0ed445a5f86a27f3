/** One bar per answer, largest first ("Autre" last): for multiple choice, shares of respondents. */
import { z } from 'zod';
import { figureId } from '../../analysis/figures.js';
import {
  answerCodes,
  chartCommon,
  codeSchema,
  isClosed,
  OTHER_CODE,
} from '../../edition/schema.js';
import { publication } from '../../publication/index.js';
import { CLOSED_QUESTION, defineChartKind } from '../kind.js';
import { horizontalBars } from '../marks.js';
import { answerLabel, shareRow, shareTable, who, wrapLabel } from '../rows.js';

const words = publication.charts.ranked_options;

const schema = z
  .object({
    ...chartCommon,
    kind: z.literal('ranked_options'),
    segment: codeSchema.describe('The segment whose answers are drawn ("all" for everyone).'),
  })
  .strict()
  .describe('One bar per answer, largest first: for multiple choice, shares of respondents.');

export const rankedOptions = defineChartKind({
  kind: 'ranked_options',
  schema,
  doc: {
    title: 'Les réponses d’un groupe, de la plus citée à la moins citée',
    summary:
      'Une barre par réponse, la plus fréquente en haut (« Autre » toujours en dernier, et seulement si quelqu’un l’a écrite) : ce que répond un groupe de répondants à une question. Pour une question à choix multiples, chaque barre est la part des répondants qui ont coché cette réponse, et les parts ne font donc pas 100 % ensemble.',
    fields: {
      segment: 'le groupe de répondants dont on montre les réponses (`all` : tous les répondants)',
    },
    example: {
      article: 'radiologues',
      chart: {
        id: 'freins_des_radiologues',
        kind: 'ranked_options',
        question: 'freins',
        segment: 'radiologues',
        title: 'Les freins cités par les radiologues',
      },
    },
  },
  accepts: CLOSED_QUESTION,
  segmentKeys: ['segment'],
  data: (chart, context) => {
    const { index, question } = context;
    const bars = (isClosed(question) ? answerCodes(question) : []).map((code) => ({
      other: code === OTHER_CODE,
      row: shareRow(
        index,
        figureId.share(chart.question, code, chart.segment),
        answerLabel(question, code),
      ),
    }));
    const rows = bars
      // The typed answers' bar only when someone typed one.
      .filter(({ row, other }) => row.count !== undefined && (row.count > 0 || !other))
      // Largest first; the typed answers stay last, as readers expect.
      .sort((a, b) => Number(a.other) - Number(b.other) || b.row.value - a.row.value)
      .map(({ row }) => ({ ...row, axisLabel: wrapLabel(row.group) }));
    const base = rows[0]?.base ?? 0;
    return {
      kind: chart.kind,
      rows,
      parts: [],
      measure: words.measure,
      baseNote: words.baseNote(base, who(context, chart.segment), question.type === 'multiple'),
    };
  },
  spec: (data, width) =>
    horizontalBars(data.rows, width, { domainMax: 1, format: '.0%', title: data.measure }),
  alt: words.alt,
  table: (data) => shareTable(publication.tables.answer, data),
});
