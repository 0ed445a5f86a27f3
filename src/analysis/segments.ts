/** Who belongs to a segment: every condition of its `where` holds. */
import { ALL_SEGMENT } from '../edition/references.js';
import type { EditionConfig, Segment } from '../edition/schema.js';
import type { Response } from '../ingest/types.js';

export const ALL: Segment = {
  id: ALL_SEGMENT,
  label: 'Ensemble des répondants',
  short: 'Ensemble',
  where: {},
};

export function isMember(response: Response, segment: Segment): boolean {
  return Object.entries(segment.where).every(([qid, wanted]) => {
    const a = response.answers[qid];
    if (a?.kind !== 'choice') return false;
    return [wanted].flat().some((code) => a.codes.includes(code));
  });
}

/** Members are looked up for every question and chart: remembered per list of responses and segment. */
const memberCache = new WeakMap<readonly Response[], WeakMap<Segment, Response[]>>();

export function membersOf(responses: readonly Response[], segment: Segment): Response[] {
  let bySegment = memberCache.get(responses);
  if (!bySegment) {
    bySegment = new WeakMap();
    memberCache.set(responses, bySegment);
  }
  let members = bySegment.get(segment);
  if (!members) {
    members = responses.filter((r) => isMember(r, segment));
    bySegment.set(segment, members);
  }
  return members;
}

/** The built-in "all" followed by the edition's segments. */
export function allSegments(config: EditionConfig): Segment[] {
  return [ALL, ...config.segments];
}

export function findSegment(config: EditionConfig, id: string): Segment | undefined {
  return allSegments(config).find((s) => s.id === id);
}
