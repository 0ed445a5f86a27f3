/**
 * A figure followed over every edition of the `previous` chain: one point
 * per edition that has it (same id, same kind), oldest first, the last
 * being this edition's. Each point after the first says whether it still
 * measures what the point before measured, from the two editions'
 * codebooks (comparability.ts), exactly as a change figure does for the
 * last two; a difference between the first and the last point is decided
 * by the same intervals as a change (change.ts: Newcombe, Welch).
 */

import type { EditionConfig } from '../edition/schema.js';
import { difference } from './change.js';
import { type ComparabilityNote, comparability, describe, type NotesOf } from './comparability.js';
import {
  type Figure,
  figureId,
  type MeanFigure,
  type SeriesFigure,
  type SeriesPoint,
  type ShareFigure,
} from './figures.js';
import type { Interval } from './stats.js';

/** One edition of the chain, analysed: what its points are read from. */
export interface EditionFigures {
  config: EditionConfig;
  figures: readonly Figure[];
}

/** The year an edition is named by in texts: its id when it is one ("2024"), else its field period's. */
export function editionYear(edition: EditionConfig['edition']): string {
  return /^\d{4}$/.test(edition.id) ? edition.id : edition.fieldPeriod.start.slice(0, 4);
}

/**
 * The series of every share, mean and count of the last edition that at
 * least one earlier edition has too. `editions`: oldest first, the current
 * one last.
 */
export function seriesFigures(editions: readonly EditionFigures[]): SeriesFigure[] {
  const current = editions.at(-1);
  if (!current || editions.length < 2) return [];
  const byId = editions.map((e) => new Map(e.figures.map((f) => [f.id, f])));
  const notesBetween = pairNotes(editions);
  const out: SeriesFigure[] = [];
  for (const f of current.figures) {
    if (f.kind !== 'share' && f.kind !== 'mean' && f.kind !== 'count') continue;
    const found = byId.flatMap((figures, k) => {
      const same = figures.get(f.id);
      return same?.kind === f.kind ? [{ k, figure: same }] : [];
    });
    if (found.length < 2) continue;
    const points = found.map(({ k, figure }, i): SeriesPoint => {
      const before = found[i - 1];
      const edition = (editions[k] as EditionFigures).config.edition.id;
      const previous = before && (editions[before.k] as EditionFigures).config.edition.id;
      const notes = before
        ? named(
            notesBetween(k, before.k)(f.question, f.segment, f.kind),
            previous as string,
            edition,
          )
        : [];
      return {
        edition,
        year: editionYear((editions[k] as EditionFigures).config.edition),
        ...numbersOf(figure),
        ...(previous !== undefined && { previous }),
        comparable: notes.length === 0,
        notes,
      };
    });
    out.push({
      id: figureId.series(f.id),
      kind: 'series',
      label: f.label,
      ...(f.question === undefined ? {} : { question: f.question }),
      segment: f.segment,
      of: f.kind,
      value: f.value,
      points,
    });
  }
  return out;
}

/** What differs between two editions of the chain, worked out once per pair. */
function pairNotes(
  editions: readonly EditionFigures[],
): (later: number, earlier: number) => NotesOf {
  const made = new Map<string, NotesOf>();
  return (later, earlier) => {
    const key = `${later}:${earlier}`;
    let notes = made.get(key);
    if (!notes) {
      const [a, b] = [editions[later], editions[earlier]] as [EditionFigures, EditionFigures];
      notes = comparability(a.config, b.config);
      made.set(key, notes);
    }
    return notes;
  };
}

/** Notes worded with both editions of their step ("« … » en 2025, « … » en 2026"): a series is read from afar. */
function named(notes: ComparabilityNote[], previous: string, later: string): ComparabilityNote[] {
  return notes.map((n) => ({ ...n, text: describe(n.difference, previous, later) }));
}

/** A point's numbers: a share's count and base, a mean's base and spread, a count's value. */
function numbersOf(
  f: Figure,
): Pick<SeriesPoint, 'value' | 'count' | 'base' | 'sd' | 'ci' | 'weighted' | 'effectiveBase'> {
  // A weighted point keeps its effective base: the interval between two points is computed on it.
  const weighted =
    (f.kind === 'share' || f.kind === 'mean') && f.effectiveBase !== undefined
      ? { weighted: true as const, effectiveBase: f.effectiveBase }
      : {};
  if (f.kind === 'share')
    return { value: f.value, count: f.count, base: f.base, ci: f.ci, ...weighted };
  if (f.kind === 'mean') return { value: f.value, base: f.base, sd: f.sd, ci: f.ci, ...weighted };
  if (f.kind === 'count') return { value: f.value, ci: null };
  throw new Error(`no series of a ${f.kind} figure`);
}

/**
 * The difference between two points of a series, later − earlier, with the
 * interval a change figure would have (Newcombe for shares, Welch for
 * means, none for a count: it changed by exactly that much).
 */
export function pointDifference(
  series: SeriesFigure,
  earlier: SeriesPoint,
  later: SeriesPoint,
): { value: number | null; ci: Interval | null } {
  if (earlier.value === null || later.value === null) return { value: null, ci: null };
  if (series.of === 'count') return { value: later.value - earlier.value, ci: null };
  return difference(asFigure(series, later), asFigure(series, earlier));
}

/** A point as the figure it was in its edition, for change.ts's difference. */
function asFigure(series: SeriesFigure, p: SeriesPoint): ShareFigure | MeanFigure {
  const common = {
    id: series.id,
    label: series.label,
    segment: series.segment,
    ci: p.ci,
    ...(p.effectiveBase !== undefined && {
      weighted: true as const,
      effectiveBase: p.effectiveBase,
    }),
  };
  if (series.of === 'share')
    return {
      ...common,
      kind: 'share',
      answer: '',
      value: p.value,
      count: p.count ?? 0,
      base: p.base ?? 0,
    };
  return { ...common, kind: 'mean', value: p.value, base: p.base ?? 0, sd: p.sd ?? null };
}

/** The steps of a series whose points no longer measure the same, with notes no editor decided on. */
export function undecidedSteps(series: SeriesFigure): SeriesPoint[] {
  return series.points.filter((p) => p.notes.some((n) => n.decision === undefined));
}
