/**
 * The chart each question of the tables gets, chosen by its type from the
 * kinds the articles use: everyone's answers ranked (single, yes/no,
 * multiple), a scale's distribution of notes. A timestamp's responses per
 * week and a free-text question show as tables only.
 */
import { ALL_SEGMENT, type ChartConfig, type Question } from '../edition/schema.js';

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
