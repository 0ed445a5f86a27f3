/**
 * The main thread's handle on the worker: one promise per request, and an
 * end. Should the thread die, every pending request is rejected with an
 * error the user can read, and so is every later one.
 */
import { Worker } from 'node:worker_threads';
import type { SvgJob } from '../charts/draw.js';
import { EnvironmentError } from '../errors.js';
import { environment } from '../messages/index.js';
import type { NewsletterJob, NewsletterResult } from '../outputs/email.js';
import type { Offload } from '../outputs/recipe.js';
import type { Reply, Request } from './protocol.js';

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export interface DrawingWorker extends Offload {
  /** Each chart's drawings, in the order of its job's widths. */
  svgs(jobs: SvgJob[]): Promise<string[][]>;
  stop(): Promise<void>;
}

export function startWorker(): DrawingWorker {
  const worker = new Worker(new URL('./entry.js', import.meta.url));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let dead: EnvironmentError | null = null;
  let next = 0;
  worker.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (!p) return;
    if (reply.ok) p.resolve(reply.value);
    else {
      const e = new Error(reply.message);
      e.stack = reply.stack;
      p.reject(e);
    }
  });
  const die = (cause: unknown) => {
    dead ??= new EnvironmentError(environment.workerDied(firstLine(cause)), { cause });
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
  };
  worker.on('error', die);
  worker.on('exit', (code) => die(new Error(`it exited with code ${code}`)));
  const ask = <T>(request: RequestBody): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  return {
    svgs: (jobs) => ask<string[][]>({ kind: 'svg', jobs }),
    newsletter: (job: NewsletterJob) => ask<NewsletterResult>({ kind: 'newsletter', job }),
    pngs: (jobs) => ask<Uint8Array[]>({ kind: 'pngs', jobs }),
    stop: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

function firstLine(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] as string) : String(e);
}
