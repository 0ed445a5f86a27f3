/**
 * What the floor is made of, taken from the build itself: every page the
 * build prints, as it prints it (after its charts are placed, at the moment
 * Chromium is asked for the PDF), every PNG the build draws (the SVG and
 * the width in pixels), and every chart it lays out with vega. One build
 * runs with its own recipes, its own Chromium and its drawing thread; its
 * print tabs and its offload are watched, nothing else changes, and its
 * files are thrown away.
 *
 *   import { floorInputs } from './floor-inputs.mjs';
 *   const { pages, pngs, charts } = await floorInputs('data/2024');
 */
import { composeArticles, editionBuildOf } from '../dist/compose/compose.js';
import { silentLog } from '../dist/log.js';
import { startChromium } from '../dist/outputs/chromium.js';
import { runRecipes } from '../dist/outputs/run.js';
import { startWorker } from '../dist/worker/client.js';

/**
 * @returns {Promise<{ pages: string[], pngs: { svg: string, widthPx: number }[], charts: object[] }>}
 * `charts`: every chart the build lays out with vega (its Vega-Lite spec and
 * widths: the drawing thread's jobs), which the floor does not draw.
 */
export async function floorInputs(editionFolder) {
  const chromium = startChromium();
  const worker = startWorker();
  const pages = [];
  const pngs = [];
  const charts = [];
  // Each chart once, as a cold build draws it (the tables' page asks for its charts once for both its media).
  const seen = new Set();
  const svgs = (jobs) => {
    for (const job of jobs) {
      const key = JSON.stringify(job);
      if (!seen.has(key)) charts.push(job);
      seen.add(key);
    }
    return worker.svgs(jobs);
  };
  try {
    const composed = await composeArticles({ editionFolder }, { ...worker, svgs }, silentLog, {
      inputRead: () => chromium.warmUp(),
    });
    const tools = {
      chromium: { ...chromium, tab: async () => watched(await chromium.tab(), pages) },
      offload: {
        ...worker,
        svgs,
        pngs(jobs) {
          pngs.push(...jobs.map(({ svg, widthPx }) => ({ svg, widthPx })));
          return worker.pngs(jobs);
        },
        newsletter(job) {
          pngs.push(...job.charts.map((c) => ({ svg: c.svg, widthPx: job.pngWidth })));
          return worker.newsletter(job);
        },
      },
      log: silentLog,
    };
    await runRecipes(composed.builds, editionBuildOf(composed), tools);
  } finally {
    await Promise.all([chromium.close(), worker.stop()]);
  }
  return { pages, pngs, charts };
}

/** The tab, its page kept as it stands when the PDF is asked for (charts placed). */
function watched(tab, pages) {
  const pdf = tab.pdf.bind(tab);
  tab.pdf = async (options) => {
    pages.push(await tab.content());
    return pdf(options);
  };
  return tab;
}
