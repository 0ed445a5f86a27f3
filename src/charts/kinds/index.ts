/**
 * Every chart kind the build can draw. Adding one: a file in this folder
 * exporting a `defineChartKind({...})`, and one line here.
 */
import type { ChartKind } from '../kind.js';
import { changeBySegment } from './change-by-segment.js';
import { meanBySegment } from './mean-by-segment.js';
import { meansWithIntervals } from './means-with-intervals.js';
import { mixBySegment } from './mix-by-segment.js';
import { optionsBySegment } from './options-by-segment.js';
import { rankedOptions } from './ranked-options.js';
import { scaleDistribution } from './scale-distribution.js';
import { seriesBySegment } from './series-by-segment.js';
import { shareBySegment } from './share-by-segment.js';

export const CHART_KINDS: readonly ChartKind[] = [
  shareBySegment,
  rankedOptions,
  mixBySegment,
  meanBySegment,
  scaleDistribution,
  meansWithIntervals,
  optionsBySegment,
  changeBySegment,
  seriesBySegment,
];

/** The kind of a chart whose config the loader has checked: it exists. */
export function chartKind(name: string): ChartKind {
  const kind = CHART_KINDS.find((k) => k.kind === name);
  if (!kind) throw new Error(`no chart kind "${name}" (the config loader should have refused it)`);
  return kind;
}
