/**
 * Last year's answer options -> this year's answers, for one question. A
 * renamed option (its old label no longer given, a close new label given)
 * keeps its code, so its figures stay comparable; an answer that no option
 * matches becomes a new option when enough respondents gave it, and stays
 * typed « Autre » text otherwise.
 */

import type { ClosedQuestion, Option, Question } from '../edition/schema.js';
import { hasOther, OTHER_CODE } from '../edition/schema.js';
import { readMultiple } from '../ingest/cells.js';
import { sameText } from '../text.js';
import type { ColumnProfile } from './profile.js';
import { codeFrom, textSimilarity } from './similarity.js';

export interface OptionChanges {
  /** The options for this year, in last year's order, new ones last. */
  options: Option[];
  renamed: { code: string; from: string; to: string; similarity: number; respondents: number }[];
  added: { code: string; label: string; respondents: number }[];
  /** Answers left as typed « Autre » text: too rare to be an option. */
  others: { text: string; respondents: number }[];
  /** Options nobody chose this year (kept: the form may still offer them). */
  unseen: Option[];
  /** The question had no « Autre » field and now has typed answers. */
  needsOther: boolean;
}

/** Labels this close (0 to 1) may be the same option reworded. */
const RENAMED = 0.45;

/** An unknown answer becomes an option when this many respondents gave it: 1 % of them, and at least 5. */
export function newOptionThreshold(respondents: number): number {
  return Math.max(5, Math.ceil(0.01 * respondents));
}

export function matchOptions(
  question: ClosedQuestion,
  column: ColumnProfile,
  respondents: number,
): OptionChanges {
  const options = question.options.map((o) => ({ ...o }));
  const renamed: OptionChanges['renamed'] = [];
  const added: OptionChanges['added'] = [];
  const threshold = newOptionThreshold(respondents);
  let tally = countAnswers(question, options, column);
  // Renames first (they keep codes), then new options; each changes how cells split, so count again.
  for (let round = 0; round < 10; round++) {
    let changed = renameUnseen(options, tally, renamed);
    if (changed === 0 && question.type !== 'yesno')
      changed = addFrequent(options, tally, threshold, added);
    if (changed === 0) break;
    tally = countAnswers(question, options, column);
  }
  const others = [...tally.unknown]
    .map(([text, n]) => ({ text, respondents: n }))
    .sort((a, b) => b.respondents - a.respondents || a.text.localeCompare(b.text, 'fr'));
  for (const a of added) a.respondents = tally.chose.get(a.code) ?? a.respondents;
  return {
    options,
    renamed,
    added,
    others,
    unseen: options.filter((o) => !tally.chose.has(o.code)),
    needsOther: others.length > 0 && question.type !== 'yesno' && !hasOther(question),
  };
}

type Tally = ReturnType<typeof countAnswers>;

/**
 * Options no one chose, renamed to the unknown answer most like them (each
 * option and each answer once, the closest pairs first). Returns how many.
 */
function renameUnseen(options: Option[], tally: Tally, renamed: OptionChanges['renamed']): number {
  const pairs = options
    .filter((o) => !tally.chose.has(o.code))
    .flatMap((o) =>
      [...tally.unknown].map(([text, n]) => ({
        o,
        text,
        n,
        similarity: textSimilarity(o.label, text),
      })),
    )
    .filter((p) => p.similarity >= RENAMED)
    .sort((a, b) => b.similarity - a.similarity);
  const done = new Set<string>();
  for (const p of pairs) {
    if (done.has(p.o.code) || done.has(`text:${p.text}`)) continue;
    done.add(p.o.code).add(`text:${p.text}`);
    renamed.push({
      code: p.o.code,
      from: p.o.label,
      to: p.text,
      similarity: p.similarity,
      respondents: p.n,
    });
    p.o.label = p.text;
  }
  return done.size;
}

/** Unknown answers given by enough respondents, made options (never « Autre » itself). Returns how many. */
function addFrequent(
  options: Option[],
  tally: Tally,
  threshold: number,
  added: OptionChanges['added'],
): number {
  const taken = new Set([...options.map((o) => o.code), OTHER_CODE]);
  let count = 0;
  for (const [text, n] of tally.unknown) {
    if (n < threshold || sameText(text, 'Autre')) continue;
    const code = codeFrom(text, taken, 4);
    taken.add(code);
    options.push({ code, label: text });
    added.push({ code, label: text, respondents: n });
    count++;
  }
  return count;
}

/** How many chose each option, and each answer no option matches, by respondents. */
function countAnswers(
  question: ClosedQuestion,
  options: Option[],
  column: ColumnProfile,
): { chose: Map<string, number>; unknown: Map<string, number> } {
  const chose = new Map<string, number>();
  const unknown = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) =>
    map.set(key, (map.get(key) ?? 0) + n);
  for (const [value, n] of column.values) {
    if (question.type === 'multiple') {
      const read = readMultiple({ ...question, options, other: true }, value, column.join);
      const answer = read.ok ? read.answer : null;
      if (answer?.kind !== 'choice') continue;
      for (const code of answer.codes) if (code !== OTHER_CODE) add(chose, code, n);
      if (answer.other) add(unknown, answer.other, n);
    } else {
      const o = options.find((x) => sameText(x.label, value));
      if (o) add(chose, o.code, n);
      else add(unknown, value, n);
    }
  }
  return { chose, unknown };
}

/** A scale's range widened to the whole numbers given this year, or null when they all fit. */
export function widenedScale(
  question: Extract<Question, { type: 'scale' }>,
  column: ColumnProfile,
): { min: number; max: number } | null {
  let { min, max } = question;
  for (const value of column.values.keys()) {
    const n = Number(value);
    if (!Number.isInteger(n)) continue;
    min = Math.min(min, n);
    max = Math.max(max, n);
  }
  return min === question.min && max === question.max ? null : { min, max };
}
