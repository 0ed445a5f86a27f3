/**
 * The main thread's handle on the build's other threads: the drawing thread
 * (charts, e-mails, PNGs) and the PNG threads, as many as the machine has
 * cores besides the main thread's, started at the first PNG. A PNG goes to
 * whichever thread is free, so every core draws while Chromium prints.
 * What was drawn before is not drawn again: PNGs are remembered for the
 * process (the preview asks for them on every save) and, with a cache
 * (cache.ts), chart SVGs, PNGs, the workbook and the printed PDFs are read
 * from earlier builds.
 *
 * Should a thread die, every pending request is rejected with an error the
 * user can read, and so is every later one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SvgJob } from '../charts/draw.js';
import { EnvironmentError } from '../errors.js';
import { environment } from '../messages/index.js';
import type { NewsletterJob, NewsletterResult } from '../outputs/email.js';
import type { Kept, Offload } from '../outputs/recipe.js';
import { browserIdentity, cacheKey, type DrawingCache, NO_CACHE } from './cache.js';
import { Memo } from './memo.js';
import type { Reply, Request, Role } from './protocol.js';

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export interface DrawingWorker extends Offload, Kept {
  /** Each chart's drawings, in the order of its job's widths. */
  svgs(jobs: SvgJob[]): Promise<string[][]>;
  /** Every thread stopped, once the cache has what was drawn. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  /** Drawings kept between builds: none by default (the build passes its cache folder's). */
  cache?: DrawingCache;
  /** PNG threads besides the drawing thread: the cores the main thread leaves, at least one. */
  pngThreads?: number;
}

/** PNGs a thread is given at once: the next one is there when it finishes, even while the main thread is busy. */
const AHEAD = 2;

export function startWorker(options: WorkerOptions = {}): DrawingWorker {
  const cache = options.cache ?? NO_CACHE;
  const threads = new Threads();
  const drawing = threads.start('drawing');
  const pool = new PngPool(drawing, () =>
    Array.from({ length: options.pngThreads ?? Math.max(1, availableParallelism() - 1) }, () =>
      threads.start('png'),
    ),
  );
  // A thread's own requests over, it has room for PNGs again.
  const ask = <T>(thread: Thread, request: RequestBody) =>
    thread.ask<T>(request).finally(() => pool.give()) as Promise<T>;
  const remembered = new Memo<Promise<Uint8Array>>(500);
  let browser: Promise<string> | undefined;
  const png = (svg: string, widthPx: number): Promise<Uint8Array> => {
    const key = cacheKey('png', [svg, widthPx]);
    return (
      remembered.get(key) ??
      remembered.set(
        key,
        fromCache(cache, key, () => pool.draw(svg, widthPx)),
      )
    );
  };
  return {
    svgs: (jobs) => {
      // Their resvg loads while the charts are drawn: the first PNG is not kept waiting for it.
      pool.start();
      return svgs(jobs, cache, (missing) => ask(drawing, { kind: 'svg', jobs: missing }));
    },
    pngs: (jobs) => Promise.all(jobs.map((j) => png(j.svg, j.widthPx))),
    async newsletter(job: NewsletterJob) {
      const pngs = await Promise.all(job.charts.map((c) => png(c.svg, job.pngWidth)));
      return ask<NewsletterResult>(drawing, { kind: 'newsletter', job, pngs });
    },
    // The longest job of a PNG thread, which yields to Chromium: the main thread renders the pages meanwhile.
    workbook: (tables, method) =>
      fromCache(cache, cacheKey('xlsx', [tables, method]), () =>
        ask(pool.start()[0] as Thread, { kind: 'workbook', tables, method }),
      ),
    pdf: async (from, print) => {
      browser ??= browserIdentity();
      const key = cacheKey('pdf', [await browser, from]);
      const found = await cache.get(key);
      if (found) return found;
      const { pdf, keep } = await print();
      if (keep) cache.put(key, pdf);
      return pdf;
    },
    stop: async () => {
      await cache.settled();
      await threads.stop();
    },
  };
}

