/**
 * Who a list of segments leaves out. A chart of professions drawn as
 * « radiologues, manipulateurs, cadres, autres » means to show everyone; when
 * a new year's form lists two more professions, the « autres » segment
 * (profession: autre) no longer holds their answers, and without this count
 * they would silently fall out of the chart.
 */

import { ALL_SEGMENT } from '../edition/codes.js';
import type { EditionConfig, Question } from '../edition/schema.js';
import type { ChoiceColumn, Responses } from '../ingest/columns.js';
import { findSegment, type Membership } from './segments.js';

export interface Coverage {
  /** Respondents asked the question who answered every question the segments are defined on. */
  universe: number;
  /** Of them, those in none of the segments. */
  uncovered: number;
  /** Their answers to the questions the segments are defined on: question id -> answer code -> respondents. */
  answers: Map<string, Map<string, number>>;
}

/** Each edition's coverages, by segments and question: the preview asks again on every save. */
const remembered = new WeakMap<Membership, Map<string, Coverage>>();

export function coverage(
  config: EditionConfig,
  responses: Responses,
  membership: Membership,
  segmentIds: readonly string[],
  question: Question,
): Coverage {
  const key = `${question.id}\u0000${segmentIds.join('\u0000')}`;
  const known = remembered.get(membership) ?? new Map<string, Coverage>();
  remembered.set(membership, known);
  let found = known.get(key);
  if (!found) {
    found = count(config, responses, membership, segmentIds, question);
    known.set(key, found);
  }
  return found;
}

function count(
  config: EditionConfig,
  responses: Responses,
  membership: Membership,
  segmentIds: readonly string[],
  question: Question,
): Coverage {
  const all = findSegment(config, ALL_SEGMENT);
  const segments = segmentIds.map((id) => findSegment(config, id));
  if (!all || segments.some((s) => s === undefined))
    throw new Error('coverage of unknown segments');
  const defining = [...new Set(segments.flatMap((s) => Object.keys(s?.where ?? {})))].map(
    (id) => responses.columns.get(id) as ChoiceColumn,
  );
  const inSome = new Uint8Array(responses.count);
  for (const s of segments) if (s) for (const i of membership.of(s)) inSome[i] = 1;
  const answers = new Map(defining.map((c) => [c.question.id, new Map<string, number>()]));
  let universe = 0;
  let uncovered = 0;
  for (const i of membership.asked(question, all)) {
    // A blank on a defining question is non-response, not a respondent left out.
    if (defining.some((c) => !c.answered(i))) continue;
    universe++;
    if (inSome[i]) continue;
    uncovered++;
    for (const c of defining) {
      const tally = answers.get(c.question.id) as Map<string, number>;
      c.codes.forEach((code, k) => {
        if (c.chose(i, k)) tally.set(code, (tally.get(code) ?? 0) + 1);
      });
    }
  }
  return { universe, uncovered, answers };
}
