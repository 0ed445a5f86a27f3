/**
 * Vega-Lite specs, one builder per chart kind. Bars always start at zero;
 * values are printed on the bars (direct labels), so only the stacked mix
 * needs a legend.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartData, ChartRow } from './data.js';
import { ACCENT, CHART_WIDTH, INK, MUTED, ORDERED_RAMP, vegaLiteConfig } from './theme.js';

const BAR_STEP = 36;

/** Group labels on two lines ("Manipulateurs" / "n = 46"): the chart keeps its width for the bars. */
const Y_AXIS = {
  title: null,
  ticks: false,
  domain: false,
  labelPadding: 8,
  labelExpr: "split(datum.label, '|')",
  labelLineHeight: 15,
} as const;

export function chartSpec(data: ChartData, scaleMax = 10): TopLevelSpec {
  switch (data.config.kind) {
    case 'share_by_segment':
    case 'ranked_options':
      return horizontalBars(data.rows, { domainMax: 1, format: '.0%', title: data.measure });
    case 'mean_by_segment':
      return horizontalBars(data.rows, { domainMax: scaleMax, format: 'd', title: data.measure });
    case 'mix_by_segment':
      return stackedBars(data);
    case 'scale_distribution':
      return columns(data.rows, data.measure);
  }
}

function base(height: number) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height,
    autosize: { type: 'fit-x', contains: 'padding' },
    config: vegaLiteConfig as never,
  };
}

function horizontalBars(
  rows: ChartRow[],
  x: { domainMax: number; format: string; title: string },
): TopLevelSpec {
  const y = { field: 'axisLabel', type: 'nominal', sort: null, axis: Y_AXIS } as const;
  const xEnc = {
    field: 'value',
    type: 'quantitative',
    scale: { domain: [0, x.domainMax], nice: false },
  } as const;
  return {
    ...base(rows.length * BAR_STEP),
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

function stackedBars(data: ChartData): TopLevelSpec {
  // Stack positions computed here, so each segment's label sits in its middle.
  const rows = data.rows.map((r) => ({ ...r }));
  const x0 = new Map<string, number>();
  const stacked = rows.map((r) => {
    const start = x0.get(r.group) ?? 0;
    x0.set(r.group, start + r.value);
    return {
      ...r,
      x0: start,
      x1: start + r.value,
      mid: start + r.value / 2,
      light: (r.partOrder ?? 0) >= 2,
    };
  });
  const groups = new Set(rows.map((r) => r.group)).size;
  const y = { field: 'axisLabel', type: 'nominal', sort: null, axis: Y_AXIS } as const;
  return {
    ...base(groups * (BAR_STEP + 6)),
    data: { values: stacked },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', height: 26, stroke: 'white', strokeWidth: 1 },
        encoding: {
          x: {
            field: 'x0',
            type: 'quantitative',
            scale: { domain: [0, 1], nice: false },
            axis: {
              format: '.0%',
              title: data.measure,
              tickCount: 5,
              grid: false,
              titleAlign: 'right',
              titleAnchor: 'end',
            },
          },
          x2: { field: 'x1' },
          color: {
            field: 'part',
            type: 'nominal',
            sort: data.parts,
            scale: { domain: data.parts, range: ORDERED_RAMP.slice(0, data.parts.length) },
            legend: {
              orient: 'bottom',
              title: null,
              direction: 'horizontal',
              columns: 1,
              labelFontSize: 12,
              symbolSize: 120,
              labelLimit: 200,
              columnPadding: 12,
              offset: 10,
            },
          },
        },
      },
      {
        // Only where the label fits inside its segment; every value is in the table and the alt text.
        transform: [{ filter: 'datum.base < 30 ? datum.value >= 0.2 : datum.value >= 0.12' }],
        mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: 12, fontWeight: 600 },
        encoding: {
          x: { field: 'mid', type: 'quantitative' },
          text: { field: 'text' },
          color: { condition: { test: 'datum.light', value: INK }, value: 'white' },
        },
      },
    ],
  } as unknown as TopLevelSpec;
}

function columns(rows: ChartRow[], title: string): TopLevelSpec {
  const x = {
    field: 'group',
    type: 'ordinal',
    sort: null,
    axis: { title: 'Note', labelAngle: 0, ticks: false, titleColor: MUTED },
  } as const;
  return {
    ...base(200),
    data: { values: rows },
    encoding: { x },
    layer: [
      {
        mark: { type: 'bar', color: ACCENT, width: { band: 0.75 }, cornerRadiusEnd: 2 },
        encoding: {
          y: {
            field: 'value',
            type: 'quantitative',
            scale: { domainMin: 0, nice: true },
            axis: { format: '.0%', title, tickCount: 4, grid: true },
          },
        },
      },
      {
        mark: {
          type: 'text',
          baseline: 'bottom',
          dy: -3,
          fontSize: 12,
          fontWeight: 600,
          color: INK,
        },
        encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  } as unknown as TopLevelSpec;
}
