/**
 * `enquete preview` as an editor uses it, with the real command, the real
 * Chromium printing and a real browser reading the pages: start, read,
 * edit an article and see it change without reloading by hand, break the
 * config and see the problem in the page as the CLI words it, fix it and
 * see the page back, save a half-written export, ask for files outside the
 * outputs, stop with Ctrl-C, and nothing left running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { enquete } from '../helpers/cli.js';
import { copyEdition, edit } from '../helpers/edition-copy.js';

const PANEL = '#enquete-preview-error';

/** Every process descended from `pid`, from /proc (Chromium's processes, its zygote, its GPU helper). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      parents.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of parents)
      if (ppid === parent) {
        found.push(child);
        visit(child);
      }
  };
  visit(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** A GET with the path sent exactly as written (no normalising of "..", as a hostile client would). */
function rawGet(origin: string, rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: rawPath, method: 'GET' },
      (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The first message on an event stream: its id and its data, parsed. */
async function firstEvent(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ id: string; changed: string[]; error: string | null }> {
  const stop = new AbortController();
  const res = await fetch(url, { signal: stop.signal, headers });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before a message: ${text}`);
    text += decoder.decode(value, { stream: true });
    const message = text.match(/^id: (.*)\ndata: (.*)\n\n/m);
    if (message) {
      stop.abort();
      return { id: message[1] as string, ...JSON.parse(message[2] as string) };
    }
  }
}

async function until<T>(
  what: () => T | undefined | Promise<T | undefined>,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await what();
    if (got !== undefined && got !== false) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what.toString()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('enquete preview', () => {
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  let exited: Promise<number | null>;
  let origin: string;
  let desk: string;
  let edition: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ edition } = await copyEdition());
    child = spawn(
      process.execPath,
      ['bin/enquete.js', 'preview', edition, '--port', '0', '--article', 'radiologues'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    child.stdout?.on('data', (d) => {
      stdout += d;
    });
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    desk = await until(() => stdout.match(/http:\/\/127\.0\.0\.1:\d+\/\S+/)?.[0], 60_000);
    origin = new URL(desk).origin;
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const web = () => `${origin}/radiologues/enquete.html`;
  const webPage = async () => (await fetch(web())).text();
  /** What `seen` finds in the served web page, once it finds something. */
  const servedWhen = <T>(seen: (html: string) => T | undefined) =>
    until(async () => seen(await webPage()));
  const article = () => path.join(edition, 'articles/radiologues.md');
  const config = () => path.join(edition, 'edition.yaml');

  it('prints its address on 127.0.0.1 and serves the outputs under the output folder’s names', async () => {
    expect(desk).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__preview\/desk\?article=radiologues$/);
    const page = await fetch(web());
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1');
    // The print and the newsletter follow the web page.
    const pdf = await until(async () => {
      const r = await fetch(`${origin}/radiologues/enquete.pdf`);
      return r.status === 200 ? Buffer.from(await r.arrayBuffer()) : undefined;
    }, 60_000);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const mail = await until(async () => {
      const r = await fetch(`${origin}/radiologues/newsletter.html`);
      return r.status === 200 ? r.text() : undefined;
    });
    // Its images load from the preview itself.
    expect(mail).toContain(`${origin}/radiologues/charts/`);
    const index = await fetch(`${origin}/`);
    expect(index.status).toBe(200);
  }, 90_000);

  it('shows the web article, the print and the newsletter at 600 and 375 px on the desk', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.goto(desk);
    const frames = await page.$$eval('iframe', (fs) =>
      fs.map((f) => ({ name: f.dataset.name, width: Math.round(f.getBoundingClientRect().width) })),
    );
    expect(frames.map((f) => f.name)).toEqual([
      'radiologues/enquete.html',
      'radiologues/enquete.pdf',
      'radiologues/newsletter.html',
      'radiologues/newsletter.html',
    ]);
    expect(frames.slice(2).map((f) => f.width)).toEqual([602, 377]);
    await page.close();
  });

  it('shows the edition’s tables in a tab of their own, reloaded on a save, and the workbook when it is downloaded', async () => {
    const tables = await fetch(`${origin}/tableaux.html`);
    expect(tables.status).toBe(200);
    expect(await tables.text()).toContain('<table');
    const article = await browser.newPage();
    await article.goto(desk);
    const tab = await article.$eval('nav a:last-child', (a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(tab).toEqual(['Tableaux', '/__preview/desk?view=tables']);
    await article.close();
    // Opened in a page of its own rather than clicked: headless Chromium leaving a page with
    // a PDF in a frame hangs about one time in two (the same with the article tabs).
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.goto(`${origin}${tab[1]}`);
    expect(await page.$$eval('iframe', (fs) => fs.map((f) => f.dataset.name))).toEqual([
      'tableaux.html',
    ]);
    const download = await page.$eval('a[download]', (a) => a.getAttribute('href'));
    expect(download).toBe('/tableaux.xlsx');
    const shows = (label: string) =>
      page.waitForFunction(
        (l) =>
          (document.querySelector('iframe')?.contentDocument?.body?.textContent ?? '').includes(l),
        { timeout: 30_000 },
        label,
      );
    await shows('Cadres de santé');
    // Saved as an editor would: the frame reloads itself, the desk stays.
    await page.evaluate(() => Object.assign(window, { sameDesk: true }));
    const good = await readFile(config(), 'utf8');
    await writeFile(
      config(),
      good.replace('label: "Cadres de santé", where', 'label: "Encadrement soignant", where'),
    );
    await shows('Encadrement soignant');
    expect(await page.evaluate(() => 'sameDesk' in window)).toBe(true);

    // Made when it is asked for, from the edition the desk shows.
    const workbook = await fetch(`${origin}${download}`);
    expect(workbook.status).toBe(200);
    expect(workbook.headers.get('content-type')).toContain('spreadsheetml');
    const book = XLSX.read(Buffer.from(await workbook.arrayBuffer()));
    const cells = book.SheetNames.flatMap((n) =>
      XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[n] as XLSX.WorkSheet, { header: 1 }).flat(),
    );
    expect(cells.some((c) => String(c).includes('Encadrement soignant'))).toBe(true);

    await writeFile(config(), good);
    // Put back before the next test saves: the tables come last, so this build is over.
    await until(async () => {
      const html = await (await fetch(`${origin}/tableaux.html`)).text();
      return !html.includes('Encadrement soignant') || undefined;
    }, 30_000);
    await page.close();
  }, 90_000);

  it('tells a page what was saved between serving it and its events connecting', async () => {
    const sinceOf = (html: string) =>
      html.match(/__preview\/events\?since=([0-9a-f]+\.\d+)/)?.[1] ?? 'none';
    const served = await webPage();
    const before = sinceOf(served);
    expect(before).not.toBe('none');
    const text = await readFile(article(), 'utf8');
    await writeFile(
      article(),
      text.replace('Voici ce qu', 'Phrase du dernier moment. Voici ce qu'),
    );
    const after = await servedWhen((html) =>
      html.includes('Phrase du dernier moment') ? sinceOf(html) : undefined,
    );
    // The page served before the save learns it on connecting; the page served after does not.
    const late = await firstEvent(`${origin}/__preview/events?since=${before}`);
    expect(late.changed).toContain('radiologues/enquete.html');
    const fresh = await firstEvent(`${origin}/__preview/events?since=${after}`);
    expect(fresh.changed).not.toContain('radiologues/enquete.html');
    expect(fresh.error).toBeNull();
    // Each event carries the version it brings the page to; a reconnecting stream sends back the last.
    expect(late.id).toBe(after);
    const reconnected = await firstEvent(`${origin}/__preview/events?since=${before}`, {
      'Last-Event-ID': after,
    });
    expect(reconnected.changed).toEqual([]);
    // A page served by an earlier preview on the same port (restarted, the tab kept) reloads.
    const earlierRun = await firstEvent(
      `${origin}/__preview/events?since=ffffffff.${after.split('.')[1]}`,
    );
    expect(earlierRun.changed).toContain('radiologues/enquete.html');

    // In the browser: the page as it was served before the save reloads itself on connecting.
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    let first = true;
    page.on('request', (r) => {
      if (first && r.url() === web()) {
        first = false;
        void r.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: served });
      } else void r.continue();
    });
    await page.goto(web());
    await page.waitForFunction(
      () => (document.body.textContent ?? '').includes('Phrase du dernier moment'),
      { timeout: 20_000 },
    );
    expect(first).toBe(false);
    await page.close();

    await writeFile(article(), text);
    await servedWhen((html) => !html.includes('Phrase du dernier moment') || undefined);
  }, 60_000);

  it('reloads the open page on an article edit, shows a broken config in it, and recovers', async () => {
    const page = await browser.newPage();
    await page.goto(web());
    await edit(article(), (t) =>
      t.replace('Voici ce qu', 'Phrase témoin de l’aperçu. Voici ce qu'),
    );
    await page.waitForFunction(
      () => (document.body.textContent ?? '').includes('Phrase témoin de l’aperçu'),
      {
        timeout: 20_000,
      },
    );

    const good = await readFile(config(), 'utf8');
    await writeFile(config(), good.replace('edition:', 'edition: ['));
    const panel = await page.waitForSelector(PANEL, { timeout: 20_000 });
    const shown = (await panel?.evaluate((p) => p.textContent)) ?? '';
    // Located as the command line says it: the same problems, file, line and column.
    const { code, stderr: cli } = await enquete(['check', edition]);
    expect(code).toBe(1);
    const firstProblem = cli.split('\n').find((l) => l.includes('edition.yaml:')) ?? 'none';
    expect(firstProblem).not.toBe('none');
    expect(shown).toContain(firstProblem.trim());
    // The last good page stays readable beneath.
    expect(await page.evaluate(() => document.body.textContent ?? ''), stderr).toContain(
      'Phrase témoin',
    );

    await writeFile(config(), good);
    await page.waitForFunction((sel) => !document.querySelector(sel), { timeout: 20_000 }, PANEL);
    expect(await page.evaluate(() => document.body.textContent ?? ''), stderr).toContain(
      'Phrase témoin',
    );
    await page.close();
  }, 90_000);

  it('shows a misspelt figure id located in the article, and a half-written export, without stopping', async () => {
    const text = await readFile(article(), 'utf8');
    await writeFile(
      article(),
      text.replace('usage.oui.share.radiologues"', 'usage.oui.share.radiolgues"'),
    );
    const typo = await servedWhen((html) =>
      html.includes('id="enquete-preview-error"') ? html : undefined,
    );
    expect(typo).toMatch(/articles\/radiologues\.md:\d+/);
    expect(typo).toContain('radiolgues');
    await writeFile(article(), text);

    const csv = await readFile(path.join(edition, 'responses.csv'));
    await writeFile(path.join(edition, 'responses.csv'), csv.subarray(0, 1500));
    const partial = await servedWhen((html) =>
      html.includes('id="enquete-preview-error"') && html.includes('responses.csv')
        ? html
        : undefined,
    );
    expect(partial).toContain('responses.csv');
    await writeFile(path.join(edition, 'responses.csv'), csv);
    await servedWhen((html) => !html.includes('id="enquete-preview-error"') || undefined);
    expect(child.exitCode).toBeNull();
  }, 60_000);

  it('answers 404 to anything outside the outputs', async () => {
    await symlink('/etc', path.join(edition, 'articles', 'lien'));
    for (const p of [
      '/../../../../etc/passwd',
      '/radiologues/../../edition.yaml',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/radiologues/%2e%2e/%2e%2e/etc/passwd',
      '//etc/passwd',
      '/%2Fetc%2Fpasswd',
      '/..%5c..%5cetc%5cpasswd',
      '/edition.yaml',
      '/articles/lien/passwd',
      '/lien/passwd',
      '/radiologues/enquete.html%00.png',
      '/__preview/../radiologues/enquete.html',
    ]) {
      const { status, body } = await rawGet(origin, p);
      expect(status, p).toBe(404);
      expect(body, p).not.toContain('root:');
    }
    const { status } = await rawGet(origin, '/radiologues/enquete.html');
    expect(status).toBe(200);
  });

  it('stops on Ctrl-C: the server, the watcher, Chromium and the drawing thread, nothing left', async () => {
    const pid = child.pid as number;
    const running = descendants(pid);
    expect(running.length).toBeGreaterThan(0); // Chromium
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    await until(() => running.every((p) => !alive(p)) || undefined, 10_000);
    await expect(fetch(web())).rejects.toThrow();
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
