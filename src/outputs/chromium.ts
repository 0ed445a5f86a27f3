/**
 * One browser per build, started as soon as the build knows its input is
 * sound (config read, export read, figures computed), so its start-up (about
 * a second) overlaps drawing the charts, and a build that fails on its input
 * never starts it. Any number of pages print in it, each in a tab of its
 * own (opened one after another); the first tab is opened while the build is still drawing.
 *
 * A failed start is retried once, a hung one times out. Closing never waits
 * for the browser to finish starting: its whole process group is killed and
 * its profile removed at once, so a build that fails on its input exits as
 * soon as it has said why, and a stopped build (Ctrl-C) leaves nothing.
 *
 * The browser lives and dies with the build: it is driven over a pipe
 * (devtools-pipe.ts), so it exits when the build dies by any means, and its
 * profile, named after the build's process, is removed by the watch the
 * build leaves behind it (cleanup.ts), or at the latest by the next build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser, ConnectOptions, Page } from 'puppeteer-core';
import { onAbort, processAlive } from '../cleanup.js';
import { EnvironmentError } from '../errors.js';
import { environment } from '../messages/index.js';
import { CHROMIUM_ARGS, findBrowser } from './browser.js';
import { DevToolsPipe } from './devtools-pipe.js';

/** How long Chromium may take to start; ENQUETE_CHROMIUM_TIMEOUT_MS overrides it (tests use a short one). */
export const START_TIMEOUT_MS = Number(process.env.ENQUETE_CHROMIUM_TIMEOUT_MS) || 30_000;

export interface Chromium {
  /**
   * A tab ready to print: JavaScript off, every request held for the printer
   * to allow or refuse. The caller closes it when printed.
   */
  tab(): Promise<Page>;
  /** Start the browser now (else at the first tab), so its start-up overlaps the caller's work. */
  warmUp(): void;
  /** How many browsers this build started (one, or two after a failed start). */
  readonly starts: number;
  close(): Promise<void>;
}

/** A browser that never starts, for what prints nothing (the check): a tab asked of it is refused, saying `why`. */
export function noChromium(why: string): Chromium {
  return {
    tab: () => Promise.reject(new Error(why)),
    warmUp: () => {},
    starts: 0,
    close: async () => {},
  };
}

interface Running {
  child: ChildProcess;
  pipe: DevToolsPipe;
}

/** A promise and the function that settles it: for what starts only once asked for. */
function whenAsked(): { asked: Promise<void>; ask: () => void } {
  let ask: () => void = () => {};
  const asked = new Promise<void>((resolve) => {
    ask = resolve;
  });
  return { asked, ask };
}

export function startChromium(timeoutMs = START_TIMEOUT_MS): Chromium {
  const browsers = new Browsers(timeoutMs);
  const { asked: launched, ask: launch } = whenAsked();
  const running = launched.then(() => findBrowser()).then((exe) => startTwice(browsers, exe));
  // An early failure is reported when a recipe asks for a tab, not as an unhandled rejection.
  running.catch(() => {});
  // Puppeteer loads while the browser starts, not once it is up: the first print waits for neither.
  const driver = launched.then(loadPuppeteer);
  driver.catch(() => {});
  const connected = running.then(async (r) => connect(r, await driver));
  connected.catch(() => {});
  /**
   * Settled once the tab opened last is open: tabs are opened one after
   * another (their pages then load and print side by side). Several opened
   * at once, one of them numbered its page's nodes, and the tagged PDF's
   * element ids with them, one apart: the same page printed other bytes.
   * Opened in turn, a page prints the bytes it prints alone in the browser.
   */
  let opening: Promise<unknown> = Promise.resolve();
  const openTab = () => {
    const tab = opening.then(async () => readyToPrint(await (await connected).newPage()));
    opening = tab.catch(() => {});
    return tab;
  };
  let warm: Promise<Page> | null = null;
  const warmUp = () => {
    if (warm || browsers.closed) return;
    launch();
    warm = openTab();
    warm.catch(() => {});
  };
  return {
    warmUp,
    tab() {
      // Never launched and now closed, it never will be: say so rather than wait for it.
      if (browsers.closed && !warm) return Promise.reject(new Error('Chromium is closed'));
      warmUp();
      const t = warm as Promise<Page>;
      warm = null;
      return t;
    },
    get starts() {
      return browsers.starts;
    },
    async close() {
      void connected.then((b) => b.disconnect()).catch(() => {});
      await browsers.close();
    },
  };
}

