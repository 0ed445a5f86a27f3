/**
 * What a request to the preview asks for. The outputs are served from
 * memory by their names in the output folder, never from the disk, so no
 * path can reach outside them: a name with `..`, `.`, a backslash, a NUL,
 * an encoded slash or a leading `//` is refused before any lookup.
 */

/** The preview's own pages live under this prefix, which no output name can start with. */
export const PREVIEW_PREFIX = '__preview';
export const DESK_PATH = `/${PREVIEW_PREFIX}/desk`;
export const EVENTS_PATH = `/${PREVIEW_PREFIX}/events`;

/** The desk's tab that shows the edition's tables rather than an article. */
export const DESK_TABLES = `${DESK_PATH}?view=tables`;

export type Route =
  | { kind: 'desk'; article?: string; tables?: true }
  /** The open page's event stream; since: the session's version the page was served at ('' if none). */
  | { kind: 'events'; since: string }
  | { kind: 'output'; name: string }
  | { kind: 'not-found' };

/** The event stream's address for a page served at the given version of the session. */
export function eventsUrl(version: string): string {
  return `${EVENTS_PATH}?since=${encodeURIComponent(version)}`;
}

export function routeRequest(url: string): Route {
  const [pathPart = '', query = ''] = url.split('?', 2);
  if (pathPart === DESK_PATH || pathPart === `${DESK_PATH}/`) {
    const asked = new URLSearchParams(query);
    if (asked.get('view') === 'tables') return { kind: 'desk', tables: true };
    const article = asked.get('article');
    return article ? { kind: 'desk', article } : { kind: 'desk' };
  }
  // A stream without a version is told every file changed: its page reloads once, never misses a save.
  if (pathPart === EVENTS_PATH)
    return { kind: 'events', since: new URLSearchParams(query).get('since') ?? '' };
  const name = outputName(pathPart);
  return name === null ? { kind: 'not-found' } : { kind: 'output', name };
}

/** The output file a URL path names ("/" is the edition's index page), or null. */
export function outputName(urlPath: string): string | null {
  if (!urlPath.startsWith('/') || urlPath.startsWith('//')) return null;
  // Encoded separators would let one segment hide a path: refused, not decoded.
  if (/%2f|%5c|%00/i.test(urlPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.slice(1));
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded)) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith(PREVIEW_PREFIX))) return null;
  if (decoded === '') return 'index.html';
  if (segments.some((s) => s === '')) return null;
  return decoded;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  // Shown as text in the browser rather than downloaded.
  eml: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function contentType(name: string): string {
  return TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}
