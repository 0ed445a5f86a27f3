/** A problem at a place of an article's text, given as an offset in the text as written. */
import type { Problem } from '../errors.js';
import { where } from '../messages/index.js';
import { placeIn } from '../render/audit.js';
import type { LintInput } from './input.js';

type Complaint = Pick<Problem, 'expected' | 'found' | 'fix'>;

export function problemInText(
  text: LintInput['texts'][number],
  offset: number,
  complaint: Complaint,
): Problem {
  const lines = text.text.slice(0, offset).split('\n');
  const at = placeIn(text, { line: lines.length, column: lines.at(-1)?.length ?? 0 });
  return {
    file: text.file,
    line: at.line,
    column: at.column,
    where: where.articlePart(text.article, text.part),
    ...complaint,
  };
}
