/**
 * What respondents typed themselves: "Autre" answers (grouped, with how many
 * gave each) and free comments (each, in file order). Data, never markup:
 * the templates print it auto-escaped.
 */
import type { EditionConfig, Question } from '../edition/schema.js';
import type { Responses } from '../ingest/columns.js';

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
    const column = responses.columns.get(q.id);
    if (column?.kind === 'text') {
      const items: FreeTextItem[] = [];
      column.texts.forEach((text, i) => {
        if (text) items.push({ text, count: 1, lines: [responses.lines[i] as number] });
      });
      return items.length > 0 ? [{ question: q, kind: 'comment', items }] : [];
    }
    if (column?.kind !== 'choice' || column.other.size === 0) return [];
    const byText = new Map<string, FreeTextItem>();
    // Slots in export order, so each item's lines are too.
    for (const i of [...column.other.keys()].sort((a, b) => a - b)) {
      const text = column.other.get(i) as string;
      const item = byText.get(text) ?? { text, count: 0, lines: [] };
      item.count++;
      item.lines.push(responses.lines[i] as number);
      byText.set(text, item);
    }
    const items = [...byText.values()].sort(
      (x, y) => y.count - x.count || x.text.localeCompare(y.text, 'fr'),
    );
    return [{ question: q, kind: 'other', items }];
  });
}
