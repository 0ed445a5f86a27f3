/**
 * The mistakes an editor makes with helper calls, found in the text as
 * written and located there, before Handlebars reads it: Handlebars would
 * say them in its own words ("Expecting 'CLOSE', got 'INVALID'"), often at
 * the end of the text rather than where the mistake is.
 *
 *   {{pct "x"}          a call never closed
 *   {{/if}}             a block closed that was not opened, or another one
 *   {{#if …}} …         a block never closed: said at its opening
 *   {{else}}            outside any block
 *   {{pct usage.oui…}}  a figure's id without its quotes
 */
import { findCalls } from './markdown.js';

export type CallMistake =
  | { kind: 'unclosedCall' }
  | { kind: 'strayClose'; name: string }
  | { kind: 'mismatchedClose'; opened: string; name: string }
  | { kind: 'unclosedBlock'; name: string }
  | { kind: 'elseOutside' }
  | { kind: 'unquotedId'; id: string };

export interface LocatedMistake {
  /** Line from 1, column from 1, in the text. */
  line: number;
  column: number;
  mistake: CallMistake;
}

const BLOCK_OPEN = /^\{\{~?\s*[#^]\s*([\w-]+)/;
const BLOCK_CLOSE = /^\{\{~?\s*\/\s*([\w-]+)/;
const ELSE = /^\{\{~?\s*else\b/;
/** A figure's id written bare as a helper's argument: `{{pct usage.oui.share.radiologues}}`. */
const BARE_ID = /^\{\{~?\s*[#]?[\w-]+\s+(?:.*\s)?([a-z0-9_]+(?:\.[a-z0-9_]+){2,})(?=[\s)}~])/;

export function callMistakes(text: string): LocatedMistake[] {
  const calls = findCalls(text);
  const at = placer(text);
  const found: LocatedMistake[] = [];
  const open: { name: string; start: number }[] = [];
  for (const call of calls) {
    if (call.text.startsWith('{{!')) continue;
    const inner = call.text.slice(2, -2);
    // "}}" found far on, past another call's "{{": this one was never closed.
    const stash = call.text.startsWith('{{{');
    if (/\{\{/.test(inner) || (!stash && /}\s*$/.test(inner.replace(/"[^"]*"|'[^']*'/g, '')))) {
      found.push({ ...at(call.start), mistake: { kind: 'unclosedCall' } });
      continue;
    }
    const opened = BLOCK_OPEN.exec(call.text)?.[1];
    const closed = BLOCK_CLOSE.exec(call.text)?.[1];
    const bare = BARE_ID.exec(call.text.replace(/"[^"]*"|'[^']*'/g, '""'))?.[1];
    if (bare) found.push({ ...at(call.start), mistake: { kind: 'unquotedId', id: bare } });
    if (opened) open.push({ name: opened, start: call.start });
    else if (closed) {
      const last = open.pop();
      if (!last) found.push({ ...at(call.start), mistake: { kind: 'strayClose', name: closed } });
      else if (last.name !== closed)
        found.push({
          ...at(call.start),
          mistake: { kind: 'mismatchedClose', opened: last.name, name: closed },
        });
    } else if (ELSE.test(call.text) && open.length === 0)
      found.push({ ...at(call.start), mistake: { kind: 'elseOutside' } });
  }
  const end = calls.at(-1)?.end ?? 0;
  const unclosed = text.indexOf('{{', end);
  if (unclosed >= 0) found.push({ ...at(unclosed), mistake: { kind: 'unclosedCall' } });
  for (const block of open)
    found.push({ ...at(block.start), mistake: { kind: 'unclosedBlock', name: block.name } });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function placer(text: string): (offset: number) => { line: number; column: number } {
  return (offset) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  };
}
