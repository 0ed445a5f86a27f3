/**
 * One browser per run, started before anything else: the CLI spawns
 * Chromium first thing, so its start-up (about a second) overlaps loading
 * the code, reading the data and drawing the charts. Puppeteer connects to
 * it only when the PDF is printed. A failed start is retried once, a hung
 * one times out, and the process is killed whatever happens: no orphan.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { EnvironmentError } from '../errors.js';
import { CHROMIUM_ARGS, findBrowser, INSTALL_HINT } from './browser.js';

/** How long Chromium may take to start; ENQUETE_CHROMIUM_TIMEOUT_MS overrides it (tests use a short one). */
export const START_TIMEOUT_MS = Number(process.env.ENQUETE_CHROMIUM_TIMEOUT_MS) || 30_000;

export interface Chromium {
  /**
   * A tab ready to print: JavaScript off, every request held for the printer
   * to allow or refuse. Connected and opened as soon as Chromium is up, while
   * the build is still drawing the charts.
   */
  printPage(): Promise<Page>;
  close(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  endpoint: string;
  profile: string;
}

export function startChromium(timeoutMs = START_TIMEOUT_MS): Chromium {
  const running = findBrowser().then(async (executable) => {
    if (!executable)
      throw new EnvironmentError('No Chromium or Chrome found to print the PDF.', INSTALL_HINT);
    try {
      return await spawnChromium(executable, timeoutMs);
    } catch {
      try {
        return await spawnChromium(executable, timeoutMs);
      } catch (e) {
        throw new EnvironmentError(
          `Chromium (${executable}) failed to start twice: ${e instanceof Error ? e.message : String(e)}`,
          `Check that it runs: \`${executable} --headless=new --no-sandbox --dump-dom about:blank\`. ${INSTALL_HINT}`,
        );
      }
    }
  });
  // An early failure is reported when the PDF stage asks for the browser, not as an unhandled rejection.
  running.catch(() => {});
  const connected = running.then(async ({ endpoint }) => {
    const puppeteer = await import('puppeteer');
    return puppeteer.default.connect({
      browserWSEndpoint: endpoint,
      defaultViewport: null,
      protocolTimeout: 60_000,
    });
  });
  const page = connected.then(async (browser) => {
    const tab = await browser.newPage();
    await tab.setJavaScriptEnabled(false);
    await tab.setRequestInterception(true);
    return tab;
  });
  page.catch(() => {});
  return {
    printPage: () => page,
    async close() {
      const r = await running.catch(() => null);
      if (!r) return;
      const b = await connected.catch(() => null);
      await b?.close().catch(() => {});
      await stop(r.child);
      r.child.stderr?.destroy();
      removeProfile(r.profile);
    },
  };
}

function spawnChromium(executable: string, timeoutMs: number): Promise<Running> {
  const profile = mkdtempSync(path.join(tmpdir(), 'enquete-chromium-'));
  const child = spawn(
    executable,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so the whole tree (a wrapper script, Chromium's helpers) can be stopped at once.
      detached: true,
    },
  );
  killOnExit(child);
  return new Promise<Running>((resolve, reject) => {
    let log = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      // Its log pipe would otherwise keep this process alive.
      child.stderr?.destroy();
      removeProfile(profile);
      reject(new Error(`${why}${log ? `\n${log.trim().split('\n').slice(-3).join('\n')}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    child.on('error', (e) => fail(e.message));
    child.on('exit', (code) => fail(`it exited (code ${code})`));
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.stderr?.removeAllListeners('data');
        child.stderr?.resume();
        if (process.env.ENQUETE_TIMELINE)
          process.stderr.write(`  (Chromium ready at ${Math.round(performance.now())} ms)\n`);
        resolve({ child, endpoint: m[1] as string, profile });
      }
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const grace = setTimeout(() => killGroup(child, 'SIGKILL'), 3_000);
  killGroup(child, 'SIGTERM');
  await exited;
  clearTimeout(grace);
}

const children = new Set<ChildProcess>();
/** Should the CLI die (Ctrl-C, uncaught error), take the browser with it. */
function killOnExit(child: ChildProcess): void {
  if (children.size === 0)
    process.once('exit', () => {
      for (const c of children) killGroup(c, 'SIGKILL');
    });
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** The profile is a scratch folder; Chromium's helpers may still be writing to it as it is removed. */
function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  } catch {
    // Left in the system's temporary folder, which the system cleans.
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}
