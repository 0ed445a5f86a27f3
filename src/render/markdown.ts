/**
 * Articles written in Markdown (`articles/<slug>.md`), turned into the
 * Handlebars template the build renders, with every helper call kept as it
 * was written.
 *
 * The helper calls (`{{pct "…"}}`, `{{#if …}}`, `{{chart "…"}}`) are set
 * aside before Markdown reads the text, each replaced by a placeholder
 * Markdown treats as a word, and put back in the HTML it writes: Markdown
 * never sees a figure id (an id's "_" is not emphasis), and what a helper
 * prints later is never read as Markdown (Handlebars escapes it like any
 * value). Raw HTML is off: an editor's `<p>` is shown, not obeyed.
 *
 * A paragraph made only of calls that print no words of their own (a
 * condition's `{{#if}}`, `{{else}}` or `{{/if}}` on its own line, a comment,
 * `{{chart}}`) is not wrapped in <p>, so a condition may span whole
 * paragraphs and a chart is not put inside one.
 *
 * The key figures are a fenced block, one per line: the first call is the
 * figure shown large, the rest of the line its sentence.
 *
 *     ```chiffres-clés
 *     {{pct "usage.oui.share.radiologues"}} d'entre eux utilisent l'IA ({{n "usage.oui.share.radiologues"}})
 *     ```
 *
 * The template's places (what Handlebars reports) are mapped back to the
 * Markdown file's lines and columns, so a problem is shown where the editor
 * wrote it.
 */
import MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/** An HTML tag typed in the text: `<p>`, `</b>`, `<br/>`, `<ul class="…">`. */
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g;

/**
 * The HTML tags typed in a Markdown text, outside helper calls, by line:
 * Markdown articles do not obey them, so the reader would see them as text.
 */
export function typedTags(markdown: string): { line: number; column: number; tags: string[] }[] {
  const calls = findCalls(markdown);
  const place = placesOf(markdown);
  const byLine = new Map<number, { line: number; column: number; tags: string[] }>();
  for (const m of markdown.matchAll(TAG)) {
    if (calls.some((c) => c.start <= m.index && m.index < c.end)) continue;
    const at = place(m.index);
    const seen = byLine.get(at.line);
    if (seen) seen.tags.push(m[0]);
    else byLine.set(at.line, { ...at, tags: [m[0]] });
  }
  return [...byLine.values()];
}

/** Handlebars' place in a template: line from 1, column from 0. */
export interface Place {
  line: number;
  column: number;
}

export interface MarkdownTemplate {
  /** The Handlebars template: the article as HTML, the helper calls as they were written. */
  template: string;
  /** Where a place of the template was written in the Markdown file. */
  placeOf(at: Place): Place;
}

/** A Markdown article the build cannot read (a key-figures line without its figure). */
export class MarkdownProblem extends Error {
  constructor(
    readonly at: Place,
    readonly kind: 'keyFigureLine',
    readonly found: string,
  ) {
    super(`${kind} at ${at.line}:${at.column}: ${found}`);
  }
}

/** The fenced block's names: with or without the accent, as a French keyboard may type it. */
export const KEY_FIGURES_BLOCK = ['chiffres-clés', 'chiffres-cles'];

// Private-use characters: Markdown reads them as letters, no article contains them.
const OPEN = '\uE000';
const OPEN_INNER = '\uE002';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001|\uE002(\d+)\uE001|%EE%80%8([02])(\d+)%EE%80%81/g;

/** A helper call in the Markdown: where it starts and ends, and its text. */
interface Call {
  start: number;
  end: number;
  text: string;
}

export function markdownToTemplate(markdown: string): MarkdownTemplate {
  const calls = findCalls(markdown);
  const hidden = hideCalls(markdown, calls);
  const placeInMarkdown = placesOf(markdown);
  const md = articleMarkdown(
    calls,
    (offset) => placeInMarkdown(hidden.toSource(offset)),
    hidden.text,
    markdown.split('\n'),
  );
  return restoreCalls(md.render(hidden.text), calls, placeInMarkdown);
}

/**
 * Every `{{…}}` of the text, in order: comments to their `--}}` or `}}`,
 * other calls to the `}}` outside any quoted string.
 */
