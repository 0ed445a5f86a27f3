/**
 * The build's second thread. It loads the chart libraries while the main
 * thread reads the data, draws the SVGs, then, while Chromium prints the
 * PDFs, the PNGs and the newsletters, so the main thread stays free to
 * drive the browser.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderPng, renderSvgs } from '../charts/render.js';
import { Memo } from './memo.js';
import type { Reply, Request } from './protocol.js';

const pngs = new Memo<Uint8Array>(500);
const png = (svg: string, widthPx: number) =>
  pngs.remember({ svg, widthPx }, () => renderPng(svg, widthPx).bytes);

let yielded = false;
/** The e-mails are made while Chromium prints, the longer task: let it have the cores first. */
function yieldToChromium(): void {
  if (yielded) return;
  yielded = true;
  // On Linux the nice value applies to the calling thread only, so the main thread keeps its own.
  try {
    setPriority(19);
  } catch {
    // Not permitted here: the work still runs, only without yielding.
  }
}

async function handle(request: Request): Promise<unknown> {
  if (request.kind === 'svg') {
    const out: string[][] = [];
    for (const job of request.jobs) out.push(await renderSvgs(job.spec, job.widths));
    return out;
  }
  yieldToChromium();
  if (request.kind === 'pngs') return Promise.all(request.jobs.map((j) => png(j.svg, j.widthPx)));
  const { composeNewsletter } = await import('../outputs/email.js');
  return composeNewsletter(request.job, png);
}

parentPort?.on('message', async (request: Request) => {
  let reply: Reply;
  try {
    reply = { id: request.id, ok: true, value: await handle(request) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { id: request.id, ok: false, message: err.message, stack: err.stack };
  }
  parentPort?.postMessage(reply);
});
