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
 * whoever edited them.
 */

import { ALL_SEGMENT } from '../edition/references.js';
import type { ClosedQuestion, EditionConfig, Question, Segment } from '../edition/schema.js';
import { isClosed } from '../edition/schema.js';
import { sameText } from '../text.js';

export interface ComparabilityNote {
  /** The question or segment id the difference comes from: what a decision is recorded under. */
  about: string;
  /** What differs, in the publication's words. */
  text: string;
  /** The editor's decision for `about`, when edition.yaml records one. */
  decision?: string;
}

/** The notes of the change figure of a figure on `question` (if any) in `segment`. */
export type NotesOf = (question: string | undefined, segment: string) => ComparabilityNote[];

export function comparability(current: EditionConfig, previous: EditionConfig): NotesOf {
  const before = new Map(previous.questions.map((q) => [q.id, q]));
  const questionNotes = new Map<string, ComparabilityNote[]>();
  for (const q of current.questions) {
    const p = before.get(q.id);
    if (p) questionNotes.set(q.id, questionChanges(q, p, previous.edition.id));
  }
  // Questions that define groups: a change in their options changes who is in every group.
  const defining = new Set(current.segments.flatMap((s) => Object.keys(s.where)));
  const population = [...defining].flatMap((id) => {
    const q = current.questions.find((x) => x.id === id);
    const p = before.get(id);
    if (!q || !p || !isClosed(q) || !isClosed(p)) return [];
    const added = q.options.filter((o) => !p.options.some((x) => x.code === o.code));
    const removed = p.options.filter((o) => !q.options.some((x) => x.code === o.code));
    if (added.length === 0 && removed.length === 0) return [];
    return [{ about: q.id, text: populationNote(q, added, removed, previous.edition.id) }];
  });
  const segmentNotes = (id: string): ComparabilityNote[] => {
    if (id === ALL_SEGMENT) return [];
    const s = current.segments.find((x) => x.id === id);
    const p = previous.segments.find((x) => x.id === id);
    if (!s || !p) return [];
    const notes: ComparabilityNote[] = [];
    if (definition(s) !== definition(p))
      notes.push({
        about: s.id,
        text: `groupe « ${s.label} » défini autrement qu'en ${previous.edition.id}`,
      });
    for (const qid of Object.keys(s.where)) {
      const q = current.questions.find((x) => x.id === qid);
      const p = before.get(qid);
      if (q && p && !sameText(q.header, p.header))
        notes.push({
          about: qid,
          text: `groupe « ${s.label} » défini par une question reformulée (« ${q.label ?? q.header} »)`,
        });
    }
    return notes;
  };
  const decisions = current.comparability;
  return (question, segment) => {
    const q = question === undefined ? undefined : current.questions.find((x) => x.id === question);
    const notes = [
      ...(question === undefined ? [] : (questionNotes.get(question) ?? [])),
      ...segmentNotes(segment),
      ...(q?.appliesTo === undefined ? [] : segmentNotes(q.appliesTo)),
      ...population,
    ];
    const seen = new Set<string>();
    return notes
      .filter((n) => !seen.has(n.text) && seen.add(n.text))
      .map((n) => (decisions[n.about] === undefined ? n : { ...n, decision: decisions[n.about] }));
  };
}

/** What differs in the question itself: its wording, its options, its range, who was asked. */
function questionChanges(q: Question, p: Question, previousId: string): ComparabilityNote[] {
  const notes: ComparabilityNote[] = [];
  const note = (text: string) => notes.push({ about: q.id, text });
  if (!sameText(q.header, p.header))
    note(`question reformulée (« ${p.header} » en ${previousId}, « ${q.header} » aujourd'hui)`);
  if (q.type !== p.type)
    note(`type de question changé (${p.type} en ${previousId}, ${q.type} aujourd'hui)`);
  if (q.appliesTo !== p.appliesTo) note(`question posée à d'autres répondants qu'en ${previousId}`);
  if (isClosed(q) && isClosed(p)) notes.push(...optionChanges(q, p, previousId));
  if (q.type === 'scale' && p.type === 'scale' && (q.min !== p.min || q.max !== p.max))
    note(`échelle de ${p.min} à ${p.max} en ${previousId}, de ${q.min} à ${q.max} aujourd'hui`);
  return notes;
}

function optionChanges(
  q: ClosedQuestion,
  p: ClosedQuestion,
  previousId: string,
): ComparabilityNote[] {
  const notes: ComparabilityNote[] = [];
  const label = (o: { label: string }) => `« ${o.label} »`;
  const renamed = q.options.flatMap((o) => {
    const old = p.options.find((x) => x.code === o.code);
    return old && !sameText(old.label, o.label) ? [`${label(old)} devient ${label(o)}`] : [];
  });
  const added = q.options.filter((o) => !p.options.some((x) => x.code === o.code));
  const removed = p.options.filter((o) => !q.options.some((x) => x.code === o.code));
  if (renamed.length > 0)
    notes.push({ about: q.id, text: `réponse renommée : ${renamed.join(', ')}` });
  if (added.length > 0)
    notes.push({
      about: q.id,
      text: `réponse${added.length > 1 ? 's' : ''} ajoutée${added.length > 1 ? 's' : ''} depuis ${previousId} : ${added.map(label).join(', ')} (elle${added.length > 1 ? 's' : ''} prend des réponses aux autres et à « Autre »)`,
    });
  if (removed.length > 0)
    notes.push({
      about: q.id,
      text: `réponse${removed.length > 1 ? 's' : ''} retirée${removed.length > 1 ? 's' : ''} depuis ${previousId} : ${removed.map(label).join(', ')}`,
    });
  const other = (x: ClosedQuestion) => x.type !== 'yesno' && x.other;
  if (other(q) !== other(p))
    notes.push({
      about: q.id,
      text: `champ « Autre » ${other(q) ? 'ajouté' : 'retiré'} depuis ${previousId}`,
    });
  return notes;
}

function populationNote(
  q: ClosedQuestion,
  added: { label: string }[],
  removed: { label: string }[],
  previousId: string,
): string {
  const list = (os: { label: string }[]) => os.map((o) => `« ${o.label} »`).join(', ');
  const changes = [
    ...(added.length > 0 ? [`propose désormais ${list(added)}`] : []),
    ...(removed.length > 0 ? [`ne propose plus ${list(removed)}`] : []),
  ].join(' et ');
  return `« ${q.label ?? q.header} », qui définit les groupes, ${changes} : les répondants ne s'y répartissent plus comme en ${previousId}`;
}

/** A segment's conditions, written the same whatever their order. */
function definition(s: Segment): string {
  return JSON.stringify(
    Object.entries(s.where)
      .map(([q, codes]) => [q, [codes].flat().sort()])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}