/** The drawings kept of these jobs, the others drawn (`draw`) and kept. */
async function svgs(
  jobs: SvgJob[],
  cache: DrawingCache,
  draw: (missing: SvgJob[]) => Promise<string[][]>,
): Promise<string[][]> {
  const keys = jobs.map((j) => cacheKey('svg', j));
  const kept = await Promise.all(keys.map((k) => cache.get(k)));
  const found = kept.map((bytes) => (bytes ? parsedSvgs(bytes) : undefined));
  const missing = jobs.filter((_, i) => found[i] === undefined);
  const drawn = missing.length > 0 ? await draw(missing) : [];
  let next = 0;
  return found.map((svgs, i) => {
    if (svgs) return svgs;
    const made = drawn[next++] as string[];
    cache.put(keys[i] as string, JSON.stringify(made));
    return made;
  });
}

/** A kept entry's drawings; undefined if it is not a list of SVGs (then they are drawn again). */
function parsedSvgs(bytes: Uint8Array): string[] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return Array.isArray(value) && value.every((s) => typeof s === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

async function fromCache(
  cache: DrawingCache,
  key: string,
  make: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const kept = await cache.get(key);
  if (kept) return kept;
  const made = await make();
  cache.put(key, made);
  return made;
}

/**
 * PNGs to draw, each given to the first thread with room for it (AHEAD at a
 * time): a thread has none while it does something else (the drawing
 * thread's charts and e-mails, a PNG thread's workbook). The PNG threads are
 * started with the first chart drawn, or the first PNG.
 */
class PngPool {
  private readonly waiting: { svg: string; widthPx: number; done: Settle<Uint8Array> }[] = [];
  private threads: Thread[] | undefined;

  constructor(
    private readonly drawing: Thread,
    private readonly startThreads: () => Thread[],
  ) {}

  /** The PNG threads, started now if they are not yet. */
  start(): Thread[] {
    this.threads ??= [...this.startThreads(), this.drawing];
    return this.threads;
  }

  draw(svg: string, widthPx: number): Promise<Uint8Array> {
    this.start();
    return new Promise((resolve, reject) => {
      this.waiting.push({ svg, widthPx, done: { resolve, reject } });
      this.give();
    });
  }

  /** Hand the waiting PNGs to the threads with room for them. */
  give(): void {
    for (const thread of this.threads ?? []) {
      const room = thread.others > 0 ? 0 : AHEAD - thread.pngs;
      for (let i = 0; i < room && this.waiting.length > 0; i++) {
        const { svg, widthPx, done } = this.waiting.shift() as PngPool['waiting'][number];
        thread.pngs++;
        thread
          .ask<Uint8Array>({ kind: 'png', svg, widthPx })
          .then(done.resolve, done.reject)
          .finally(() => {
            thread.pngs--;
            this.give();
          });
      }
    }
  }
}

interface Settle<T> {
  resolve: (value: T) => void;
  reject: (e: Error) => void;
}

/** The threads of one build: any dying makes every pending and later request fail, with one error. */
class Threads {
  private readonly all: Thread[] = [];
  dead: EnvironmentError | null = null;

  start(role: Role): Thread {
    const thread = new Thread(role, this);
    this.all.push(thread);
    return thread;
  }

  die(cause: unknown): void {
    this.dead ??= new EnvironmentError(environment.workerDied(firstLine(cause)), { cause });
    for (const thread of this.all) thread.failAll(this.dead);
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((t) => t.stop()));
  }
}

class Thread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Settle<unknown>>();
  private next = 0;
  /** PNGs given to it and not yet drawn. */
  pngs = 0;

  constructor(
    readonly role: Role,
    private readonly threads: Threads,
  ) {
    this.worker = new Worker(new URL('./entry.js', import.meta.url), { workerData: { role } });
    this.worker.on('message', (reply: Reply) => this.answer(reply));
    this.worker.on('error', (e) => threads.die(e));
    this.worker.on('exit', (code) => threads.die(new Error(`it exited with code ${code}`)));
  }

  /** Its requests under way other than PNGs. */
  get others(): number {
    return this.pending.size - this.pngs;
  }

  ask<T>(request: RequestBody): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.threads.dead) return reject(this.threads.dead);
      const id = this.next++;
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private answer(reply: Reply): void {
    const p = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (!p) return;
    if (reply.ok) p.resolve(reply.value);
    else {
      const e = new Error(reply.message);
      e.stack = reply.stack;
      p.reject(e);
    }
  }
}

function firstLine(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] as string) : String(e);
}