export function findCalls(source: string): Call[] {
  const calls: Call[] = [];
  let i = source.indexOf('{{');
  while (i >= 0) {
    const end = callEnd(source, i);
    if (end < 0) break; // Unclosed: left as it is, for Handlebars to report.
    calls.push({ start: i, end, text: source.slice(i, end) });
    i = source.indexOf('{{', end);
  }
  return calls;
}

function callEnd(source: string, start: number): number {
  if (source.startsWith('{{!--', start)) {
    const close = source.indexOf('--}}', start + 5);
    return close < 0 ? -1 : close + 4;
  }
  if (source.startsWith('{{!', start)) {
    const close = source.indexOf('}}', start + 3);
    return close < 0 ? -1 : close + 2;
  }
  let quote: string | null = null;
  for (let j = start + 2; j < source.length; j++) {
    const c = source[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '}' && source[j + 1] === '}') {
      return source[j + 2] === '}' ? j + 3 : j + 2;
    }
  }
  return -1;
}

/** The text with each call replaced by its placeholder, and the way back to the source's offsets. */
function hideCalls(source: string, calls: Call[]) {
  let text = '';
  let from = 0;
  const hidden = calls.map((call, i) => {
    text += source.slice(from, call.start);
    const at = text.length;
    text += `${OPEN}${i}${CLOSE}`;
    from = call.end;
    return { at, end: text.length, call };
  });
  text += source.slice(from);
  /** An offset of the hidden text as an offset of the source (a placeholder's: its call's start). */
  const toSource = (offset: number): number => {
    const before = lastAtOrBefore(hidden, offset);
    if (!before) return offset;
    if (offset < before.end) return before.call.start;
    return before.call.end + (offset - before.end);
  };
  return { text, toSource };
}

