/**
 * The groups of segments the tables cross every question by. An edition
 * declares segments one by one; the ones defined on the same questions make
 * a group, in the order they are declared: the professions (`profession`),
 * the sectors (`secteur`), users and non-users (`usage`), the professions of
 * users (`profession` and `usage`)… A segment that contains others of its
 * group (the manipulateurs and the cadres together) stays in it: its letters
 * compare it with the rest of itself, as the article helpers do.
 */
import type { EditionConfig } from '../edition/schema.js';
import type { SegmentGroup } from './model.js';

export function segmentGroups(config: EditionConfig): SegmentGroup[] {
  const groups = new Map<string, string[]>();
  for (const s of config.segments) {
    const key = Object.keys(s.where).sort().join(' ');
    if (key === '') continue;
    groups.set(key, [...(groups.get(key) ?? []), s.id]);
  }
  const label = (id: string) => {
    const q = config.questions.find((x) => x.id === id);
    return q?.label ?? q?.header ?? id;
  };
  return [...groups.entries()].map(([key, segments]) => ({
    title: key.split(' ').map(label).join(' × '),
    segments,
    questions: key.split(' '),
  }));
}
