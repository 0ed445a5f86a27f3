/**
 * A column no known question matches -> a new question, its type read from
 * its answers: a timestamp, a scale (whole numbers in a short range), yes /
 * no, a multiple choice (answers joined as the export joins them, Google's
 * ", " or Microsoft's ";", from a short list), a single choice (a short
 * list), or free text. Columns of personal data (an e-mail address, a name, a
 * phone number, or the form's own e-mail and name columns) are marked private.
 */
import { type Option, OTHER_CODE, type Question } from '../edition/schema.js';
import { initReport as say } from '../messages/index.js';
import { sameText } from '../text.js';
import { newOptionThreshold } from './match-options.js';
import type { ColumnProfile } from './profile.js';
import { codeFrom, plain } from './similarity.js';

export interface InferredQuestion {
  question: Question;
  /** Why this type, in a sentence for the report. */
  evidence: string;
}

/** Scales longer than this are not a score but a number typed in: free text. */
const LONGEST_SCALE = 10;
/** Answers this long on average are sentences, not choices from a list. */
const LONG_ANSWER = 45;
/** A closed question offers at most this many answers. */
const MOST_OPTIONS = 15;

/** A question's own part, by type: what a guess settles (the id, header and label are the column's). */
type Shape = {
  [T in Question['type']]: Omit<
    Extract<Question, { type: T }>,
    'id' | 'header' | 'label' | 'private'
  >;
}[Question['type']] & { private?: boolean };

/** One reading of a column: its shape and why, or null when the answers do not look like it. */
type Guess = (
  column: ColumnProfile,
  threshold: number,
) => { shape: Shape; evidence: string } | null;

export function inferQuestion(
  column: ColumnProfile,
  takenIds: ReadonlySet<string>,
  respondents: number,
): InferredQuestion {
  const common = {
    id: codeFrom(column.header, takenIds),
    header: column.header,
    label: column.header.replace(/\s*[?:]\s*$/, '').trim(),
    private: false,
  };
  const threshold = newOptionThreshold(respondents);
  // The first reading that fits, in this order: the stricter ones first.
  for (const guess of GUESSES) {
    const found = guess(column, threshold);
    if (found)
      return { question: { ...common, ...found.shape } as Question, evidence: found.evidence };
  }
  return {
    question: { ...common, type: 'text' },
    evidence: say.evidenceText(column.manyValues, column.values.size),
  };
}

const asPersonal: Guess = (column) =>
  personal(column)
    ? { shape: { type: 'text', private: true }, evidence: say.evidencePersonal }
    : null;

const asUnanswered: Guess = (column) =>
  column.answered === 0 ? { shape: { type: 'text' }, evidence: say.evidenceNoAnswers } : null;

const asTimestamp: Guess = (column) =>
  column.times ? { shape: { type: 'timestamp' }, evidence: say.evidenceTimes } : null;

/** Whole numbers in a short range: a score, on the usual scale that holds them all. */
const asScale: Guess = (column) => {
  const numbers = [...column.values.keys()].map(Number);
  if (!numbers.every((n) => Number.isInteger(n))) return null;
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  if (lo < 0 || hi > LONGEST_SCALE || hi <= lo) return null;
  const min = lo === 0 ? 0 : 1;
  const max = [4, 5, 7, 10].find((m) => m >= hi) ?? hi;
  return { shape: { type: 'scale', min, max }, evidence: say.evidenceScale(lo, hi, min, max) };
};

const asYesNo: Guess = (column) =>
  [...column.values.keys()].every((v) => sameText(v, 'Oui') || sameText(v, 'Non'))
    ? {
        shape: {
          type: 'yesno',
          options: [
            { code: 'oui', label: 'Oui' },
            { code: 'non', label: 'Non' },
          ],
        },
        evidence: say.evidenceYesNo,
      }
    : null;

const asSentences: Guess = (column) =>
  looksFree(column)
    ? {
        shape: { type: 'text' },
        evidence: say.evidenceSentences(column.manyValues, column.values.size),
      }
    : null;

