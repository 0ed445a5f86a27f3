/**
 * `enquete preview`: the outputs of an edition served from memory on
 * 127.0.0.1, rebuilt as its files are saved, with the desk to read them
 * side by side. One Chromium and one drawing thread live as long as the
 * preview. It runs until the process is stopped (Ctrl-C, or the terminal
 * closed): the process's clean-up (cleanup.ts) kills Chromium's process
 * group, and the server, the watcher and the thread end with the process.
 */
import { existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Log } from '../log.js';
import { preview as say, usage } from '../messages/index.js';
import { startChromium } from '../outputs/chromium.js';
import { TEMPLATES } from '../render/pages.js';
import type { DrawingWorker } from '../worker/client.js';
import { deskPage } from './desk.js';
import { type Update, withLive } from './live.js';
import { contentType, DESK_PATH, routeRequest } from './route.js';
import { PreviewSession } from './session.js';
import { editionFolderTouches, watchFolders } from './watch.js';

export interface PreviewOptions {
  editionFolder: string;
  /** 0 picks a free port. */
  port: number;
  article?: string;
}

/** What answering a request needs, fixed once the server listens. */
interface Site {
  session: PreviewSession;
  /** The open pages' event streams. */
  clients: Set<ServerResponse>;
  /** The Host headers accepted: this machine's address and name, with the port. */
  hosts: ReadonlySet<string>;
  /** The edition's folder name, for the desk's title. */
  edition: string;
}

/** Starts the preview; resolves with the desk's address once the first build's web pages are served. */
export async function startPreview(
  options: PreviewOptions,
  worker: DrawingWorker,
  log: Log,
): Promise<string> {
  const folder = options.editionFolder;
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(usage.noEditionFolder(folder));
  const clients = new Set<ServerResponse>();
  // Called by the session once it has published or failed: its version is then the one to tell.
  const send = (update: Update) => {
    for (const c of clients) c.write(eventText(update, session.version));
  };
  let site: Site | undefined;
  const server = createServer((req, res) => {
    if (site) answer(req, res, site);
    else res.writeHead(503).end();
  });
  const port = await listen(server, options.port);
  const origin = `http://127.0.0.1:${port}`;
  const chromium = startChromium();
  chromium.warmUp();
  const session = new PreviewSession(
    { editionFolder: folder, article: options.article, baseUrl: `${origin}/` },
    { worker, chromium },
    send,
    log,
  );
  site = {
    session,
    clients,
    hosts: new Set([`127.0.0.1:${port}`, `localhost:${port}`]),
    edition: path.basename(path.resolve(folder)),
  };
  const failed = await session.rebuild('data', say.firstBuild());
  // A wrong command line (an unknown --article) is not fixed by saving a file: stop at once.
  if (failed instanceof UsageError) {
    server.close();
    await chromium.close();
    throw failed;
  }
  watchFolders(
    [
      { folder, touches: editionFolderTouches },
      { folder: TEMPLATES, touches: () => 'text' },
    ],
    (saved) => void session.rebuild(saved.touched, saved.files.join(', ')),
    (e) => log.info(say.watchFailed(e.message)),
  );
  return `${origin}${DESK_PATH}${options.article ? `?article=${encodeURIComponent(options.article)}` : ''}`;
}

/** One server-sent event: its id is the session's version, which a reconnecting stream sends back. */
function eventText(update: Update, version: string): string {
  return `id: ${version}\ndata: ${JSON.stringify(update)}\n\n`;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new UsageError(usage.portInUse(port)) : e),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

const NO_CACHE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function answer(req: IncomingMessage, res: ServerResponse, site: Site): void {
  const { session } = site;
  // Only this machine's browser, by its own address: a page elsewhere cannot read the preview through DNS tricks.
  if (!site.hosts.has(req.headers.host ?? '')) {
    notFound(res);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const route = routeRequest(req.url ?? '/');
  if (route.kind === 'events') {
    openEvents(req, res, site, route.since);
    return;
  }
  if (route.kind === 'desk') {
    const html = deskPage({
      edition: site.edition,
      articles: session.articles,
      article: route.article,
      tables: route.tables === true,
      error: session.error,
      status: say.status(session.error === null),
      since: session.version,
      words: say.desk,
    });
    res.writeHead(200, { ...NO_CACHE, 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    return;
  }
  if (route.kind !== 'output') {
    notFound(res);
    return;
  }
  const content = session.files.get(route.name);
  if (content !== undefined) {
    serve(req, res, route.name, content, session);
    return;
  }
  // A file made only when asked for (the workbook), or none.
  session.onRequest(route.name).then(
    (made) => (made === undefined ? notFound(res) : serve(req, res, route.name, made, session)),
    (e: unknown) =>
      res
        .writeHead(500, { ...NO_CACHE, 'Content-Type': 'text/plain; charset=utf-8' })
        .end(`${e instanceof Error ? e.message : String(e)}\n`),
  );
}

/**
 * An open page's event stream: first what the page missed since it was
 * served (`since`), or since the last event a reconnecting stream got: a
 * save, a problem, or a problem fixed; then every update as it comes.
 */
function openEvents(req: IncomingMessage, res: ServerResponse, site: Site, since: string): void {
  const { session, clients } = site;
  res.writeHead(200, { ...NO_CACHE, 'Content-Type': 'text/event-stream' });
  res.write('retry: 500\n\n');
  const lastEvent = req.headers['last-event-id'];
  const missed: Update = {
    changed: session.changedSince(
      typeof lastEvent === 'string' && lastEvent !== '' ? lastEvent : since,
    ),
    error: session.error,
    status: say.status(session.error === null),
  };
  res.write(eventText(missed, session.version));
  clients.add(res);
  req.on('close', () => clients.delete(res));
}

/** An output as it is served: an HTML page with the live script, and the problem if there is one. */
function serve(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  content: string | Uint8Array,
  session: PreviewSession,
): void {
  const type = contentType(name);
  const body = type.startsWith('text/html')
    ? withLive(
        typeof content === 'string' ? content : Buffer.from(content).toString('utf8'),
        session.error,
        say.desk.problem,
        session.version,
      )
    : content;
  res.writeHead(200, { ...NO_CACHE, 'Content-Type': type });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404\n');
}
