/**
 * A thread of the build. The drawing thread loads the chart libraries
 * while the main thread reads the data, draws the SVGs, then, while
 * Chromium prints, PNGs and the e-mails; a PNG thread loads resvg only and
 * draws PNGs, and the survey's workbook. The main thread stays free to
 * drive the browser.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Reply, Request, Role } from './protocol.js';

const role: Role = (workerData as { role?: Role } | undefined)?.role ?? 'drawing';
// Loaded at once, while the main thread reads the data: vega is the longest to load.
const charts = role === 'drawing' ? import('../charts/render.js') : undefined;
charts?.catch(() => {});
const png = import('../charts/png.js');
png.catch(() => {});

let yielded = false;
/** The PNGs and e-mails are made while Chromium prints, the longer task: let it have the cores first. */
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
    if (!charts) throw new Error('a PNG thread draws no chart');
    const { renderSvgs } = await charts;
    const out: string[][] = [];
    for (const job of request.jobs) out.push(await renderSvgs(job.spec, job.widths));
    return out;
  }
  yieldToChromium();
  if (request.kind === 'png') return (await png).renderPng(request.svg, request.widthPx).bytes;
  if (request.kind === 'workbook') {
    const { surveyWorkbook } = await import('../outputs/workbook.js');
    return surveyWorkbook(request.tables, request.method);
  }
  const { composeNewsletter } = await import('../outputs/email.js');
  const drawn = new Map(request.job.charts.map((c, i) => [c.svg, request.pngs[i]]));
  return composeNewsletter(request.job, (svg) => {
    const bytes = drawn.get(svg);
    if (!bytes) throw new Error('a chart of the e-mail came without its PNG');
    return bytes;
  });
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
