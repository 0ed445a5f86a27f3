/** One chart config -> everything the outputs need of it, computed once. */
import type { ChartConfig, EditionConfig, Question } from '../edition/schema.js';
import type { FigureIndex } from '../format/figure-index.js';
import type { ChartData, DataTable } from './kind.js';
import { chartKind } from './kinds/index.js';
import { DRAWINGS, type DrawingName } from './media.js';

export interface RenderedChart {
  id: string;
  /** The finding, as the edition config's title template wrote it for this data. */
  title: string;
  alt: string;
  baseNote: string;
  table: DataTable;
  /** The chart drawn once for each place it is shown (media.ts). */
  drawings: Record<DrawingName, Drawing>;
}

export interface Drawing {
  svg: string;
  /** Size in drawing units (scaled to its column where it is shown). */
  width: number;
  height: number;
}

/** What the drawing thread needs to draw a chart: its data (the kind is named in it) and the widths of its drawings. */
export interface SvgJob {
  data: ChartData;
  widths: number[];
}

export interface PlannedChart {
  chart: Omit<RenderedChart, 'drawings'>;
  data: ChartData;
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
    data,
  };
}

/** The drawings a chart needs, one per medium's width. */
export function drawingJob(planned: PlannedChart): SvgJob {
  return { data: planned.data, widths: DRAWINGS.map((d) => d.width) };
}

/** The spec of a chart's first drawing (in the drawing thread, which redraws it at the others' widths). */
export function chartSpecOf(job: SvgJob) {
  return chartKind(job.data.kind).spec(job.data, job.widths[0] as number);
}

/** The planned chart with its drawings, the SVGs in the order of `drawingJob`'s widths. */
export function withDrawings(planned: PlannedChart, svgs: string[]): RenderedChart {
  const drawings = Object.fromEntries(
    DRAWINGS.map((d, i) => {
      const svg = svgs[i] as string;
      return [d.name, { svg, ...svgSize(svg) }];
    }),
  ) as Record<DrawingName, Drawing>;
  return { ...planned.chart, drawings };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('vega produced an SVG without width and height');
  return { width: Math.round(Number(m[1])), height: Math.round(Number(m[2])) };
}
