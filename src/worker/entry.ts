/**
 * The build's second thread. It loads the chart libraries while the main
 * thread reads the data, draws the SVGs, then, while Chromium prints the
 * PDF, the PNGs and the newsletter, so the main thread stays free to drive
 * the browser.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderPng, renderSvg } from '../charts/render.js';
import { chartSpec } from '../charts/specs.js';
import { useFrenchLocale } from '../charts/theme.js';
import type { NewsletterJob, NewsletterResult, Reply, Request, SvgJob } from './jobs.js';

useFrenchLocale();

async function drawSvgs(jobs: SvgJob[]): Promise<string[]> {
  const out: string[] = [];
  for (const job of jobs) out.push(await renderSvg(chartSpec(job.data, job.scaleMax)));
  return out;
}

async function newsletter(job: NewsletterJob): Promise<NewsletterResult> {
  // This runs while Chromium prints, which is the longer task: let it have the cores first.
  // On Linux the nice value applies to the calling thread only, so the main thread keeps its own.
  try {
    setPriority(19);
  } catch {
    // Not permitted here: the work still runs, only without yielding.
  }
  const { emlMessage, inlineStyles, plainText } = await import('../outputs/newsletter.js');
  const pngs = job.charts.map((c) => ({ name: c.pngFile, bytes: renderPng(c.svg).bytes }));
  const html = inlineStyles(job.html);
  const text = plainText(job.html);
  const eml = await emlMessage({
    html,
    text,
    subject: job.subject,
    from: job.from,
    date: job.date,
    imageBaseUrl: job.imageBaseUrl,
    images: pngs.map((p, i) => ({ id: job.charts[i]?.id as string, file: p.name, bytes: p.bytes })),
  });
  return { pngs, html, text, eml: new Uint8Array(eml) };
}

parentPort?.on('message', async (request: Request) => {
  let reply: Reply;
  try {
    const value =
      request.kind === 'svg' ? await drawSvgs(request.jobs) : await newsletter(request.job);
    reply = { id: request.id, ok: true, value };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { id: request.id, ok: false, message: err.message, stack: err.stack };
  }
  parentPort?.postMessage(reply);
});
