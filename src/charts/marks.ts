/**
 * Vega-Lite building blocks the kinds share. Bars always start at zero;
 * values are printed on the bars (direct labels), so only charts split by
 * a second variable need a legend.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow } from './kind.js';
import { ACCENT, INK, MUTED, vegaLiteConfig } from './theme.js';

export const BAR_STEP = 36;
/**
 * Values printed on marks and legend labels. Axis labels are 14: every
 * drawing is scaled to its medium so that 13 units read as at least 11 px
 * on screen and 8 pt in print (drawings.ts).
 */
export const LABEL_SIZE = 13;

/** Group labels on two lines ("Manipulateurs" / "n = 46"): the chart keeps its width for the bars. */
export const Y_AXIS = {
  title: null,
  ticks: false,
  domain: false,
  labelPadding: 8,
  labelExpr: "split(datum.label, '|')",
  labelLineHeight: 15,
} as const;

/** The top of every spec: size (`width` in drawing units, labels included), fit and the shared look. */
export function specBase(height: number, width: number) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    height,
    autosize: { type: 'fit-x', contains: 'padding' },
    config: vegaLiteConfig as never,
  };
}

/** A legend under the chart, one entry a line. */
export const BOTTOM_LEGEND = {
  orient: 'bottom',
  title: null,
  direction: 'horizontal',
  columns: 1,
  labelFontSize: LABEL_SIZE,
  symbolSize: 120,
  labelLimit: 200,
  columnPadding: 12,
  offset: 10,
} as const;

/** One horizontal bar a row, its value printed at its end. */
export function horizontalBars(
  rows: ChartRow[],
  width: number,
  x: { domainMax: number; format: string; title: string },
): TopLevelSpec {
  const y = { field: 'axisLabel', type: 'nominal', sort: null, axis: Y_AXIS } as const;
  const xEnc = {
    field: 'value',
    type: 'quantitative',
    scale: { domain: [0, x.domainMax], nice: false },
  } as const;
  return {
    ...specBase(rows.length * BAR_STEP, width),
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', color: ACCENT, height: 22, cornerRadiusEnd: 2 },
        encoding: {
          x: {
            ...xEnc,
            axis: {
              format: x.format,
              title: x.title,
              tickCount: 5,
              grid: true,
              titleAlign: 'right',
              titleAnchor: 'end',
            },
          },
        },
      },
      {
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 5,
          fontWeight: 600,
          color: INK,
        },
        encoding: { x: xEnc, text: { field: 'text' } },
      },
    ],
  } as unknown as TopLevelSpec;
}

/**
 * A line from each row's `low` to its `high` (an interval, or last year to
 * this year), carrying the value axis, titled at its right end.
 */
export function rangeRule(
  scale: object,
  axis: { title: string; format: string; tickCount: number },
  mark: object,
) {
  return {
    mark: { type: 'rule', color: MUTED, ...mark },
    encoding: {
      x: {
        field: 'low',
        type: 'quantitative',
        scale,
        axis: { ...axis, grid: true, titleAlign: 'right', titleAnchor: 'end' },
      },
      x2: { field: 'high' },
    },
  };
}
