/**
 * Who a list of segments leaves out. A chart of professions drawn as
 * « radiologues, manipulateurs, cadres, autres » means to show everyone; when
 * a new year's form lists two more professions, the « autres » segment
 * (profession: autre) no longer holds their answers, and without this count
 * they would silently fall out of the chart.
 */
import type { EditionConfig, Question } from '../edition/schema.js';
import type { ChoiceColumn, Responses } from '../ingest/columns.js';
import { allSegments, findSegment, Membership } from './segments.js';

export interface Coverage {
  /** Respondents asked the question who answered every question the segments are defined on. */
  universe: number;
  /** Of them, those in none of the segments. */
  uncovered: number;
  /** Their answers to the questions the segments are defined on: question id -> answer code -> respondents. */
  answers: Map<string, Map<string, number>>;
}

export function coverage(
  config: EditionConfig,
  responses: Responses,
  segmentIds: readonly string[],
  question: Question,
): Coverage {
  const membership = new Membership(config, responses);
  const all = allSegments(config)[0];
  if (!all) throw new Error('no built-in segment "all"');
  const segments = segmentIds.map((id) => {
    const s = findSegment(config, id);
    if (!s) throw new Error(`no segment ${id}`);
    return s;
  });
  const defining = [...new Set(segments.flatMap((s) => Object.keys(s.where)))].map(
    (id) => responses.columns.get(id) as ChoiceColumn,
  );
  const inSome = new Uint8Array(responses.count);
  for (const s of segments) for (const i of membership.of(s)) inSome[i] = 1;
  const answers = new Map(defining.map((c) => [c.question.id, new Map<string, number>()]));
  let universe = 0;
  let uncovered = 0;
  for (const i of membership.asked(question, all)) {
    // A blank on a defining question is non-response, not a respondent left out.
    if (defining.some((c) => !answered(c, i))) continue;
    universe++;
    if (inSome[i]) continue;
    uncovered++;
    for (const c of defining) {
      const tally = answers.get(c.question.id) as Map<string, number>;
      c.codes.forEach((code, k) => {
        if ((c.masks[i * c.words + (k >>> 5)] as number) & (1 << (k & 31)))
          tally.set(code, (tally.get(code) ?? 0) + 1);
      });
    }
  }
  return { universe, uncovered, answers };
}

function answered(column: ChoiceColumn, i: number): boolean {
  for (let w = 0; w < column.words; w++)
    if ((column.masks[i * column.words + w] as number) !== 0) return true;
  return false;
}