/** Calls that print no words of their own, or a block of their own (a chart, a partial): never a paragraph's words. */
const SILENT = /^\{\{~?\s*(?:[#/^!>]|else\b|chart\b)/;

function articleMarkdown(
  calls: Call[],
  placeOfHidden: (offset: number) => Place,
  hidden: string,
  sourceLines: string[],
): MarkdownIt {
  const md = new MarkdownIt('default', {
    html: false,
    linkify: false,
    typographer: true,
    // French quotes; the no-break spaces inside them are set with the rest of French typography.
    quotes: ['« ', ' »', '“', '”'],
  });
  // In a list, a line of silent calls ({{else}}, {{/if}}) ends the item's paragraph, and with it
  // the list: a condition around list items stays outside the list's markup.
  const silent = silentLineOf(calls);
  md.block.ruler.before(
    'paragraph',
    'silent_line_in_list',
    (state, line, _end, check) =>
      check &&
      state.listIndent !== -1 &&
      silent(state.src.slice(state.bMarks[line] ?? 0, state.eMarks[line] ?? 0).trim()),
    { alt: ['paragraph'] },
  );
  // Before the paragraphs' words are read: their silent lines are taken out (paragraphRunsOf).
  md.core.ruler.after('block', 'silent_lines', silentLinesRule(paragraphRunsOf(calls)));
  md.renderer.rules.silent_calls = (tokens, idx) => `${(tokens[idx] as Token).content}\n`;
  const fence = md.renderer.rules.fence;
  const keyFigures = keyFiguresBlock(md, calls, placeOfHidden, startsOfLines(hidden), (line) =>
    (sourceLines[line - 1] ?? '').replace(/\r$/, ''),
  );
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as Token;
    if (KEY_FIGURES_BLOCK.includes(token.info.trim().toLowerCase())) return keyFigures(token);
    return fence ? fence(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  return md;
}

/** Each paragraph cut in its runs: the silent ones raw, the others paragraphs of their own. */
function silentLinesRule(
  paragraphRuns: ReturnType<typeof paragraphRunsOf>,
): (state: StateCore) => void {
  return (state) => {
    const out: Token[] = [];
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i] as Token;
      const inline = tokens[i + 1];
      const close = tokens[i + 2];
      if (open.type !== 'paragraph_open' || !inline || !close) {
        out.push(open);
        continue;
      }
      for (const run of paragraphRuns(inline.content.split('\n'))) {
        if (run.silent) {
          const raw = new state.Token('silent_calls', '', 0);
          raw.content = run.lines.join('\n');
          out.push(raw);
        } else {
          const words = Object.assign(new state.Token('inline', '', 0), inline, {
            content: run.lines.join('\n'),
            children: [],
          });
          out.push(open, words, close);
        }
      }
      i += 2;
    }
    state.tokens = out;
  };
}

const CALL_IN = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
const CALLS_ONLY = new RegExp(`^(?:[ \\t]*${OPEN}\\d+${CLOSE})+[ \\t]*$`);

/**
 * A paragraph's lines as runs: its silent first and last lines out of it; a
 * silent line between its words stays in it when the conditions it opens
 * close in it (a condition inside a paragraph), and otherwise parts it (a
 * condition around whole paragraphs). A paragraph whose last condition
 * starts on its own line after its first words keeps it whole.
 */
/** A line of the text made only of calls that print no words: `{{else}}`, `{{/if}}`… */
function silentLineOf(calls: Call[]): (line: string) => boolean {
  return (line) =>
    CALLS_ONLY.test(line) &&
    [...line.matchAll(CALL_IN)].every((m) => SILENT.test(calls[Number(m[1])]?.text ?? ''));
}

function paragraphRunsOf(calls: Call[]) {
  const textOf = (m: RegExpMatchArray) => calls[Number(m[1])]?.text ?? '';
  const silentLine = silentLineOf(calls);
  /** Whether every block the text opens closes in it, and its every {{else}} is inside one. */
  const balanced = (text: string) => {
    let depth = 0;
    for (const m of text.matchAll(CALL_IN)) {
      const call = textOf(m);
      if (/^\{\{~?\s*[#^]/.test(call)) depth++;
      else if (/^\{\{~?\s*\//.test(call)) depth--;
      else if (/^\{\{~?\s*else\b/.test(call) && depth === 0) return false;
      if (depth < 0) return false;
    }
    return depth === 0;
  };
  /** A line that holds a block of its own (a chart, a partial): never inside a paragraph. */
  const blockLine = (line: string) =>
    silentLine(line) &&
    [...line.matchAll(CALL_IN)].some((m) => /^\{\{~?\s*(?:chart\b|>)/.test(textOf(m)));
  const runs = (lines: string[]) => {
    let first = 0;
    while (first < lines.length && silentLine(lines[first] as string)) first++;
    let last = lines.length;
    while (last > first && silentLine(lines[last - 1] as string)) last--;
    const words = lines.slice(first, last);
    if (!balanced(words.join('\n'))) {
      // A condition ending the paragraph it started in ("…, soit 81 %.\n{{#if}}…{{/if}}").
      if (balanced(lines.join('\n'))) return [{ silent: false, lines }];
      return runsOf(lines, silentLine);
    }
    const silent = (part: string[]) => (part.length > 0 ? [{ silent: true, lines: part }] : []);
    return [
      ...silent(lines.slice(0, first)),
      ...(words.length > 0 ? [{ silent: false, lines: words }] : []),
      ...silent(lines.slice(last)),
    ];
  };
  // Cut at each chart's line first; each piece between them is a paragraph of its own.
  return (lines: string[]) => {
    const pieces: { silent: boolean; lines: string[] }[] = [];
    let from = 0;
    lines.forEach((line, i) => {
      if (!blockLine(line)) return;
      if (i > from) pieces.push(...runs(lines.slice(from, i)));
      pieces.push({ silent: true, lines: [line] });
      from = i + 1;
    });
    if (from < lines.length) pieces.push(...runs(lines.slice(from)));
    return pieces;
  };
}

/** The key-figures block as {{#keyFigures}}: each line's first call its figure, the rest its sentence. */
function keyFiguresBlock(
  md: MarkdownIt,
  calls: Call[],
  placeOfHidden: (offset: number) => Place,
  hiddenLines: number[],
  sourceLine: (line: number) => string,
) {
  const figureLine = new RegExp(`^\\s*(?:[-*]\\s+)?${OPEN}(\\d+)${CLOSE}(.*)$`);
  return (token: Token): string => {
    // The block's first line is its opening fence; its content starts on the next.
    const contentLine = (token.map?.[0] ?? 0) + 1;
    const figures = token.content.split('\n').flatMap((line, k) => {
      if (line.trim() === '') return [];
      const m = figureLine.exec(line);
      const call = m ? calls[Number(m[1])] : undefined;
      if (!m || !call || SILENT.test(call.text)) {
        const indent = line.length - line.trimStart().length;
        const offset = (hiddenLines[contentLine + k] ?? 0) + indent;
        const at = placeOfHidden(offset);
        throw new MarkdownProblem(at, 'keyFigureLine', sourceLine(at.line).trim());
      }
      const sentence = md.renderInline((m[2] ?? '').trim());
      return [`{{#keyFigure ${OPEN_INNER}${m[1]}${CLOSE}}}${sentence}{{/keyFigure}}`];
    });
    return `{{#keyFigures}}\n${figures.join('\n')}\n{{/keyFigures}}\n`;
  };
}

/** The HTML with each call back in place, and the map from its places to the Markdown's. */
function restoreCalls(
  html: string,
  calls: Call[],
  placeInMarkdown: (offset: number) => Place,
): MarkdownTemplate {
  let template = '';
  let from = 0;
  const copies: { at: number; source: number; length: number }[] = [];
  for (const m of html.matchAll(PLACEHOLDER)) {
    template += html.slice(from, m.index);
    const call = calls[Number(m[1] ?? m[2] ?? m[4])] as Call;
    const asSubExpression = m[2] !== undefined || m[3] === '2';
    // A key figure's number is its call made a sub-expression: {{pct "x"}} -> (pct "x").
    // Whitespace control ({{~pct "x"~}}) means nothing inside a sub-expression.
    const inner = call.text.slice(2, -2).replace(/^~|~$/g, '');
    const lead = inner.length - inner.trimStart().length;
    if (asSubExpression) {
      // Its "(" stands for the call's "{{"; the rest is the call's words as written.
      copies.push({ at: template.length, source: call.start, length: 1 });
      copies.push({
        at: template.length + 1,
        source: call.start + 2 + lead,
        length: inner.trim().length,
      });
    } else {
      copies.push({ at: template.length, source: call.start, length: call.text.length });
    }
    const text = asSubExpression ? `(${inner.trim()})` : call.text;
    template += text;
    from = (m.index ?? 0) + m[0].length;
  }
  template += html.slice(from);
  const templateLines = startsOfLines(template);
  /** A template offset inside a copied call maps into it; elsewhere, to the call before. */
  const sourceOf = (offset: number): number => {
    const copy = lastAtOrBefore(copies, offset);
    return copy ? copy.source + Math.min(offset - copy.at, copy.length - 1) : 0;
  };
  return {
    template,
    placeOf: (at) => placeInMarkdown(sourceOf((templateLines[at.line - 1] ?? 0) + at.column)),
  };
}

/** Lines grouped in runs, silent or not, in order. */
function runsOf(lines: string[], silent: (line: string) => boolean) {
  const runs: { silent: boolean; lines: string[] }[] = [];
  for (const line of lines) {
    const s = silent(line);
    const last = runs.at(-1);
    if (last && last.silent === s) last.lines.push(line);
    else runs.push({ silent: s, lines: [line] });
  }
  return runs;
}

/** The last of items (sorted by `at`) at or before offset. */
function lastAtOrBefore<T extends { at: number }>(items: T[], offset: number): T | undefined {
  return items[lastIndexAtOrBefore(items.length, (i) => (items[i] as T).at, offset)];
}

/** The offset each line starts at (line 1 at index 0). */
function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Offsets of a text as Handlebars-style places in it. */
function placesOf(text: string): (offset: number) => Place {
  const starts = startsOfLines(text);
  return (offset) => {
    const line = Math.max(
      1,
      lastIndexAtOrBefore(starts.length, (i) => starts[i] as number, offset) + 1,
    );
    return { line, column: offset - (starts[line - 1] as number) };
  };
}

/** The index of the last value at or before `value`, of `length` values sorted up (-1: none). */
function lastIndexAtOrBefore(length: number, at: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
