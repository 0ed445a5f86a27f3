/**
 * Whether a figure still measures the same thing as last year. Two
 * editions' figures share an id when their question, answer and segment ids
 * are the same, but the words may have moved: a question reworded, an
 * option renamed, added or removed (a new option takes answers from the
 * others and from « Autre »), a segment defined otherwise, a population
 * that the questionnaire no longer splits the same way. Each such
 * difference is a note on the change figures it touches, named by what
 * caused it (a question or a segment id), so that one recorded decision of
 * the editor (`comparability:` in edition.yaml) covers all its notes.
 *
 * The two codebooks are the source: `enquete init` keeps ids and writes
 * this year's wording, so comparing the two configs tells what changed,
 * whoever edited them. `enquete init` reports the same differences.
 */

import { ALL_SEGMENT, hasOther, isClosed } from '../edition/codes.js';
import type { ClosedQuestion, EditionConfig, Question, Segment } from '../edition/schema.js';
import { type Difference, publication } from '../publication/index.js';
import { sameText } from '../text.js';

/** One difference since the previous edition, as data: the command and the publication each word it. */
export type { Difference } from '../publication/index.js';

export interface ComparabilityNote {
  /** The question or segment id the difference comes from: what a decision is recorded under. */
  about: string;
  difference: Difference;
  /** What differs, in the publication's words (figures.json, the methodology box). */
  text: string;
  /** The editor's decision for `about`, when edition.yaml records one. */
  decision?: string;
}

/** The differences of one question since the previous edition. */
export interface QuestionChanges {
  question: string;
  differences: Difference[];
  /** Segments are defined on it: a change in its answers changes who is in every group. */
  definesGroups: boolean;
}

/**
 * Every question both editions ask whose wording, type, audience, answers or
 * scale moved. Free text and the timestamp have nothing to compare.
 */
export function questionChanges(
  current: EditionConfig,
  previous: EditionConfig,
): QuestionChanges[] {
  const before = new Map(previous.questions.map((q) => [q.id, q]));
  const defining = new Set(current.segments.flatMap((s) => Object.keys(s.where)));
  return current.questions.flatMap((q) => {
    const p = before.get(q.id);
    if (!p || q.type === 'text' || q.type === 'timestamp') return [];
    const differences = differencesOf(q, p);
    return differences.length > 0
      ? [{ question: q.id, differences, definesGroups: defining.has(q.id) }]
      : [];
  });
}

/**
 * The notes of the change figure of a figure on `question` (if any) in
 * `segment`; `of`, the kind of figure: a count is never weighted, so a
 * difference of weighting says nothing of it.
 */
export type NotesOf = (
  question: string | undefined,
  segment: string,
  of?: 'count' | 'share' | 'mean',
) => ComparabilityNote[];

export function comparability(current: EditionConfig, previous: EditionConfig): NotesOf {
  const previousId = previous.edition.id;
  const changed = new Map(questionChanges(current, previous).map((c) => [c.question, c]));
  const note = (about: string, difference: Difference): ComparabilityNote => ({
    about,
    difference,
    text: describe(difference, previousId),
  });
  const labelOf = (id: string) => {
    const q = current.questions.find((x) => x.id === id);
    return q?.label ?? q?.header ?? id;
  };
  // Answers added to or removed from a question that defines groups change who is in every group, "all" too.
  const population = [...changed.values()].flatMap(({ question, differences, definesGroups }) => {
    if (!definesGroups) return [];
    const answers = (kind: 'added' | 'removed') =>
      differences.flatMap((d) => (d.kind === kind ? d.answers : []));
    const [added, removed] = [answers('added'), answers('removed')];
    if (added.length === 0 && removed.length === 0) return [];
    return [note(question, { kind: 'population', question: labelOf(question), added, removed })];
  });
  const segmentNotes = (id: string): ComparabilityNote[] => {
    const s = current.segments.find((x) => x.id === id);
    const p = previous.segments.find((x) => x.id === id);
    if (id === ALL_SEGMENT || !s || !p) return [];
    return [
      ...(definition(s) === definition(p)
        ? []
        : [note(s.id, { kind: 'segment', segment: s.label })]),
      ...Object.keys(s.where).flatMap((qid) =>
        changed.get(qid)?.differences.some((d) => d.kind === 'reworded')
          ? [note(qid, { kind: 'segmentOn', segment: s.label, question: labelOf(qid) })]
          : [],
      ),
    ];
  };
  const weighting = weightingDifference(current, previous);
  const weighted = weighting ? [note(WEIGHTING_NOTE, weighting)] : [];
  const decisions = current.comparability;
  return (question, segment, of) => {
    const q = question === undefined ? undefined : current.questions.find((x) => x.id === question);
    const notes = [
      ...(q === undefined ? [] : (changed.get(q.id)?.differences ?? []).map((d) => note(q.id, d))),
      ...segmentNotes(segment),
      ...(q?.appliesTo === undefined ? [] : segmentNotes(q.appliesTo)),
      ...population,
      ...(of === 'count' ? [] : weighted),
    ];
    const seen = new Set<string>();
    return notes
      .filter((n) => !seen.has(n.text) && seen.add(n.text))
      .map((n) => (decisions[n.about] === undefined ? n : { ...n, decision: decisions[n.about] }));
  };
}

