/**
 * What respondents typed themselves: "Autre" answers (grouped, with how many
 * gave each) and free comments (each, in file order). Data, never markup:
 * the templates print it auto-escaped.
 */
import { type EditionConfig, isClosed, type Question } from '../edition/schema.js';
import type { Response } from '../ingest/types.js';

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

export function freeText(config: EditionConfig, responses: readonly Response[]): FreeTextGroup[] {
  return config.questions.flatMap((q): FreeTextGroup[] => {
    if (q.type === 'text') {
      const items = responses.flatMap((r) => {
        const a = r.answers[q.id];
        return a?.kind === 'text' ? [{ text: a.text, count: 1, lines: [r.line] }] : [];
      });
      return items.length > 0 ? [{ question: q, kind: 'comment', items }] : [];
    }
    if (!isClosed(q) || q.type === 'yesno' || !q.other) return [];
    const byText = new Map<string, FreeTextItem>();
    for (const r of responses) {
      const a = r.answers[q.id];
      if (a?.kind !== 'choice' || !a.other) continue;
      const item = byText.get(a.other) ?? { text: a.other, count: 0, lines: [] };
      item.count++;
      item.lines.push(r.line);
      byText.set(a.other, item);
    }
    const items = [...byText.values()].sort(
      (x, y) => y.count - x.count || x.text.localeCompare(y.text, 'fr'),
    );
    return items.length > 0 ? [{ question: q, kind: 'other', items }] : [];
  });
}
