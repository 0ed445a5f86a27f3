/**
 * Page content streams, read as tokens: enough of PDF's content syntax
 * (ISO 32000-1, 7.8.2) to find what Chromium paints outside any tagged
 * (marked-content) sequence, and mark it as an artifact, as PDF/UA asks
 * of running headers, footers and page backgrounds. Chromium tags the
 * page's HTML but paints the @page margin boxes and the page background
 * at the top level, neither tagged nor artifact.
 */

interface Token {
  text: string;
  start: number;
  end: number;
  operator: boolean;
}

/** Each byte's class: white space (1), a delimiter that is not white (2), else 0. A table, not a regex per byte. */
const CLASS = new Uint8Array(256);
for (const c of '\0\t\n\f\r ') CLASS[c.charCodeAt(0)] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
const isWhite = (code: number) => code < 256 && CLASS[code] === 1;
const isDelimiter = (code: number) => code < 256 && CLASS[code] !== 0;

/** An operator starts with a letter or ' " * (and is not one of the three keywords that do too). */
function isOperator(text: string): boolean {
  const c = text.charCodeAt(0);
  const starts = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 34 || c === 42;
  return starts && text !== 'true' && text !== 'false' && text !== 'null';
}

/** The tokens of a content stream (a latin1 string: one character per byte). */
export function* contentTokens(content: string): Generator<Token> {
  let i = 0;
  const n = content.length;
  while (i < n) {
    const code = content.charCodeAt(i);
    if (isWhite(code)) {
      i++;
      continue;
    }
    const start = i;
    if (code === 37 /* % */) {
      while (i < n && content[i] !== '\n' && content[i] !== '\r') i++;
      continue;
    }
    const c = content[i] as string;
    if (c === '(') {
      let depth = 0;
      for (; i < n; i++) {
        const d = content[i];
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      i++;
    } else if (c === '<' && content[i + 1] === '<') i += 2;
    else if (c === '>' && content[i + 1] === '>') i += 2;
    else if (c === '<') i = content.indexOf('>', i) + 1 || n;
    else if (c === '[' || c === ']' || c === '{' || c === '}') i++;
    else {
      i++;
      while (i < n && !isDelimiter(content.charCodeAt(i))) i++;
    }
    const text = content.slice(start, i);
    yield { text, start, end: i, operator: isOperator(text) };
    if (text === 'ID') {
      // Inline image data runs to "EI" after white space; it is not made of tokens.
      const ei = content.slice(i).search(/\sEI(?=[\0\t\n\f\r ]|$)/);
      i = ei < 0 ? n : i + ei + 3;
    }
  }
}

const PAINT = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*']);
const PATH_START = new Set(['m', 're']);

/**
 * The content with every text object and painted path that lies outside
 * marked content wrapped as an artifact: text as pagination (the running
 * header and footer), paths as layout (backgrounds, rules).
 */
export function markArtifacts(content: string): string {
  const spans: { start: number; end: number; kind: 'Pagination' | 'Layout' }[] = [];
  let depth = 0;
  let operandsFrom = -1;
  let open: { start: number; kind: 'Pagination' | 'Layout' } | null = null;
  for (const token of contentTokens(content)) {
    if (!token.operator) {
      if (operandsFrom < 0) operandsFrom = token.start;
      continue;
    }
    const from = operandsFrom < 0 ? token.start : operandsFrom;
    operandsFrom = -1;
    const op = token.text;
    if (op === 'BDC' || op === 'BMC') depth++;
    else if (op === 'EMC') depth--;
    if (depth !== 0 || op === 'EMC') continue;
    if (!open && op === 'BT') open = { start: from, kind: 'Pagination' };
    else if (open?.kind === 'Pagination' && op === 'ET') {
      spans.push({ ...open, end: token.end });
      open = null;
    } else if (!open && PATH_START.has(op)) open = { start: from, kind: 'Layout' };
    else if (open?.kind === 'Layout' && (PAINT.has(op) || op === 'n')) {
      // A clipping path ("W n") paints nothing: it stays as it is.
      if (op !== 'n') spans.push({ ...open, end: token.end });
      open = null;
    }
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += `${content.slice(at, s.start)}/Artifact <</Type /${s.kind}>> BDC\n${content.slice(s.start, s.end)}\nEMC`;
    at = s.end;
  }
  return out + content.slice(at);
}