/**
 * What a weighting note is about: no question or segment, so no decision
 * of the editor's unlocks it (figure-index.ts refuses it on its own terms).
 */
export const WEIGHTING_NOTE = 'weighting';

/** The questions an edition's figures are weighted on, in its config's order; none when unweighted. */
export function weightedOn(config: EditionConfig): string[] {
  return config.weighting?.apply ? Object.keys(config.weighting.margins) : [];
}

/**
 * Two editions weighted differently: one weighted and not the other, or on
 * other questions. Their shares and means estimate different things (the
 * respondents, or a population of a known shape), so no change between
 * them is printed. The same questions with this year's targets is the same
 * way: the population's shape may move from one year to the next.
 */
function weightingDifference(current: EditionConfig, previous: EditionConfig): Difference | null {
  const [from, to] = [weightedOn(previous), weightedOn(current)];
  if (from.length === to.length && from.every((q) => to.includes(q))) return null;
  const label = (config: EditionConfig) => (id: string) => {
    const q = config.questions.find((x) => x.id === id);
    return q?.label ?? q?.header ?? id;
  };
  return { kind: 'weighting', from: from.map(label(previous)), to: to.map(label(current)) };
}

/** What differs in the question itself: its wording, type, audience, answers, range. */
function differencesOf(q: Question, p: Question): Difference[] {
  const out: Difference[] = [];
  if (!sameText(q.header, p.header)) out.push({ kind: 'reworded', from: p.header, to: q.header });
  if (q.type !== p.type) out.push({ kind: 'type', from: p.type, to: q.type });
  if (q.appliesTo !== p.appliesTo)
    out.push({
      kind: 'asked',
      ...(p.appliesTo && { from: p.appliesTo }),
      ...(q.appliesTo && { to: q.appliesTo }),
    });
  if (isClosed(q) && isClosed(p)) out.push(...optionDifferences(q, p));
  if (q.type === 'scale' && p.type === 'scale' && (q.min !== p.min || q.max !== p.max))
    out.push({ kind: 'scale', from: `${p.min}–${p.max}`, to: `${q.min}–${q.max}` });
  return out;
}

function optionDifferences(q: ClosedQuestion, p: ClosedQuestion): Difference[] {
  const out: Difference[] = [];
  const renamed = q.options.flatMap((o) => {
    const old = p.options.find((x) => x.code === o.code);
    return old && !sameText(old.label, o.label) ? [{ from: old.label, to: o.label }] : [];
  });
  const added = q.options.filter((o) => !p.options.some((x) => x.code === o.code));
  const removed = p.options.filter((o) => !q.options.some((x) => x.code === o.code));
  if (renamed.length > 0) out.push({ kind: 'renamed', answers: renamed });
  if (added.length > 0) out.push({ kind: 'added', answers: added.map((o) => o.label) });
  if (removed.length > 0) out.push({ kind: 'removed', answers: removed.map((o) => o.label) });
  if (hasOther(q) !== hasOther(p)) out.push({ kind: 'other', added: hasOther(q) });
  return out;
}

/**
 * A difference as the publication says it (figures.json, the methodology
 * box): seen from this edition, or from `laterId` (a series names both
 * editions of each of its steps).
 */
export function describe(d: Difference, previousId: string, laterId?: string): string {
  const words = publication.comparability[d.kind] as (
    d: Difference,
    previous: string,
    later?: string,
  ) => string;
  return words(d, previousId, laterId);
}

/** A segment's conditions, written the same whatever their order. */
function definition(s: Segment): string {
  return JSON.stringify(
    Object.entries(s.where)
      .map(([q, codes]) => [q, [codes].flat().sort()])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}
