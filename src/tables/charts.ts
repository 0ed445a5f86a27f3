/**
 * The chart each question of the tables gets, chosen by its type from the
 * kinds the articles use: everyone's answers ranked (single, yes/no,
 * multiple), a scale's distribution of notes; a timestamp's responses per
 * week as bars of their own (weekChart). A free-text question has none.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartRow } from '../charts/kind.js';
import { horizontalBars } from '../charts/marks.js';
import { ALL_SEGMENT, type ChartConfig, type Question } from '../edition/schema.js';
import { formatInteger, formatLongDate } from '../publication/french.js';
import { publication } from '../publication/index.js';

export function questionChart(q: Question): ChartConfig | undefined {
  const chart = {
    id: `tableau_${q.id}`,
    question: q.id,
    segment: ALL_SEGMENT,
    title: q.label ?? q.header,
  };
  if (q.type === 'single' || q.type === 'yesno' || q.type === 'multiple')
    return { ...chart, kind: 'ranked_options' } as ChartConfig;
  if (q.type === 'scale') return { ...chart, kind: 'scale_distribution' } as ChartConfig;
  return undefined;
}

/** The responses per week as bars, one a week named by its Monday, its count at its end. */
export function weekChart(weeks: { week: string; count: number }[], width: number): TopLevelSpec {
  const rows: ChartRow[] = weeks.map((w) => ({
    group: w.week,
    axisLabel: formatLongDate(w.week),
    value: w.count,
    base: w.count,
    text: formatInteger(w.count),
    figureId: '',
  }));
  const most = Math.max(1, ...weeks.map((w) => w.count));
  return horizontalBars(rows, width, {
    // Room at the end of the longest bar for its count.
    domainMax: Math.ceil(most * 1.15),
    format: 'd',
    title: publication.surveyTables.responses,
  });
}
