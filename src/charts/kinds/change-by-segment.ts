/**
 * What changed since the previous edition, one line per segment: a dumbbell,
 * last year's dot in grey and this year's in colour, joined by a line; both
 * bases on the axis. Draws a share (with `answer`) or a scale's mean.
 */
import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { direction } from '../../analysis/change.js';
import { type ChangeFigure, figureId } from '../../analysis/figures.js';
import { chartCommon, codeSchema, isClosed, segmentList } from '../../edition/schema.js';
import { charts as say } from '../../messages/index.js';
import { formatBase, formatInteger, formatShareOf } from '../../publication/french.js';
import { publication } from '../../publication/index.js';
import {
  type ChartData,
  type ChartRow,
  CLOSED_QUESTION,
  defineChartKind,
  SCALE_QUESTION,
} from '../kind.js';
import { BAR_STEP, BOTTOM_LEGEND, LABEL_SIZE, rangeRule, specBase, Y_AXIS } from '../marks.js';
import { answerLabel, byGroup, segmentName } from '../rows.js';
import { ACCENT, INK, MUTED } from '../theme.js';

const schema = z
  .object({
    ...chartCommon,
    kind: z.literal('change_by_segment'),
    answer: codeSchema
      .optional()
      .describe('For a question with options: the answer code whose share is drawn (e.g. "oui").'),
    segments: segmentList,
  })
  .strict()
  .describe(
    'One line per segment from the previous edition to this one: the share giving one answer, or the mean of a scale. Needs edition.previous.',
  );

const words = publication.charts.change_by_segment;
const columns = publication.tables;

export const changeBySegment = defineChartKind({
  kind: 'change_by_segment',
  schema,
  doc: {
    title: 'Ce qui a changé depuis l’édition précédente',
    summary:
      'Une ligne par groupe de répondants, de l’an dernier (point gris) à cette année (point de couleur) : l’évolution de la part qui a donné une réponse, ou d’une note moyenne. Les bases des deux années sont sous le nom du groupe. Il faut une édition précédente, nommée dans `edition.yaml` par `previous:` sous `edition:` ; l’exemple vient donc de l’édition d’essai 2025, comparée à 2024.',
    fields: {
      answer:
        'pour une question à réponses, le code de la réponse dont on suit la part (`oui`) ; à omettre pour une note',
      segments:
        'les groupes de répondants (`segments:` dans `edition.yaml`), une ligne chacun, dans l’ordre où ils sont écrits',
    },
    example: {
      article: 'evolution',
      edition: 'test/fixtures/editions/2025',
      chart: {
        id: 'usage_evolution_par_secteur',
        kind: 'change_by_segment',
        question: 'usage',
        answer: 'oui',
        segments: ['hospitaliers', 'liberaux', 'mixtes'],
        title: "L'usage de l'IA depuis {{previousEdition}}, selon le secteur",
      },
    },
  },
  accepts: [...CLOSED_QUESTION, ...SCALE_QUESTION],
  segmentKeys: ['segments'],
  answerKey: 'answer',
  check: (chart, question, config) => {
    if (config.edition.previous === undefined) {
      return { key: 'kind', ...say.changeNeedsPrevious() };
    }
    if (isClosed(question) && chart.answer === undefined) {
      return { key: 'question', ...say.changeNeedsAnswer(question.id, question.options[0]?.code) };
    }
    return null;
  },
  data: (chart, { config, index, question }) => {
    const isShare = isClosed(question);
    const current = config.edition.id;
    const previous = index.previousEdition();
    const rows: ChartRow[] = chart.segments.flatMap((s) => {
      const id = isShare
        ? figureId.share(chart.question, chart.answer as string, s)
        : figureId.mean(chart.question, s);
      const f = index.change(id);
      const name = segmentName(config, s);
      const axisLabel = `${name}|${formatBase(f.from.base ?? 0)} → ${formatInteger(f.to.base ?? 0)}`;
      const low = Math.min(f.from.value as number, f.to.value as number);
      const high = Math.max(f.from.value as number, f.to.value as number);
      const end = (which: 'from' | 'to', k: number): ChartRow => ({
        group: name,
        axisLabel,
        part: k === 0 ? previous : current,
        partOrder: k,
        value: f[which].value as number,
        count: f[which].count,
        base: f[which].base ?? 0,
        low,
        high,
        text: isShare
          ? formatShareOf({ ...f[which], count: f[which].count ?? 0, base: f[which].base ?? 0 })
          : index.meanText(id, f[which].value as number),
        figureId: f.id,
        // The change's own words ride on this year's dot, for the alt text and the table.
        ...(k === 1 ? { note: changeWords(f) } : {}),
      });
      return [end('from', 0), end('to', 1)];
    });
    const scale = question.type === 'scale' ? question : null;
    const answer = isShare ? answerLabel(question, chart.answer as string) : '';
    return {
      kind: chart.kind,
      rows,
      parts: [previous, current],
      measure: scale ? words.measure.mean(scale.max) : words.measure.share(answer),
      baseNote: words.baseNote(previous, current),
      ...(scale ? { domain: [scale.min, scale.max] as [number, number] } : {}),
    };
  },
  spec: dumbbell,
  alt: (title, data) => words.alt(title, data, byGroup(data)),
  table: (data) => ({
    columns: [columns.group, ...data.parts.map((p) => columns.editionWithBase(p)), columns.change],
    rows: byGroup(data).map(([group, rows]) => [
      group,
      ...rows.map((r) => columns.valueWithBase(r.text, r.base)),
      rows[1]?.note ?? '',
    ]),
  }),
});

