/**
 * Last year's questions -> this year's columns. In turn: the same header;
 * the same header once spaces, apostrophes and case are set aside; the
 * form's own time of each response for last year's timestamp (Google's
 * « Horodateur », Microsoft's « Heure de fin », whichever form each year
 * used); then by evidence: how alike the headers read and how well the
 * column's answers fit the question (its options, its scale), so that a
 * column answered with the options of "profession" is "profession" whatever
 * its new header.
 */
import { isClosed, OTHER_CODE, type Question } from '../edition/schema.js';
import { readMultiple } from '../ingest/cells.js';
import { normaliseText, sameText } from '../text.js';
import { answersIn, looksFree } from './infer-question.js';
import type { ColumnProfile } from './profile.js';
import { plain, textSimilarity } from './similarity.js';

export interface ColumnMatch {
  question: Question;
  column: ColumnProfile;
  how: 'exact' | 'normalised' | 'responseTime' | 'evidence';
  /** How alike the two headers read, 0 to 1. */
  headerScore: number;
  /** Share of the column's answers that fit the question (its options, its range); null when it says nothing. */
  answerScore: number | null;
}

export interface ColumnMatching {
  matches: ColumnMatch[];
  /** Last year's questions with no column this year. */
  dropped: Question[];
  /** This year's columns that are no known question. */
  added: ColumnProfile[];
}

/** Headers alike at least this much may match when the answers do not contradict it. */
const HEADER_ALONE = 0.35;
/** A free-text question has no answers to go by: its header must carry the match. */
const TEXT_HEADER = 0.5;
/** Below this share of fitting answers, a column is not the question, whatever its header. */
const ANSWERS_FIT = 0.5;
/** Options specific enough that answers alone identify the question. */
const ANSWERS_ALONE = 0.8;

export function matchColumns(
  questions: readonly Question[],
  columns: readonly ColumnProfile[],
): ColumnMatching {
  const matches: ColumnMatch[] = [];
  const freeQuestions = new Set(questions);
  const freeColumns = new Set(columns);
  const take = (m: ColumnMatch) => {
    matches.push(m);
    freeQuestions.delete(m.question);
    freeColumns.delete(m.column);
  };
  for (const [how, same] of [
    ['exact', (a: string, b: string) => a === b],
    ['normalised', (a: string, b: string) => sameText(a, b) || plain(a) === plain(b)],
  ] as const) {
    for (const q of freeQuestions) {
      const c = [...freeColumns].find((col) =>
        same(normaliseText(col.header), normaliseText(q.header)),
      );
      if (c) take({ question: q, column: c, how, headerScore: 1, answerScore: answerFit(q, c) });
    }
  }
  const time = [...freeQuestions].find((q) => q.type === 'timestamp');
  const sent = [...freeColumns].find((c) => c.form === 'responseTime');
  if (time && sent) {
    const headerScore = textSimilarity(time.header, sent.header);
    take({
      question: time,
      column: sent,
      how: 'responseTime',
      headerScore,
      answerScore: answerFit(time, sent),
    });
  }
  const candidates = [...freeQuestions]
    .flatMap((q) => [...freeColumns].map((c) => candidate(q, c)))
    .filter((m): m is ColumnMatch & { score: number } => m !== null)
    .sort((a, b) => b.score - a.score);
  for (const m of candidates) {
    if (freeQuestions.has(m.question) && freeColumns.has(m.column)) {
      const { score: _, ...match } = m;
      take(match);
    }
  }
  return {
    matches: matches.sort((a, b) => a.column.index - b.column.index),
    dropped: questions.filter((q) => freeQuestions.has(q)),
    added: columns.filter((c) => freeColumns.has(c)),
  };
}

function candidate(q: Question, c: ColumnProfile): (ColumnMatch & { score: number }) | null {
  const headerScore = textSimilarity(q.header, c.header);
  const answerScore = answerFit(q, c);
  const base = { question: q, column: c, how: 'evidence' as const, headerScore, answerScore };
  if (q.type === 'text') {
    // A column of repeated short answers is not last year's free text.
    return headerScore >= TEXT_HEADER && looksFree(c) ? { ...base, score: headerScore } : null;
  }
  if (answerScore !== null && answerScore < ANSWERS_FIT) return null;
  const fit = answerScore ?? headerScore;
  const score = 0.4 * headerScore + 0.6 * fit;
  if (headerScore >= HEADER_ALONE) return { ...base, score };
  if (answerScore !== null && answerScore >= ANSWERS_ALONE && distinctive(q, c))
    return { ...base, score };
  return null;
}

/** Share of the column's answers that fit the question; null for free text or an empty column. */
export function answerFit(q: Question, c: ColumnProfile): number | null {
  if (c.answered === 0) return null;
  if (q.type === 'timestamp') return c.times ? 1 : 0;
  if (q.type === 'text') return null;
  let fitting = 0;
  for (const [value, n] of c.values) if (fits(q, value, c.join)) fitting += n;
  return fitting / c.answered;
}

function fits(q: Question, value: string, join: string): boolean {
  if (q.type === 'scale') {
    const n = Number(value);
    return Number.isInteger(n) && n >= q.min && n <= q.max;
  }
  if (!isClosed(q)) return false;
  if (q.type === 'multiple') {
    const read = readMultiple({ ...q, other: true }, value, join);
    const answer = read.ok ? read.answer : null;
    return answer?.kind === 'choice' && answer.codes.some((code) => code !== OTHER_CODE);
  }
  return q.options.some((o) => sameText(o.label, value));
}

const GENERIC = new Set(['oui', 'non', 'je ne sais pas', 'ne sait pas', 'nsp', 'autre']);

/**
 * Answers identify a question on their own only when its options are its
 * own (three or more, not yes / no / don't know) and the column shows at
 * least two of them: many questions are answered "Oui" or "Non".
 */
function distinctive(q: Question, c: ColumnProfile): boolean {
  if (!isClosed(q) || q.options.length < 3) return false;
  if (q.options.every((o) => GENERIC.has(plain(o.label)))) return false;
  const seen = q.options.filter((o) =>
    [...c.values.keys()].some((v) => answersIn(c, v).some((piece) => sameText(piece, o.label))),
  );
  return seen.length >= 2;
}
