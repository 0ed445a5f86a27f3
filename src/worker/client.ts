/** The main thread's handle on the worker: one promise per request, and an end. */
import { Worker } from 'node:worker_threads';
import type { NewsletterJob, NewsletterResult, Reply, Request, SvgJob } from './jobs.js';

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export interface DrawingWorker {
  svgs(jobs: SvgJob[]): Promise<string[]>;
  newsletter(job: NewsletterJob): Promise<NewsletterResult>;
  stop(): Promise<void>;
}

export function startWorker(): DrawingWorker {
  const worker = new Worker(new URL('./entry.js', import.meta.url));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
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
  worker.on('error', (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  });
  const ask = <T>(request: RequestBody): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  return {
    svgs: (jobs) => ask<string[]>({ kind: 'svg', jobs }),
    newsletter: (job) => ask<NewsletterResult>({ kind: 'newsletter', job }),
    stop: async () => {
      await worker.terminate();
    },
  };
}