/** Checkboxes: several answers per respondent, from a short list. */
const asMultiple: Guess = (column, threshold) => {
  const pieces = countPieces(column);
  const frequent = [...pieces].filter(([, n]) => n >= threshold);
  if (!severalPerRespondent(column) || frequent.length < 2 || frequent.length > MOST_OPTIONS)
    return null;
  const { options, other } = optionsFrom(pieces, threshold);
  return {
    shape: { type: 'multiple', options, other },
    evidence: say.evidenceMultiple(options.length, other),
  };
};

/** One answer from a short list, which covers most answers. */
const asSingle: Guess = (column, threshold) => {
  const frequent = [...column.values].filter(([, n]) => n >= threshold);
  const covered = frequent.reduce((n, [, k]) => n + k, 0);
  if (column.manyValues || frequent.length < 2 || frequent.length > MOST_OPTIONS) return null;
  if (covered < 0.8 * column.answered) return null;
  const { options, other } = optionsFrom(column.values, threshold);
  const share = Math.round((100 * covered) / column.answered);
  return {
    shape: { type: 'single', options, other },
    evidence: say.evidenceSingle(options.length, share, other),
  };
};

const GUESSES: Guess[] = [
  asPersonal,
  asUnanswered,
  asTimestamp,
  asScale,
  asYesNo,
  asSentences,
  asMultiple,
  asSingle,
];

/** A cell's answers, split as the export joins them (Microsoft ends each with ";"). */
export function answersIn(column: ColumnProfile, value: string): string[] {
  return value
    .split(column.join)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/**
 * Checkboxes: a tenth of the answers or more join several choices (with
 * ", " or ";"), and most of the choices so joined are also given alone. ("Oui,
 * en formation continue" is one answer: "en formation continue" is never given alone.)
 */
function severalPerRespondent(column: ColumnProfile): boolean {
  const split = [...column.values].map(([v, n]) => [answersIn(column, v), n] as const);
  const joined = split.filter(([pieces]) => pieces.length > 1);
  if (joined.reduce((n, [, k]) => n + k, 0) < 0.1 * column.answered) return false;
  const alone = new Set(split.flatMap(([pieces]) => (pieces.length === 1 ? pieces : [])));
  const pieces = joined.flatMap(([p]) => p);
  return pieces.filter((p) => alone.has(p)).length >= 0.5 * pieces.length;
}

/** Free text: most answers given once, or sentences rather than choices (long on average). */
export function looksFree(column: ColumnProfile): boolean {
  if (column.answered === 0 || column.manyValues) return true;
  if (column.values.size >= 0.5 * column.answered) return true;
  let length = 0;
  for (const [v, n] of column.values) length += v.length * n;
  return length / column.answered >= LONG_ANSWER;
}

/** Each answer of a multiple choice, split as the export joins them, and how many gave it. */
function countPieces(column: ColumnProfile): Map<string, number> {
  const pieces = new Map<string, number>();
  for (const [value, n] of column.values)
    for (const piece of answersIn(column, value)) pieces.set(piece, (pieces.get(piece) ?? 0) + n);
  return pieces;
}

/** The answers given often enough, most frequent first; "other" when rarer ones remain. */
function optionsFrom(
  counts: Map<string, number>,
  threshold: number,
): { options: Option[]; other: boolean } {
  const taken = new Set([OTHER_CODE]);
  const options: Option[] = [];
  let other = false;
  for (const [label, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    if (n < threshold || sameText(label, 'Autre')) {
      other = true;
      continue;
    }
    const code = codeFrom(label, taken, 4);
    taken.add(code);
    options.push({ code, label });
  }
  return { options, other };
}

const PERSONAL_HEADER =
  /\b(e-?mail|courriel|adresse (electronique|mail)|nom|prenom|telephone|portable|numero de tel)\b/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^[+0][\d\s.()-]{8,}$/;

/**
 * A column of e-mail addresses, names or phone numbers: the form's own
 * (Microsoft's e-mail and name), by its header, or by half its answers.
 */
export function personal(column: ColumnProfile): boolean {
  if (column.form === 'personal' || PERSONAL_HEADER.test(plain(column.header))) return true;
  let contacts = 0;
  for (const [v, n] of column.values) if (EMAIL.test(v) || PHONE.test(v)) contacts += n;
  return column.answered > 0 && contacts >= 0.5 * column.answered;
}
