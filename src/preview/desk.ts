/**
 * The desk: one article as its readers will get it, side by side: the web
 * article, the printed PDF, and the newsletter at 600 and 375 px; or, in its
 * own tab, the edition's tables (tableaux.html) with the workbook to
 * download. Each pane is the served output in a frame; the desk reloads a
 * frame when its file changes and shows the edition's problem above them all.
 */
import { escapeXml } from '../outputs/xml-text.js';
import { outputPath } from '../paths.js';
import { ERROR_PANEL_ID } from './live.js';
import { DESK_PATH, DESK_TABLES, eventsUrl } from './route.js';

export interface DeskWords {
  lang: string;
  title: string;
  web: string;
  print: string;
  newsletter: (width: number) => string;
  /** The tables' tab and pane. */
  tables: string;
  /** The link that downloads the workbook. */
  workbook: string;
  problem: string;
  open: string;
}

export interface DeskView {
  edition: string;
  articles: { slug: string; title: string }[];
  /** The article shown; the first when none is asked for. */
  article: string | undefined;
  /** The tables shown rather than an article. */
  tables: boolean;
  error: string | null;
  status: string;
  /** The session's version when the desk was served: its events start with what changed since. */
  since: string;
  words: DeskWords;
}

export function deskPage(view: DeskView): string {
  const { words } = view;
  const slug = view.tables ? undefined : (view.article ?? view.articles[0]?.slug);
  return `<!doctype html>
<html lang="${words.lang}"><head><meta charset="utf-8"><title>${escapeXml(`${words.title} · ${view.edition}`)}</title>
<style>
${DESK_CSS}</style></head>
<body>
<header><h1>${escapeXml(words.title)} · ${escapeXml(view.edition)}</h1><nav>${tabs(view, slug)}</nav><span id="status" role="status">${escapeXml(view.status)}</span></header>
<pre id="${ERROR_PANEL_ID}" role="alert"${view.error === null ? ' hidden' : ''}><strong>${escapeXml(words.problem)}</strong>\n\n${escapeXml(view.error ?? '')}</pre>
${view.tables ? tablesPane(words) : slug ? panes(words, slug) : ''}
<script>${deskScript(words, view.since)}</script>
</body></html>
`;
}

/** One tab per article, then the tables', the one shown marked. */
function tabs(view: DeskView, slug: string | undefined): string {
  const tab = (href: string, label: string, shown: boolean) =>
    `<a href="${href}"${shown ? ' aria-current="page"' : ''}>${escapeXml(label)}</a>`;
  return (
    view.articles
      .map((a) =>
        tab(`${DESK_PATH}?article=${encodeURIComponent(a.slug)}`, a.title, a.slug === slug),
      )
      .join('') + tab(DESK_TABLES, view.words.tables, view.tables)
  );
}

/** An output in a frame, under its label, a link to open it alone and any other link. */
function pane(words: DeskWords, label: string, name: string, width?: number, more = ''): string {
  return `<section class="pane"${width ? ` style="flex:0 0 ${width + 2}px"` : ''}><h2>${escapeXml(label)} <a href="/${name}" target="_blank">${escapeXml(words.open)}</a>${more}</h2><iframe title="${escapeXml(label)}" data-name="${escapeXml(name)}" src="/${name}"${width ? ` width="${width}"` : ''}></iframe></section>`;
}

/** The edition's tables across the desk, with the workbook to download (made when it is asked for). */
function tablesPane(words: DeskWords): string {
  const workbook = outputPath({ edition: 'tables-xlsx' });
  const download = `<a href="/${workbook}" download>${escapeXml(words.workbook)}</a>`;
  return `<div class="row">${pane(words, words.tables, outputPath({ edition: 'tables-html' }), undefined, download)}</div>`;
}

/** The web article and the print side by side, then the newsletter at 600 and 375 px. */
function panes(words: DeskWords, slug: string): string {
  const newsletter = outputPath({ article: slug, file: 'newsletter-html' });
  return `<div class="row">${pane(words, words.web, outputPath({ article: slug, file: 'web' }))}${pane(words, words.print, outputPath({ article: slug, file: 'pdf' }))}</div>
<div class="row">${pane(words, words.newsletter(600), newsletter, 600)}${pane(words, words.newsletter(375), newsletter, 375)}</div>`;
}

const DESK_CSS = `body{margin:0;font:15px/1.4 system-ui,sans-serif;background:#e9e7e2;color:#1d1d1b}
header{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:baseline;padding:10px 16px;background:#1d1d1b;color:#fff}
header h1{font-size:16px;margin:0}
nav a{color:#fff;margin-right:12px;text-decoration:none;opacity:.75}
nav a[aria-current]{opacity:1;border-bottom:2px solid #fff}
#status{margin-left:auto;font-size:13px;opacity:.85}
#${ERROR_PANEL_ID}{margin:0;padding:14px 16px;background:#fff4f2;color:#5c1208;border-bottom:4px solid #b3261e;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap}
#${ERROR_PANEL_ID}[hidden]{display:none}
.row{display:flex;gap:12px;padding:12px 16px 0}
.pane{flex:1 1 0;min-width:0;display:flex;flex-direction:column}
.pane h2{font-size:13px;font-weight:600;margin:0 0 4px;text-transform:uppercase;letter-spacing:.04em}
.pane h2 a{font-weight:400;text-transform:none;letter-spacing:0;margin-left:6px;color:#1d4e89}
iframe{border:1px solid #b9b5ab;background:#fff;height:78vh;width:100%}
iframe[width]{width:auto}
`;

/** Each update from the server: the status, the problem shown, or the panes it changed reloaded. */
function deskScript(words: DeskWords, since: string): string {
  return `(() => {
  const panel = document.getElementById(${JSON.stringify(ERROR_PANEL_ID)});
  const status = document.getElementById('status');
  const events = new EventSource(${JSON.stringify(eventsUrl(since))});
  const reload = (frame) => { frame.src = '/' + frame.dataset.name + '?v=' + Date.now(); };
  events.onmessage = (m) => {
    const update = JSON.parse(m.data);
    status.textContent = update.status;
    if (update.error !== null) {
      panel.textContent = '';
      const strong = document.createElement('strong');
      strong.textContent = ${JSON.stringify(words.problem)};
      panel.append(strong, '\\n\\n' + update.error);
      panel.hidden = false;
      return;
    }
    const recovered = !panel.hidden;
    panel.hidden = true;
    for (const frame of document.querySelectorAll('iframe'))
      if (recovered || update.changed.includes(frame.dataset.name)) reload(frame);
  };
})();`;
}
