/**
 * One question's answers across segments, as grouped bars: for each answer,
 * one bar per segment, each segment in its colour (the obstacles, by
 * profession). The legend gives each segment's base.
 */
import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { figureId } from '../../analysis/figures.js';
import { chartCommon, OTHER_CODE, segmentList } from '../../edition/schema.js';
import { publication } from '../../publication/index.js';
import { type ChartData, type ChartRow, CLOSED_QUESTION, defineChartKind } from '../kind.js';
import { BOTTOM_LEGEND, LABEL_SIZE, specBase, Y_AXIS } from '../marks.js';
import {
  answerLabel,
  byGroup,
  countCell,
  optionCodes,
  segmentName,
  shareRow,
  wrapLabel,
} from '../rows.js';
import { INK, SERIES } from '../theme.js';

const schema = z
  .object({
    ...chartCommon,
    kind: z.literal('options_by_segment'),
    segments: segmentList.max(SERIES.length),
  })
  .strict()
  .describe(
    'One group of bars per answer, one bar per segment: how the answers to one question differ between groups.',
  );

const words = publication.charts.options_by_segment;
const BAR = 15;

export const optionsBySegment = defineChartKind({
  kind: 'options_by_segment',
  schema,
  doc: {
    title: 'Les réponses à une question, comparées entre groupes',
    summary:
      'Pour chaque réponse, une barre par groupe de répondants, chaque groupe dans sa couleur (la légende donne la base de chacun) : comment les réponses à une même question diffèrent d’un groupe à l’autre (les freins, profession par profession). Les réponses vont de la plus citée à la moins citée, « Autre » en dernier. Six groupes au plus.',
    fields: {
      segments:
        'les groupes de répondants comparés (`segments:` dans `edition.yaml`), six au plus, une couleur chacun',
    },
    example: {
      article: 'radiologues',
      chart: {
        id: 'usages_par_profession',
        kind: 'options_by_segment',
        question: 'usages',
        segments: ['radiologues_utilisateurs', 'manipulateurs_utilisateurs', 'cadres_utilisateurs'],
        title: "Ce que chaque profession confie à l'IA",
      },
    },
  },
  accepts: CLOSED_QUESTION,
  segmentKeys: ['segments'],
  data: (chart, { config, index, question }) => {
    const share = (code: string, s: string) => index.share(figureId.share(chart.question, code, s));
    const parts = chart.segments.map((s) =>
      words.part(segmentName(config, s), share(optionCodes(question)[0] as string, s).base),
    );
    // Answers in the order of their share over all the segments drawn; "Autre" last, and only if given.
    const ranked = optionCodes(question)
      .map((code) => {
        const fs = chart.segments.map((s) => share(code, s));
        // Weighted, what the answer weighs: its share over the segments, as the bars draw it.
        const count = fs.reduce((n, f) => n + (f.weighted ? f.value * f.base : f.count), 0);
        return {
          code,
          count,
          weight:
            count /
            Math.max(
              1,
              fs.reduce((n, f) => n + f.base, 0),
            ),
        };
      })
      .filter((o) => o.code !== OTHER_CODE || o.count > 0)
      .sort(
        (a, b) =>
          Number(a.code === OTHER_CODE) - Number(b.code === OTHER_CODE) || b.weight - a.weight,
      );
    const rows: ChartRow[] = ranked.flatMap(({ code }) =>
      chart.segments.map((s, k) =>
        shareRow(index, figureId.share(chart.question, code, s), answerLabel(question, code), {
          axisLabel: wrapLabel(answerLabel(question, code)),
          part: parts[k],
          partOrder: k,
        }),
      ),
    );
    return {
      kind: chart.kind,
      rows,
      parts,
      measure: words.measure,
      baseNote: words.baseNote(question.type === 'multiple'),
    };
  },
  spec: groupedBars,
  alt: (title, data) => words.alt(title, data, byGroup(data)),
  table: (data) => ({
    columns: [publication.tables.answer, ...data.parts],
    rows: byGroup(data).map(([answer, rows]) => [answer, ...rows.map(countCell)]),
  }),
});

function groupedBars(data: ChartData, width: number): TopLevelSpec {
  const answers = new Set(data.rows.map((r) => r.group)).size;
  const step = data.parts.length * BAR + 14;
  const x = {
    field: 'value',
    type: 'quantitative',
    scale: { domain: [0, 1], nice: false },
  } as const;
  const yOffset = { field: 'part', type: 'nominal', sort: data.parts } as const;
  return {
    ...specBase(answers * step, width),
    data: { values: data.rows },
    encoding: {
      y: { field: 'axisLabel', type: 'nominal', sort: null, axis: Y_AXIS },
      yOffset,
    },
    layer: [
      {
        mark: { type: 'bar', height: BAR - 2, cornerRadiusEnd: 2 },
        encoding: {
          x: {
            ...x,
            axis: {
              format: '.0%',
              title: data.measure,
              tickCount: 5,
              grid: true,
              titleAlign: 'right',
              titleAnchor: 'end',
            },
          },
          color: {
            field: 'part',
            type: 'nominal',
            sort: data.parts,
            scale: { domain: data.parts, range: SERIES.slice(0, data.parts.length) },
            legend: BOTTOM_LEGEND,
          },
        },
      },
      {
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 4,
          fontSize: LABEL_SIZE,
          color: INK,
        },
        encoding: { x, text: { field: 'text' } },
      },
    ],
  } as unknown as TopLevelSpec;
}
