/**
 * How alike two headers or two answer labels read, from 0 to 1, and the
 * readable codes made from them. French question wording carries many
 * small words ("Quelle est votre…"): only the words that carry meaning count.
 */
import { normaliseText } from '../text.js';

const SMALL_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette d de des du elle en est et il ils je l la le les leur leurs ' +
    'ma mes mon n ne nous on ou par pas pour qu que quel quelle quelles quels qui sa se ses son ' +
    'sont sur ta te tes ton tu un une vos votre vous y etes avez'
  ).split(' '),
);

/** Lower case, no accents, no punctuation: "Quelle est votre profession ?" -> "quelle est votre profession". */
export function plain(text: string): string {
  return normaliseText(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words that carry meaning. */
export function contentWords(text: string): string[] {
  return plain(text)
    .split(' ')
    .filter((w) => w !== '' && !SMALL_WORDS.has(w));
}

/** Dice coefficient of two sets: 2 |A ∩ B| / (|A| + |B|). */
function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function trigrams(text: string): Set<string> {
  const t = ` ${plain(text)} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

/** Letters alike (a word reworded or misspelt) and meaningful words shared. */
export function textSimilarity(a: string, b: string): number {
  const words = dice(new Set(contentWords(a)), new Set(contentWords(b)));
  return (words + dice(trigrams(a), trigrams(b))) / 2;
}

/** A readable code from a text: its first meaningful words, "Physicien médical" -> "physicien_medical". */
export function codeFrom(text: string, taken: ReadonlySet<string>, maxWords = 3): string {
  const words: string[] = [];
  for (const w of contentWords(text)) {
    if (words.length === maxWords || (words.length > 0 && [...words, w].join('_').length > 32))
      break;
    words.push(w);
  }
  let base = words.join('_') || 'reponse';
  if (!/^[a-z]/.test(base)) base = `q_${base}`;
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
  return code;
}
