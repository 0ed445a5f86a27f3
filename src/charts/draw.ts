/** One chart config -> everything the outputs need of it, computed once. */
import type { ChartConfig, EditionConfig } from '../edition/schema.js';
import type { FigureIndex } from '../render/figure-index.js';
import { chartData } from './data.js';
import { altText, type DataTable, dataTable } from './describe.js';
import { type Png, renderPng, renderSvg } from './render.js';
import { chartSpec } from './specs.js';

export interface RenderedChart {
  id: string;
  /** The finding, as the edition config's title template wrote it for this data. */
  title: string;
  alt: string;
  baseNote: string;
  table: DataTable;
  svg: string;
  png: Png;
  /** Where the PNG is written in the output folder. */
  pngFile: string;
}

export async function drawChart(
  chart: ChartConfig,
  config: EditionConfig,
  index: FigureIndex,
  title: string,
): Promise<RenderedChart> {
  const data = chartData(chart, config, index);
  const question = config.questions.find((q) => q.id === chart.question);
  const svg = await renderSvg(chartSpec(data, question?.type === 'scale' ? question.max : 10));
  return {
    id: chart.id,
    title,
    alt: altText(title, data),
    baseNote: data.baseNote,
    table: dataTable(data, index),
    svg,
    png: renderPng(svg),
    pngFile: `charts/${chart.id.replaceAll('_', '-')}.png`,
  };
}
