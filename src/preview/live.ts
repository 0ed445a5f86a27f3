/**
 * What the preview adds to every HTML page it serves (never to the built
 * files): a script that listens to the preview's events and reloads the page
 * when its file changed, and the error panel, shown over the last good page
 * while the edition has a problem. Inside the desk's frames the desk reloads
 * them, so the script does nothing there.
 */
import { escapeXml } from '../outputs/xml-text.js';
import { eventsUrl } from './route.js';

/** One event from the preview to its open pages. */
export interface Update {
  /** Output names whose content changed. */
  changed: string[];
  /** The problem, as the command line words it; null when the edition builds. */
  error: string | null;
  /** One line for the desk's status bar. */
  status: string;
}

export const ERROR_PANEL_ID = 'enquete-preview-error';

const PANEL_STYLE =
  'position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:70vh;overflow:auto;margin:0;padding:16px 20px;background:#fff4f2;color:#5c1208;border-bottom:4px solid #b3261e;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;box-shadow:0 4px 16px rgba(0,0,0,.25)';

/** The error panel as HTML, for a page served while the edition has a problem. */
export function errorPanel(error: string, heading: string): string {
  return `<pre id="${ERROR_PANEL_ID}" role="alert" style="${PANEL_STYLE}"><strong>${escapeXml(heading)}</strong>\n\n${escapeXml(error)}</pre>`;
}

/**
 * The script shared by every served page; the panel is built with
 * textContent, never parsed. Its events start with what changed since the
 * page was served (`since`, the session's version then), so a save between
 * serving the page and its events connecting is not missed.
 */
export function liveScript(heading: string, since: string): string {
  return `<script>(() => {
  if (window.top !== window) return;
  const me = decodeURIComponent(location.pathname.slice(1)) || 'index.html';
  const events = new EventSource(${JSON.stringify(eventsUrl(since))});
  events.onmessage = (m) => {
    const update = JSON.parse(m.data);
    const panel = document.getElementById(${JSON.stringify(ERROR_PANEL_ID)});
    if (update.error !== null) {
      const pre = panel ?? document.createElement('pre');
      pre.id = ${JSON.stringify(ERROR_PANEL_ID)};
      pre.setAttribute('role', 'alert');
      pre.style.cssText = ${JSON.stringify(PANEL_STYLE)};
      pre.textContent = '';
      const strong = document.createElement('strong');
      strong.textContent = ${JSON.stringify(heading)};
      pre.append(strong, '\\n\\n' + update.error);
      if (!panel) document.body.prepend(pre);
    } else if (panel || update.changed.includes(me)) location.reload();
  };
})();</script>`;
}

/** The page with the live script, and the error panel when there is a problem. */
export function withLive(
  html: string,
  error: string | null,
  heading: string,
  since: string,
): string {
  const added = (error === null ? '' : errorPanel(error, heading)) + liveScript(heading, since);
  const end = html.lastIndexOf('</body>');
  return end < 0 ? html + added : html.slice(0, end) + added + html.slice(end);
}
