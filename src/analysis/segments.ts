/**
 * Who belongs to a segment (every condition of its `where` holds) and who
 * was asked a question (its `appliesTo` segment), as the list of their
 * response slots, worked out once per segment and shared by every figure:
 * counting a figure then walks only the responses it is about.
 */

import { ALL_SEGMENT } from '../edition/codes.js';
import type { EditionConfig, Question, Segment } from '../edition/schema.js';
import type { ChoiceColumn, Responses } from '../ingest/columns.js';
import { publication } from '../publication/index.js';

const ALL: Segment = { id: ALL_SEGMENT, ...publication.segments.all, where: {} };

/** The built-in "all" followed by the edition's segments. */
export function allSegments(config: EditionConfig): Segment[] {
  return [ALL, ...config.segments];
}

export function findSegment(config: EditionConfig, id: string): Segment | undefined {
  return allSegments(config).find((s) => s.id === id);
}

/** A group of responses: their slots, in export order. */
export type Group = Uint32Array;

export class Membership {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly config: EditionConfig,
    private readonly responses: Responses,
  ) {}

  /** The members of a segment. */
  of(segment: Segment): Group {
    let group = this.groups.get(segment.id);
    if (!group) {
      group = this.members(segment);
      this.groups.set(segment.id, group);
    }
    return group;
  }

  /** The members of a segment who were asked the question. */
  asked(question: Question, segment: Segment): Group {
    const members = this.of(segment);
    if (question.appliesTo === undefined) return members;
    const key = `${segment.id}\u0000${question.appliesTo}`;
    let group = this.groups.get(key);
    if (!group) {
      const target = findSegment(this.config, question.appliesTo);
      if (!target) throw new Error(`appliesTo names unknown segment ${question.appliesTo}`);
      group = intersection(members, this.of(target));
      this.groups.set(key, group);
    }
    return group;
  }

  private members(segment: Segment): Group {
    const member = memberFlags(segment, this.responses);
    const group = new Uint32Array(member.length);
    let n = 0;
    for (let i = 0; i < member.length; i++) if (member[i]) group[n++] = i;
    return group.slice(0, n);
  }
}

/** 1 for each response in the segment (every condition of its `where` holds), 0 for the others. */
export function memberFlags(segment: Segment, responses: Responses): Uint8Array {
  const member = new Uint8Array(responses.count).fill(1);
  for (const [questionId, wanted] of Object.entries(segment.where)) {
    // The config's checks make sure a segment's conditions name closed questions and their codes.
    const column = responses.columns.get(questionId) as ChoiceColumn;
    const { masks, words } = column;
    const want = new Uint32Array(words);
    for (const code of [wanted].flat()) {
      const k = column.codes.indexOf(code);
      want[k >>> 5] = (want[k >>> 5] as number) | (1 << (k & 31));
    }
    for (let i = 0; i < member.length; i++) {
      if (!member[i]) continue;
      let chose = false;
      for (let w = 0; w < words && !chose; w++)
        chose = ((masks[i * words + w] as number) & (want[w] as number)) !== 0;
      if (!chose) member[i] = 0;
    }
  }
  return member;
}

/** How many slots two groups share (both in export order). */
export function intersectionSize(a: Group, b: Group): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) n++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return n;
}

/** The slots in both groups (both in export order). */
function intersection(a: Group, b: Group): Group {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) out[n++] = x;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out.slice(0, n);
}