/** The browser processes of one build: how many were started, and those still to stop. */
class Browsers {
  closed = false;
  starts = 0;
  private readonly live = new Set<Spawned>();

  constructor(private readonly timeoutMs: number) {}

  start(executable: string): Promise<Running> {
    if (this.closed) throw new Error('closed');
    this.starts++;
    const spawned = spawnChromium(executable, this.timeoutMs);
    this.live.add(spawned);
    spawned.ready.catch(() => this.live.delete(spawned));
    return spawned.ready;
  }

  private stopped: Promise<void> | undefined;

  /** Once: the build closes it when the last page is printed, and again on its way out. */
  close(): Promise<void> {
    this.closed = true;
    this.stopped ??= Promise.all([...this.live].map((s) => s.stop())).then(() => {});
    return this.stopped;
  }
}

/** A failed start is tried once more; a second failure says what to check. */
async function startTwice(browsers: Browsers, executable: string | null): Promise<Running> {
  if (!executable) throw new EnvironmentError(environment.noChromium());
  try {
    return await browsers.start(executable);
  } catch {
    try {
      return await browsers.start(executable);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new EnvironmentError(environment.chromiumFailedTwice(executable, why), { cause: e });
    }
  }
}

/** What the build asks of puppeteer: to drive a browser it started itself, over its pipe. */
interface Puppeteer {
  connect(options: ConnectOptions): Promise<Browser>;
}

/**
 * puppeteer-core's entry without its launcher: the main one also loads the
 * browser downloader, proxy agents and a JavaScript engine for proxy
 * scripts (1.9 MB of code), none of which connecting over a pipe runs. Its
 * classes are the main entry's; only its type declarations are apart.
 */
const loadPuppeteer = async () =>
  (await import('puppeteer-core/internal/puppeteer-core-browser.js'))
    .default as unknown as Puppeteer;

/** Puppeteer over the browser's pipe (loaded once the browser is launched: the build reads its input meanwhile). */
async function connect({ pipe }: Running, puppeteer: Puppeteer): Promise<Browser> {
  return puppeteer.connect({
    transport: pipe,
    defaultViewport: null,
    protocolTimeout: 60_000,
  });
}

/** JavaScript off, every request held for the printer to allow or refuse. */
async function readyToPrint(tab: Page): Promise<Page> {
  await tab.setJavaScriptEnabled(false);
  await tab.setRequestInterception(true);
  return tab;
}

interface Spawned {
  ready: Promise<Running>;
  /** Kill the process group and remove the profile; resolves when the browser has exited. */
  stop(): Promise<void>;
}

/**
 * Each profile holds the id of the process it belongs to (a file, not its
 * name: Chromium's socket paths inside it must stay short): one whose
 * process is gone is left over, and swept.
 */
export const PROFILE_PREFIX = 'enquete-chromium-';
const OWNER = 'owner';

