/**
 * A chart's numbers as short lines of plain text, for the newsletter's text
 * part, where no picture shows: one line a bar ("Radiologues : 81 % (60 sur
 * 74)"), and for a chart split by a second variable, each group's name then
 * its parts, indented. Read from the chart's rows, as its table is.
 */
import { formatBase, formatOutOf, SMALL_BASE } from '../publication/french.js';
import { publication } from '../publication/index.js';
import type { ChartData, ChartRow } from './kind.js';
import { byGroup } from './rows.js';

const words = publication.chartLines;

/** Before a part's line, under its group's name. */
export const PART_INDENT = '  ';

/** Kinds whose drawing is a mean's interval: their lines give it. */
const DRAWN_INTERVALS = new Set(['means_with_intervals']);

export function chartLines(data: ChartData): string[] {
  if (data.parts.length === 0)
    return data.rows.map((r) =>
      words.line(
        data.kind === 'scale_distribution' ? words.score(r.group) : r.group,
        value(r, data),
      ),
    );
  return byGroup(data).flatMap(([group, rows]) => [
    words.group(group),
    ...rows.map((r) => `${PART_INDENT}${words.line(partName(r), value(r, data))}`),
  ]);
}

/** A part as its line names it: without the base a legend adds to it, which its value says. */
function partName(r: ChartRow): string {
  const part = r.part ?? '';
  const legendBase = ` (${formatBase(r.base)})`;
  return part.endsWith(legendBase) ? part.slice(0, -legendBase.length) : part;
}

/** After a share of 30 respondents or more: "60 sur 74"; for a weighted estimate, its respondents "n = 74". */
function outOf(r: ChartRow, count: number): string {
  return r.weighted ? formatBase(r.base) : formatOutOf(count, r.base);
}

/** What a row says: a share with its count and base, or a mean with its base. */
function value(r: ChartRow, data: ChartData): string {
  const interval = DRAWN_INTERVALS.has(data.kind);
  const said =
    r.count === undefined
      ? words.mean(
          r.text,
          data.domain?.[1],
          r.base,
          interval ? r.lowText : undefined,
          interval ? r.highText : undefined,
        )
      : words.share(r.text, r.base < SMALL_BASE ? undefined : outOf(r, r.count));
  return words.withNote(said, r.note);
}
