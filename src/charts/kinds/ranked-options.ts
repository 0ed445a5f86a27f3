/** One bar per answer, largest first ("Autre" last): for multiple choice, shares of respondents. */
import { z } from 'zod';
import { figureId } from '../../analysis/figures.js';
import { chartCommon, codeSchema } from '../../edition/schema.js';
import { CLOSED_QUESTION, defineChartKind } from '../kind.js';
import { horizontalBars } from '../marks.js';
import {
  answerLabel,
  listAlt,
  optionCodes,
  SEVERAL_ANSWERS,
  shareRow,
  shareTable,
  who,
  wrapLabel,
} from '../rows.js';

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
      .filter((r) => r.count !== undefined && (r.count > 0 || r.group !== 'Autre'))
      .map((r) => ({ ...r, axisLabel: wrapLabel(r.group) }))
      // Largest first; "Autre" stays last, as readers expect.
      .sort(
        (a, b) => Number(a.group === 'Autre') - Number(b.group === 'Autre') || b.value - a.value,
      );
    const base = rows[0]?.base ?? 0;
    const several = question.type === 'multiple' ? SEVERAL_ANSWERS : '';
    return {
      kind: chart.kind,
      rows,
      parts: [],
      measure: 'Part des répondants',
      baseNote: `Base : ${base} répondants ayant répondu à la question ${who(context, chart.segment)}.${several}`,
    };
  },
  spec: (data, width) =>
    horizontalBars(data.rows, width, { domainMax: 1, format: '.0%', title: data.measure }),
  alt: (title, data) => listAlt('Diagramme en barres classées', title, data, (r) => r.group),
  table: (data) => shareTable('Réponse', data),
});
