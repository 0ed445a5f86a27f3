/**
 * One cell -> one typed answer, by the question's type in the codebook.
 * Pure; a cell that cannot be read returns a problem instead of an answer.
 */
import { OTHER_CODE } from '../edition/references.js';
import type { ClosedQuestion, Question } from '../edition/schema.js';
import { sameText } from '../text.js';
import { parseTimestamp, TIMESTAMP_FORMS_EXPECTED } from './timestamp.js';
import type { Answer, ChoiceAnswer } from './types.js';

export type CellResult =
  | { ok: true; answer: Answer }
  | { ok: false; expected: string; found: string; fix: string };

export function readCell(question: Question, raw: string, timeZone: string): CellResult {
  const cell = raw.trim();
  if (cell === '') return { ok: true, answer: null };
  switch (question.type) {
    case 'timestamp': {
      const t = parseTimestamp(cell, timeZone);
      return t
        ? { ok: true, answer: { kind: 'time', epochMs: t.epochMs } }
        : {
            ok: false,
            expected: TIMESTAMP_FORMS_EXPECTED,
            found: JSON.stringify(cell),
            fix: 'Re-export the file without editing the "Horodateur" column.',
          };
    }
    case 'scale': {
      const value = Number(cell.replace(',', '.'));
      if (!Number.isInteger(value) || value < question.min || value > question.max) {
        return {
          ok: false,
          expected: `a whole number from ${question.min} to ${question.max}`,
          found: JSON.stringify(cell),
          fix: `Correct the cell, or blank it if the respondent gave no answer (a blank is "no answer", never ${question.min}).`,
        };
      }
      return { ok: true, answer: { kind: 'number', value } };
    }
    case 'text':
      return { ok: true, answer: { kind: 'text', text: cell } };
    case 'single':
    case 'yesno':
      return readSingle(question, cell);
    case 'multiple':
      return readMultiple(question, cell);
  }
}

function readSingle(question: ClosedQuestion, cell: string): CellResult {
  const option = question.options.find((o) => sameText(o.label, cell));
  if (option) return { ok: true, answer: { kind: 'choice', codes: [option.code], other: null } };
  if (question.type !== 'yesno' && question.other) {
    return { ok: true, answer: { kind: 'choice', codes: [OTHER_CODE], other: cell } };
  }
  return unknownOption(question, cell);
}

/**
 * Google Forms joins checked boxes with ", " in form order, the typed "Autre"
 * text last. Labels may themselves contain ", ", so the cell is split on
 * ", " and the pieces are joined back greedily into the longest known labels;
 * pieces that make up no label are the "Autre" text.
 */
export function readMultiple(question: ClosedQuestion, cell: string): CellResult {
  const pieces = cell.split(', ');
  const labels = question.options.map((o) => ({ code: o.code, parts: o.label.split(', ') }));
  const chosen = new Set<string>();
  const leftovers: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    const match = labels
      .filter((l) => l.parts.every((part, k) => sameText(part, pieces[i + k] ?? '')))
      .sort((a, b) => b.parts.length - a.parts.length)[0];
    if (match) {
      chosen.add(match.code);
      i += match.parts.length;
    } else {
      leftovers.push(pieces[i] as string);
      i++;
    }
  }
  const other = leftovers.join(', ').trim();
  if (other !== '' && !(question.type !== 'yesno' && question.other))
    return unknownOption(question, other);
  const codes = question.options.map((o) => o.code).filter((c) => chosen.has(c));
  const answer: ChoiceAnswer = {
    kind: 'choice',
    codes: other ? [...codes, OTHER_CODE] : codes,
    other: other || null,
  };
  return { ok: true, answer };
}

function unknownOption(question: ClosedQuestion, found: string): CellResult {
  return {
    ok: false,
    expected: `one of ${question.options.map((o) => `"${o.label}"`).join(', ')}`,
    found: JSON.stringify(found),
    fix: `If the form offers this answer, add it to the options of question "${question.id}" in edition.yaml${question.type === 'yesno' ? '' : ', or set "other: true" if it is a typed "Autre" answer'}.`,
  };
}
