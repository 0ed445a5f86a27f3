/**
 * What respondents typed themselves: "Autre" answers (grouped, with how many
 * gave each) and free comments (each, in file order). Data, never markup:
 * the templates print it auto-escaped. Private questions (an e-mail address,
 * a name) are left out, and e-mail addresses and phone numbers typed in an
 * answer are masked, before anything reaches an output.
 */
import { ALL_SEGMENT } from '../edition/codes.js';
import type { EditionConfig, FreeTextChoice, Question } from '../edition/schema.js';
import type { Responses } from '../ingest/columns.js';
import { publication } from '../publication/index.js';
import { findSegment, type Membership } from './segments.js';

export interface FreeTextItem {
  text: string;
  count: number;
  /** Lines of the export where it was typed. */
  lines: number[];
  /** The response slots of those who typed it, in the same order. */
  slots: number[];
}

export interface FreeTextGroup {
  question: Question;
  kind: 'other' | 'comment';
  items: FreeTextItem[];
  /** Whose answers they are, where not every respondent's: the segment's label. */
  segment?: string;
}

export function freeText(config: EditionConfig, responses: Responses): FreeTextGroup[] {
  return config.questions.flatMap((q): FreeTextGroup[] => {
    if (q.private) return [];
    const column = responses.columns.get(q.id);
    if (column?.kind === 'text') {
      const items: FreeTextItem[] = [];
      column.forEachText((text, i) => {
        items.push({
          text: maskContacts(text),
          count: 1,
          lines: [responses.lines[i] as number],
          slots: [i],
        });
      }, responses.count);
      return items.length > 0 ? [{ question: q, kind: 'comment', items }] : [];
    }
    if (column?.kind !== 'choice' || column.other.size === 0) return [];
    const byText = new Map<string, FreeTextItem>();
    // Slots in export order, so each item's lines are too.
    for (const i of [...column.other.keys()].sort((a, b) => a - b)) {
      const text = maskContacts(column.other.get(i) as string);
      const item = byText.get(text) ?? { text, count: 0, lines: [], slots: [] };
      item.count++;
      item.lines.push(responses.lines[i] as number);
      item.slots.push(i);
      byText.set(text, item);
    }
    return [{ question: q, kind: 'other', items: mostFrequentFirst([...byText.values()]) }];
  });
}

function mostFrequentFirst(items: FreeTextItem[]): FreeTextItem[] {
  return items.sort(
    (x, y) => y.count - x.count || x.text.localeCompare(y.text, publication.language),
  );
}

/**
 * The typed answers an article prints, as its `freeText` chooses them, in
 * its order: each choice's question, every respondent's answers or only its
 * segment's members' (an « Autre » answer then counted among them alone).
 * A choice nobody answered prints nothing.
 */
export function chosenFreeText(
  config: EditionConfig,
  groups: readonly FreeTextGroup[],
  choices: readonly FreeTextChoice[],
  membership: Pick<Membership, 'of'>,
): FreeTextGroup[] {
  return choices.flatMap(({ question, segment }): FreeTextGroup[] => {
    const group = groups.find((g) => g.question.id === question);
    const s = findSegment(config, segment);
    if (!group || !s) return [];
    if (s.id === ALL_SEGMENT) return [group];
    const members = new Set(membership.of(s));
    const items = group.items.flatMap((item): FreeTextItem[] => {
      const kept = item.slots.flatMap((slot, k) => (members.has(slot) ? [k] : []));
      if (kept.length === 0) return [];
      return [
        {
          text: item.text,
          count: kept.length,
          lines: kept.map((k) => item.lines[k] as number),
          slots: kept.map((k) => item.slots[k] as number),
        },
      ];
    });
    if (items.length === 0) return [];
    const ordered = group.kind === 'other' ? mostFrequentFirst(items) : items;
    return [{ ...group, items: ordered, segment: s.label }];
  });
}

export const MASKED_EMAIL = publication.freeText.maskedEmail;
export const MASKED_PHONE = publication.freeText.maskedPhone;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/**
 * French numbers (06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78,
 * 0033 6…) and other international ones (+ and 8 to 15 digits): a phone
 * number has too many digits to be a count, a year or a score.
 */
const PHONE = /(?:(?:\+|00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?|\b0)[1-9](?:[\s.-]?\d){7,12}\b/g;

/** The text with every e-mail address and phone number replaced by a bracketed word. */
export function maskContacts(text: string): string {
  return text.replace(EMAIL, MASKED_EMAIL).replace(PHONE, MASKED_PHONE);
}
