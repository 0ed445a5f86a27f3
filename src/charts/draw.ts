/** One chart config -> everything the outputs need of it, computed once. */
import type { ChartConfig, EditionConfig, Question } from '../edition/schema.js';
import type { FigureIndex } from '../format/figure-index.js';
import type { ChartData, DataTable } from './kind.js';
import { chartKind } from './kinds/index.js';

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
}

/** What the drawing thread needs to draw a chart: its data (the kind is named in it). */
export interface SvgJob {
  data: ChartData;
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
  const kind = chartKind(chart.kind);
  const question = config.questions.find((q) => q.id === chart.question) as Question;
  const data = kind.data(chart, { config, index, question });
  return {
    chart: {
      id: chart.id,
      title,
      alt: kind.alt(title, data),
      baseNote: data.baseNote,
      table: kind.table(data),
    },
    job: { data },
  };
}

/** The SVG of a planned chart (in the drawing thread). */
export function chartSpecOf(job: SvgJob) {
  return chartKind(job.data.kind).spec(job.data);
}

export function withDrawing(planned: PlannedChart, svg: string): RenderedChart {
  return { ...planned.chart, svg, ...svgSize(svg) };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('vega produced an SVG without width and height');
  return { width: Math.round(Number(m[1])), height: Math.round(Number(m[2])) };
}
