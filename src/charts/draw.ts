/** One chart config -> everything the outputs need of it, computed once. */

import type { TopLevelSpec } from 'vega-lite';
import { figureId } from '../analysis/figures.js';
import type { ChartConfig, EditionConfig, Question } from '../edition/schema.js';
import type { FigureIndex } from '../format/figure-index.js';
import { publication } from '../publication/index.js';
import { DRAWINGS, type DrawingName } from './drawings.js';
import type { ChartData, DataTable } from './kind.js';
import { chartKind } from './kinds/index.js';
import { chartLines } from './lines.js';
import { segmentName, withoutRepeats } from './rows.js';

export interface RenderedChart {
  id: string;
  /** The finding, as the edition config's title template wrote it for this data. */
  title: string;
  alt: string;
  baseNote: string;
  table: DataTable;
  /** Its numbers as short lines of plain text, one a bar (lines.ts): the newsletter's text part. */
  lines: string[];
  /** The chart drawn once for each place it is shown (drawings.ts). */
  drawings: Record<DrawingName, Drawing>;
}

export interface Drawing {
  svg: string;
  /** Size in drawing units (scaled to its column where it is shown). */
  width: number;
  height: number;
}

/**
 * What the drawing thread needs to draw a chart: its Vega-Lite spec (plain
 * data, made here, so that what a drawing is made from is all in the job:
 * drawings are remembered by its hash) and the widths of its drawings.
 */
export interface SvgJob {
  spec: TopLevelSpec;
  widths: number[];
}

export interface PlannedChart {
  chart: Omit<RenderedChart, 'drawings'>;
  data: ChartData;
  /** Segments of the chart's lists left out: nobody in them answered the question this year. */
  omitted: string[];
}

/**
 * Everything about a chart but its drawing, which the worker makes from
 * `job`. A segment of its lists in which nobody answered this year is left
 * out, and its base note says so (new answer options can empty « Autre »).
 */
export function planChart(
  chart: ChartConfig,
  config: EditionConfig,
  index: FigureIndex,
  title: string,
): PlannedChart {
  const kind = chartKind(chart.kind);
  const question = config.questions.find((q) => q.id === chart.question) as Question;
  const answered = (s: string) => {
    const f = index.find(figureId.answered(chart.question, s));
    return f === undefined || (f.kind === 'count' && f.value > 0);
  };
  const omitted = new Set<string>();
  const drawn: ChartConfig = { ...chart };
  for (const key of kind.segmentKeys) {
    const list = chart[key];
    if (!Array.isArray(list)) continue;
    const kept = (list as string[]).filter((s) => answered(s) || !omitted.add(s));
    // With every segment empty, the kind says so itself (a figure without a value, located).
    if (kept.length > 0) drawn[key] = kept;
  }
  const data = kind.data(drawn, { config, index, question });
  if (omitted.size > 0)
    data.baseNote = publication.baseNotes.omitted(
      data.baseNote,
      withoutRepeats([...omitted].map((s) => segmentName(config, s))),
    );
  return {
    chart: {
      id: chart.id,
      title,
      alt: kind.alt(title, data),
      baseNote: data.baseNote,
      table: kind.table(data),
      lines: chartLines(data),
    },
    data,
    omitted: [...omitted],
  };
}

/** A chart that could not be planned, standing in while the problems are gathered (never drawn). */
export function unplannable(id: string, kind: string, title: string): PlannedChart {
  return {
    chart: { id, title, alt: '', baseNote: '', table: { columns: [], rows: [] }, lines: [] },
    data: { kind, rows: [], parts: [], measure: '', baseNote: '' },
    omitted: [],
  };
}

/** An empty drawing of each width asked for: charts planned, not drawn (enquete check). */
export async function undrawnSvgs(jobs: readonly SvgJob[]): Promise<string[][]> {
  return jobs.map((job) => job.widths.map((w) => `<svg width="${w}" height="1"></svg>`));
}

/** A chart planned but not drawn: an empty drawing of each width in its place (the audit). */
export function undrawn(planned: PlannedChart): RenderedChart {
  return withDrawings(
    planned,
    DRAWINGS.map((d) => `<svg width="${d.width}" height="1"></svg>`),
  );
}

/** The drawings a chart needs, one per medium's width: its spec is the first's, laid out again at the others'. */
export function drawingJob(planned: PlannedChart): SvgJob {
  const widths = DRAWINGS.map((d) => d.width);
  return { spec: chartKind(planned.data.kind).spec(planned.data, widths[0] as number), widths };
}

/** The planned chart with its drawings, the SVGs in the order of `drawingJob`'s widths. */
export function withDrawings(planned: PlannedChart, svgs: string[]): RenderedChart {
  const drawings = Object.fromEntries(
    DRAWINGS.map((d, i) => {
      const svg = ownIds(svgs[i] as string, `${planned.chart.id}-${d.name}`);
      return [d.name, { svg, ...svgSize(svg) }];
    }),
  ) as Record<DrawingName, Drawing>;
  return { ...planned.chart, drawings };
}

/**
 * The drawing's ids (vega's clip paths), named after the chart and drawing
 * and numbered from one: vega numbers them across everything a process has
 * drawn, so the same chart would differ with what was drawn before it, and
 * two charts of a page could share an id.
 */
export function ownIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
  const renamed = new Map(ids.map((id, k) => [id, `${prefix}-${k + 1}`]));
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (all, a, id, b) =>
      renamed.has(id) ? `${a}${renamed.get(id)}${b}` : all,
    )
    .replace(/(url\(#|href="#)([^)"]+)/g, (all, a, id) =>
      renamed.has(id) ? `${a}${renamed.get(id)}` : all,
    );
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('vega produced an SVG without width and height');
  return { width: Math.round(Number(m[1])), height: Math.round(Number(m[2])) };
}