/** "+9 points, hausse" / "−2 points, stable, dans la marge d’incertitude". */
function changeWords(f: ChangeFigure): string {
  return words.note(f.of, f.value ?? 0, direction(f));
}

function dumbbell(data: ChartData, width: number): TopLevelSpec {
  const isShare = data.domain === undefined;
  const [min, max] = data.domain ?? [0, 1];
  const scale = { domain: [min, max], nice: false, zero: isShare };
  const y = { field: 'axisLabel', type: 'nominal', sort: null, axis: Y_AXIS } as const;
  const x = { field: 'value', type: 'quantitative', scale } as const;
  const label = (right: boolean) => ({
    transform: [
      {
        filter: right
          ? 'datum.value > datum.low || (datum.value == datum.low && datum.partOrder == 1 && datum.low == datum.high)'
          : 'datum.value < datum.high || (datum.low == datum.high && datum.partOrder == 0)',
      },
    ],
    mark: {
      type: 'text',
      align: right ? 'left' : 'right',
      baseline: 'middle',
      dx: right ? 9 : -9,
      fontSize: LABEL_SIZE,
      color: INK,
    },
    encoding: { x, text: { field: 'text' } },
  });
  return {
    ...specBase(new Set(data.rows.map((r) => r.group)).size * (BAR_STEP + 4), width),
    data: { values: data.rows },
    encoding: { y },
    layer: [
      {
        // One line per segment, drawn from this year's row (it carries both ends).
        transform: [{ filter: 'datum.partOrder == 1' }],
        ...rangeRule(
          scale,
          {
            title: data.measure,
            format: isShare ? '.0%' : 'd',
            tickCount: isShare ? 5 : max - min,
          },
          { strokeWidth: 2, opacity: 0.6 },
        ),
      },
      {
        mark: { type: 'point', filled: true, size: 110, opacity: 1 },
        encoding: {
          x,
          color: {
            field: 'part',
            type: 'nominal',
            sort: data.parts,
            scale: { domain: data.parts, range: [MUTED, ACCENT] },
            legend: { ...BOTTOM_LEGEND, columns: 2 },
          },
        },
      },
      label(true),
      label(false),
    ],
  } as unknown as TopLevelSpec;
}
