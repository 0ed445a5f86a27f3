/**
 * The codebook's small rules that reading the answers needs: which questions
 * have options, the reserved codes. Apart from schema.ts so that reading an
 * export (on a second thread too) does not load zod, which the schema needs.
 */
import type { ClosedQuestion, Question, QuestionType } from './schema.js';

/** The types of question with answer options. */
export const CLOSED_TYPES = ['single', 'multiple', 'yesno'] as const satisfies QuestionType[];

export function isClosed(q: Question): q is ClosedQuestion {
  return (CLOSED_TYPES as readonly string[]).includes(q.type);
}

/** The segment of every respondent, which no config defines. */
export const ALL_SEGMENT = 'all';

/** The code of an answer typed in the form's « Autre » field: reserved, no option may have it. */
export const OTHER_CODE = 'autre';

/** Whether the form offers an « Autre » field to type in (a yes/no question never does). */
export function hasOther(q: ClosedQuestion): boolean {
  return q.type !== 'yesno' && q.other;
}

/** Every code a closed question's answers may have: its options', then « autre » if the form offers it. */
export function answerCodes(q: ClosedQuestion): string[] {
  return [...q.options.map((o) => o.code), ...(hasOther(q) ? [OTHER_CODE] : [])];
}
