/**
 * What respondents typed themselves: "Autre" answers (grouped, with how many
 * gave each) and free comments (each, in file order). Data, never markup:
 * the templates print it auto-escaped. Private questions (an e-mail address,
 * a name) are left out, and e-mail addresses and phone numbers typed in an
 * answer are masked, before anything reaches an output.
 */
import type { EditionConfig, Question } from '../edition/schema.js';
import type { Responses } from '../ingest/columns.js';
import { publication } from '../publication/index.js';

export interface FreeTextItem {
  text: string;
  count: number;
  /** Lines of the export where it was typed. */
  lines: number[];
}

export interface FreeTextGroup {
  question: Question;
  kind: 'other' | 'comment';
  items: FreeTextItem[];
}

export function freeText(config: EditionConfig, responses: Responses): FreeTextGroup[] {
  return config.questions.flatMap((q): FreeTextGroup[] => {
    if (q.private) return [];
    const column = responses.columns.get(q.id);
    if (column?.kind === 'text') {
      const items: FreeTextItem[] = [];
      column.texts.forEach((text, i) => {
        if (text)
          items.push({ text: maskContacts(text), count: 1, lines: [responses.lines[i] as number] });
      });
      return items.length > 0 ? [{ question: q, kind: 'comment', items }] : [];
    }
    if (column?.kind !== 'choice' || column.other.size === 0) return [];
    const byText = new Map<string, FreeTextItem>();
    // Slots in export order, so each item's lines are too.
    for (const i of [...column.other.keys()].sort((a, b) => a - b)) {
      const text = maskContacts(column.other.get(i) as string);
      const item = byText.get(text) ?? { text, count: 0, lines: [] };
      item.count++;
      item.lines.push(responses.lines[i] as number);
      byText.set(text, item);
    }
    const items = [...byText.values()].sort(
      (x, y) => y.count - x.count || x.text.localeCompare(y.text, publication.language),
    );
    return [{ question: q, kind: 'other', items }];
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
