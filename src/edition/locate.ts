/**
 * Where a key of an edition config is in its text, for problems located at
 * their line. The YAML library is loaded when first needed, and
 * synchronously (a key's place is asked for synchronously): a config read
 * from the cache of checked configs is not parsed again unless a problem
 * has to be located in it.
 */
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';

const require = createRequire(import.meta.url);

/** The yaml package (its Node entry is CommonJS either way). */
export function yaml(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

/** Where a value starts in the config's text, and the line its text ends on (a value may span lines). */
export type Position = { line?: number; column?: number; endLine?: number };

export type KeyLocator = (keyPath: readonly PropertyKey[]) => Position;

/** Where a key is in the config (or the nearest key above it that is there). */
export function locatorOf(doc: Document, lineCounter: LineCounter): KeyLocator {
  return (keyPath) => {
    let node: unknown = doc.getIn(keyPath as unknown[], true);
    for (let n = keyPath.length; !hasRange(node) && n > 0; n--) {
      node = n - 1 === 0 ? doc.contents : doc.getIn(keyPath.slice(0, n - 1) as unknown[], true);
    }
    if (!hasRange(node)) return {};
    const { line, col } = lineCounter.linePos(node.range[0]);
    const end = lineCounter.linePos(Math.max(node.range[0], node.range[1] - 1));
    return { line, column: col, endLine: end.line };
  };
}

/** The locator of a config's text, its document parsed on the first question. */
export function lazyLocator(text: string): KeyLocator {
  let locate: KeyLocator | undefined;
  return (keyPath) => {
    if (!locate) {
      const { LineCounter, parseDocument } = yaml();
      const lineCounter = new LineCounter();
      locate = locatorOf(parseDocument(text, { lineCounter }), lineCounter);
    }
    return locate(keyPath);
  };
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  const { isMap, isSeq } = yaml();
  return (
    (isMap(node) ||
      isSeq(node) ||
      (typeof node === 'object' && node !== null && 'range' in node)) &&
    Array.isArray((node as { range?: unknown }).range)
  );
}
