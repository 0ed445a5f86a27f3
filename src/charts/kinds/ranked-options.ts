/** One bar per answer, largest first ("Autre" last): for multiple choice, shares of respondents. */
import { z } from 'zod';
import { figureId } from '../../analysis/figures.js';
import { chartCommon, codeSchema } from '../../edition/schema.js';
import { publication } from '../../publication/index.js';
import { CLOSED_QUESTION, defineChartKind } from '../kind.js';
import { horizontalBars } from '../marks.js';
import { answerLabel, optionCodes, shareRow, shareTable, who, wrapLabel } from '../rows.js';

const words = publication.charts.ranked_options;
const OTHER = publication.answers.other;

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
  accepts: CLOSED_QUESTION,
  segmentKeys: ['segment'],
  data: (chart, context) => {
    const { index, question } = context;
    const rows = optionCodes(question)
      .map((code) =>
        shareRow(
          index,
          figureId.share(chart.question, code, chart.segment),
          answerLabel(question, code),
        ),
      )
      .filter((r) => r.count !== undefined && (r.count > 0 || r.group !== OTHER))
      .map((r) => ({ ...r, axisLabel: wrapLabel(r.group) }))
      // Largest first; "Autre" stays last, as readers expect.
      .sort((a, b) => Number(a.group === OTHER) - Number(b.group === OTHER) || b.value - a.value);
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