function spawnChromium(executable: string, timeoutMs: number): Spawned {
  sweepProfiles();
  const profile = newProfile();
  const child = spawn(
    executable,
    [...CHROMIUM_ARGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'],
    {
      // Its log on stderr; the DevTools protocol on fds 3 (to it) and 4 (from it).
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so the whole tree (a wrapper script, Chromium's helpers) can be stopped at once.
      detached: true,
      // Its scratch files too (shared memory, sockets), so removing the profile removes everything it made.
      env: { ...process.env, TMPDIR: path.join(profile, 'tmp') },
    },
  );
  const pipe = new DevToolsPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const exited = new Promise<void>((resolve) => {
    if (child.pid === undefined) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  // On a signal, nothing can be awaited: the helpers killed a moment ago may still be writing, and
  // recreate folders of the profile, so it is removed a second time once they are surely gone.
  const undo = () => {
    killGroup(child, 'SIGKILL');
    child.stderr?.destroy();
    removeProfile(profile);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
    removeProfile(profile);
  };
  const forget = onAbort(undo, { kill: child.pid, remove: [profile] });
  const stop = async () => {
    killGroup(child, 'SIGKILL');
    // Its pipes would otherwise keep this process alive.
    for (const stream of child.stdio) stream?.destroy();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000).unref())]);
    // Removed in the background: the build writes its outputs meanwhile.
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(
      () => {},
    );
    forget();
  };
  return { ready: untilReady(child, pipe, timeoutMs, stop), stop };
}

/**
 * Chromium makes its singleton socket at <its TMPDIR>/org.chromium.Chromium.XXXXXX/SingletonSocket,
 * and a socket's path must fit in 103 bytes (macOS; 107 on Linux): past that it aborts at start.
 */
const SOCKET_PATH_MAX = 103;
const PROFILE_TO_SOCKET = `/${PROFILE_PREFIX}XXXXXX/tmp/org.chromium.Chromium.XXXXXX/SingletonSocket`;

/** Where profiles are made: the temporary folder, or /tmp when it is too deep for Chromium's socket. */
function profileRoot(): string {
  const root = tmpdir();
  return root.length + PROFILE_TO_SOCKET.length <= SOCKET_PATH_MAX ? root : '/tmp';
}

/** A profile folder of this process's own, with its scratch folder inside. */
function newProfile(): string {
  const profile = mkdtempSync(path.join(profileRoot(), PROFILE_PREFIX));
  writeFileSync(path.join(profile, OWNER), String(process.pid));
  mkdirSync(path.join(profile, 'tmp'));
  return profile;
}

/** Resolves once the browser answers on its pipe; rejects (and stops it) if it exits, fails or hangs. */
function untilReady(
  child: ChildProcess,
  pipe: DevToolsPipe,
  timeoutMs: number,
  stop: () => Promise<void>,
): Promise<Running> {
  return new Promise<Running>((resolve, reject) => {
    let log = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`${why}${log ? `\n${log.trim().split('\n').slice(-3).join('\n')}` : ''}`));
    };
    const timer = setTimeout(() => fail(environment.noAnswer(timeoutMs / 1000)), timeoutMs);
    timer.unref();
    const onError = (e: Error) => fail(e.message);
    const onExit = (code: number | null) => fail(environment.exited(code));
    child.on('error', onError);
    child.on('exit', onExit);
    // Kept until it is up, to say why it did not start; then no longer read.
    const keep = (chunk: Buffer) => {
      log += chunk.toString();
    };
    child.stderr?.on('data', keep);
    void pipe.ready().then(() => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      child.stderr?.off('data', keep);
      child.stderr?.resume();
      if (process.env.ENQUETE_TIMELINE)
        process.stderr.write(`  (Chromium ready at ${Math.round(performance.now())} ms)\n`);
      resolve({ child, pipe });
    });
  });
}

/** Profiles left by builds whose process is gone (killed before their watch could act). */
function sweepProfiles(): void {
  for (const root of new Set([tmpdir(), profileRoot()])) {
    let names: string[];
    try {
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(PROFILE_PREFIX)) continue;
      const profile = path.join(root, name);
      let owner = 0;
      try {
        owner = Number(readFileSync(path.join(profile, OWNER), 'utf8'));
      } catch {
        continue; // not one of ours, or being made
      }
      if (owner && !processAlive(owner)) removeProfile(profile);
    }
  }
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
