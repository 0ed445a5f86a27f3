/**
 * What changed since the previous edition: for every figure both editions
 * have (same id, same kind), the difference this year − last year with its
 * 95 % interval. Ids are made of question, answer and segment ids, which
 * `enquete init` keeps from one year to the next: that is what makes two
 * editions' figures comparable.
 */

import { publication } from '../publication/index.js';
import type { NotesOf } from './comparability.js';
import { meanSample, shareSample } from './effective.js';
import {
  type ChangeEnd,
  type ChangeFigure,
  type Figure,
  figureId,
  type MeanFigure,
  type ShareFigure,
} from './figures.js';
import { type Interval, newcombe, welch } from './stats.js';

export function changeFigures(
  current: readonly Figure[],
  previous: readonly Figure[],
  previousId: string,
  /** What differs since the previous edition for a question and a group (comparability.ts). */
  notesOf: NotesOf = () => [],
): ChangeFigure[] {
  const before = new Map(previous.map((f) => [f.id, f]));
  const changes: ChangeFigure[] = [];
  for (const to of current) {
    const from = before.get(to.id);
    if (!from || from.kind !== to.kind) continue;
    const change = changeOf(from, to);
    if (!change) continue;
    const notes = notesOf(to.question, to.segment, change.of);
    changes.push({
      id: figureId.change(to.id),
      kind: 'change',
      label: publication.figures.change(to.label, previousId),
      ...(to.question === undefined ? {} : { question: to.question }),
      segment: to.segment,
      of: change.of,
      value: change.value,
      from: change.from,
      to: change.to,
      ci: change.ci,
      previous: previousId,
      comparable: notes.length === 0,
      notes,
    });
  }
  return changes;
}

type Change = Pick<ChangeFigure, 'of' | 'value' | 'from' | 'to' | 'ci'>;

function changeOf(from: Figure, to: Figure): Change | null {
  if (from.kind === 'share' && to.kind === 'share') {
    const end = (f: ShareFigure): ChangeEnd => ({
      value: f.value,
      count: f.count,
      base: f.base,
      ...weightedEnd(f),
    });
    return { of: 'share', ...difference(to, from), from: end(from), to: end(to) };
  }
  if (from.kind === 'mean' && to.kind === 'mean') {
    const end = (f: MeanFigure): ChangeEnd => ({ value: f.value, base: f.base, ...weightedEnd(f) });
    return { of: 'mean', ...difference(to, from), from: end(from), to: end(to) };
  }
  if (from.kind === 'count' && to.kind === 'count') {
    // A count is not an estimate: it changed by exactly this much.
    return {
      of: 'count',
      value: to.value - from.value,
      from: { value: from.value },
      to: { value: to.value },
      ci: null,
    };
  }
  return null;
}

/** A weighted end of a change: its effective base, which the interval of the change is computed on. */
function weightedEnd(f: ShareFigure | MeanFigure): Pick<ChangeEnd, 'weighted' | 'effectiveBase'> {
  return f.effectiveBase === undefined ? {} : { weighted: true, effectiveBase: f.effectiveBase };
}

/**
 * a − b for two shares or two means, with the 95 % interval of the
 * difference (Newcombe for shares, Welch for means), as if the two groups
 * were independent samples; a weighted figure at its effective base.
 */
export function difference(
  a: ShareFigure | MeanFigure,
  b: ShareFigure | MeanFigure,
): { value: number | null; ci: Interval | null } {
  if (a.value === null || b.value === null) return { value: null, ci: null };
  if (a.kind === 'share' && b.kind === 'share') {
    const d = newcombe(
      shareSample({ ...a, value: a.value }),
      shareSample({ ...b, value: b.value }),
    );
    return { value: a.value - b.value, ci: d?.ci ?? null };
  }
  if (a.kind === 'mean' && b.kind === 'mean') {
    const d = welch(meanSample({ ...a, value: a.value }), meanSample({ ...b, value: b.value }));
    return { value: a.value - b.value, ci: d?.ci ?? null };
  }
  throw new Error(`cannot compare a ${a.kind} with a ${b.kind}`);
}

/**
 * Which way a difference goes, as the prose may say it: up or down only when
 * its 95 % interval leaves out 0; a difference within the noise, or without
 * an interval (a base under two), is steady. A count is no estimate: its sign decides.
 */
export function direction(d: {
  value: number | null;
  ci: Interval | null;
  of?: ChangeFigure['of'];
}): 'up' | 'down' | 'steady' {
  if (d.value === null) return 'steady';
  if (d.of === 'count') return d.value > 0 ? 'up' : d.value < 0 ? 'down' : 'steady';
  if (!d.ci) return 'steady';
  if (d.ci[0] > 0) return 'up';
  if (d.ci[1] < 0) return 'down';
  return 'steady';
}
