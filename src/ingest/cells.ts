/**
 * One cell -> one typed answer, by the question's type in the codebook.
 * Pure; a cell that cannot be read returns a problem instead of an answer.
 */

import { type ClosedQuestion, hasOther, OTHER_CODE, type Question } from '../edition/schema.js';
import { ingest as say } from '../messages/index.js';
import { sameText } from '../text.js';
import { parseTimestamp } from './timestamp.js';
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
        : { ok: false, ...say.badTimestamp(JSON.stringify(cell)) };
    }
    case 'scale': {
      const value = Number(cell.replace(',', '.'));
      if (!Number.isInteger(value) || value < question.min || value > question.max) {
        return { ok: false, ...say.badScale(question.min, question.max, JSON.stringify(cell)) };
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
  if (hasOther(question)) {
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
  if (other !== '' && !hasOther(question)) return unknownOption(question, other);
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
    ...say.unknownOption(
      question.options.map((o) => o.label),
      JSON.stringify(found),
      question.id,
      question.type === 'yesno',
    ),
  };
}
