/** One chart config -> everything the outputs need of it, computed once. */
import type { ChartConfig, EditionConfig } from '../edition/schema.js';
import type { FigureIndex } from '../render/figure-index.js';
import type { SvgJob } from '../worker/jobs.js';
import { type ChartData, chartData } from './data.js';
import { altText, type DataTable, dataTable } from './describe.js';

export interface RenderedChart {
  id: string;
  /** The finding, as the edition config's title template wrote it for this data. */
  title: string;
  alt: string;
  baseNote: string;
  table: DataTable;
  svg: string;
  /** Size of the drawing in CSS pixels (the PNG has twice as many). */
  width: number;
  height: number;
  /** Where the PNG is written in the output folder. */
  pngFile: string;
}

export interface PlannedChart {
  chart: Omit<RenderedChart, 'svg' | 'width' | 'height'>;
  job: SvgJob;
}

/** Everything about a chart but its drawing, which the worker makes from `job`. */
export function planChart(
  chart: ChartConfig,
  config: EditionConfig,
  index: FigureIndex,
  title: string,
): PlannedChart {
  const data: ChartData = chartData(chart, config, index);
  const question = config.questions.find((q) => q.id === chart.question);
  return {
    chart: {
      id: chart.id,
      title,
      alt: altText(title, data),
      baseNote: data.baseNote,
      table: dataTable(data, index),
      pngFile: `charts/${chart.id.replaceAll('_', '-')}.png`,
    },
    job: { data, scaleMax: question?.type === 'scale' ? question.max : 10 },
  };
}

export function withDrawing(planned: PlannedChart, svg: string): RenderedChart {
  return { ...planned.chart, svg, ...svgSize(svg) };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('vega produced an SVG without width and height');
  return { width: Math.round(Number(m[1])), height: Math.round(Number(m[2])) };
}
