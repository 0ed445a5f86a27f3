/**
 * One cell -> one typed answer, by the question's type in the codebook.
 * Pure; a cell that cannot be read returns a problem instead of an answer.
 */

import { hasOther, OTHER_CODE } from '../edition/codes.js';
import type { ClosedQuestion, Question } from '../edition/schema.js';
import { ingest as say } from '../messages/index.js';
import { sameText } from '../text.js';
import { looksMonthFirst, parseTimestamp } from './timestamp.js';
import type { Answer, ChoiceAnswer } from './types.js';

export type CellResult =
  | { ok: true; answer: Answer }
  | { ok: false; expected: string; found: string; fix: string };

/** `join`: how the export joins several answers in a cell (Google's ", ", Microsoft's ";"). */
export function readCell(
  question: Question,
  raw: string,
  timeZone: string,
  join: string = GOOGLE_JOIN,
): CellResult {
  const cell = raw.trim();
  if (cell === '') return { ok: true, answer: null };
  switch (question.type) {
    case 'timestamp': {
      const t = parseTimestamp(cell, timeZone);
      if (t) return { ok: true, answer: { kind: 'time', epochMs: t.epochMs } };
      const found = JSON.stringify(cell);
      return {
        ok: false,
        ...(looksMonthFirst(cell) ? say.monthFirstTimestamp(found) : say.badTimestamp(found)),
      };
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
      return readMultiple(question, cell, join);
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

/** How Google Forms joins the boxes checked in a cell: "Aide au diagnostic, Rédaction des comptes rendus". */
export const GOOGLE_JOIN = ', ';
/** How Microsoft Forms does: each answer followed by ";" ("Aide au diagnostic;Rédaction des comptes rendus;"). */
export const MICROSOFT_JOIN = ';';

/** A piece of a multiple-choice cell: an answer offered (its code), or typed text. */
export interface ChoicePiece {
  code: string | null;
  /** The piece as the cell has it. */
  text: string;
}

/**
 * A multiple-choice cell -> the answers it joins, in its order. Labels may
 * themselves contain the separator (", " in "Segmentation, mesures et
 * post-traitement"), so the cell is split on it and the pieces are joined
 * back greedily into the longest known labels; pieces that make up no label
 * are typed text, consecutive ones joined back as they were typed. Blank
 * pieces (Microsoft's trailing ";") are not answers.
 */
export function choicePieces(question: ClosedQuestion, cell: string, join: string): ChoicePiece[] {
  const pieces = cell.split(join).filter((p) => p.trim() !== '');
  const labels = question.options.map((o) => ({ code: o.code, parts: o.label.split(join) }));
  const out: ChoicePiece[] = [];
  let i = 0;
  while (i < pieces.length) {
    const match = labels
      .filter((l) => l.parts.every((part, k) => sameText(part, pieces[i + k] ?? '')))
      .sort((a, b) => b.parts.length - a.parts.length)[0];
    const taken = match ? match.parts.length : 1;
    const text = pieces.slice(i, i + taken).join(join);
    const last = out.at(-1);
    if (match) out.push({ code: match.code, text });
    else if (last && last.code === null) last.text += join + text;
    else out.push({ code: null, text });
    i += taken;
  }
  return out;
}

/**
 * A multiple-choice cell -> the answers chosen, in form order, with the typed
 * "Autre" text last. `join` is the source's separator: Google's ", " unless
 * the export says otherwise (Microsoft Forms' ";").
 */
export function readMultiple(
  question: ClosedQuestion,
  cell: string,
  join: string = GOOGLE_JOIN,
): CellResult {
  const pieces = choicePieces(question, cell, join);
  const chosen = new Set(pieces.flatMap((p) => (p.code === null ? [] : [p.code])));
  const other = pieces
    .flatMap((p) => (p.code === null ? [p.text] : []))
    .join(join)
    .trim();
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
