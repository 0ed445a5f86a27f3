/**
 * A segment of a chart in which nobody answered this year (every « Autre »
 * of last year now has an option of its own): the chart leaves it out and
 * says so under it; the editor decides whether to keep it listed.
 */
import type { Problem } from '../../errors.js';
import { lint as say, where } from '../../messages/index.js';
import type { LintInput } from '../input.js';

export function emptySegments({ edition, charts }: LintInput): Problem[] {
  return charts.flatMap(({ chart, planned, at }) =>
    planned.omitted.map((segment) => ({
      file: edition.configFile,
      ...edition.locate([...at, 'segments']),
      where: where.chart(chart.id),
      ...say.emptySegment(segment, chart.question),
    })),
  );
}
