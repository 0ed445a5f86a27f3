/**
 * HTML typed in a Markdown article (`<p>`, `<h2>`, `<br>` kept from an
 * article written in HTML): Markdown articles do not obey raw HTML (it could
 * break a page or the e-mail), so the reader would see the tags as text.
 */
import type { Problem } from '../../errors.js';
import { lint as say } from '../../messages/index.js';
import { findCalls } from '../../render/markdown.js';
import type { LintInput } from '../input.js';
import { problemInText } from '../text-problem.js';

const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g;

export function htmlInMarkdown({ texts }: LintInput): Problem[] {
  return texts.flatMap((t) => {
    if (t.part !== 'body' || !t.file.endsWith('.md')) return [];
    const tags = typedTags(t.text);
    const first = tags[0];
    return first ? [problemInText(t, first.index, say.htmlInMarkdown(first.tag, tags.length))] : [];
  });
}

/** The tags typed in the text, outside helper calls (whose words are the helpers'). */
function typedTags(text: string): { tag: string; index: number }[] {
  const calls = findCalls(text);
  return [...text.matchAll(TAG)]
    .filter((m) => !calls.some((c) => c.start <= m.index && m.index < c.end))
    .map((m) => ({ tag: m[0], index: m.index }));
}
