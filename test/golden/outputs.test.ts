/**
 * Golden outputs, made in memory by the build's own composition and runner
 * (no browser, no thread, no file written): the 2024 article's web page and
 * e-mail (its HTML and its plain text), and one chart of each kind as drawn
 * for print, compared with the files checked in under test/golden/output/. A change to a template, a
 * style, a kind or a figure shows here as a difference, located by line.
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/golden/outputs.test.ts   rewrites them, to review in git diff.
 *
 * The web page's embedded fonts are left out (their bytes are the font
 * packages', not ours).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderedChart, SvgJob } from '../../src/charts/draw.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { renderPng, renderSvgs } from '../../src/charts/render.js';
import { composeArticles, editionBuildOf } from '../../src/compose/compose.js';
import { silentLog } from '../../src/log.js';
import { noChromium } from '../../src/outputs/chromium.js';
import { composeNewsletter } from '../../src/outputs/email.js';
import type { Tools } from '../../src/outputs/recipe.js';
import { RENDER_ONLY, runRecipes } from '../../src/outputs/run.js';
import type { OutputFile } from '../../src/outputs/write.js';
import { BASE_URL } from '../helpers/build.js';

const GOLDEN = 'test/golden/output';

/** The chart drawings, in this process. */
const drawHere = {
  svgs: (jobs: readonly SvgJob[]) => Promise.all(jobs.map((j) => renderSvgs(j.spec, j.widths))),
};

/** The recipes' tools, in this process: no browser is asked for, the e-mail is made here. */
const tools: Tools = {
  chromium: noChromium('the golden outputs print nothing'),
  offload: {
    svgs: drawHere.svgs,
    newsletter: (job) => composeNewsletter(job),
    pngs: async (jobs) => jobs.map((j) => renderPng(j.svg, j.widthPx).bytes),
    workbook: async (tables, method) =>
      (await import('../../src/outputs/workbook.js')).surveyWorkbook(tables, method),
  },
  log: silentLog,
};

/** The files of these recipes only (every other page is still rendered), and every chart drawn. */
async function made(editionFolder: string, recipes: string[]) {
  const composed = await composeArticles({ editionFolder, baseUrl: BASE_URL }, drawHere, silentLog);
  const files = await runRecipes(composed.builds, editionBuildOf(composed), tools, {
    printEdition: false,
    make: (recipe, page, build) =>
      recipes.includes(recipe.id)
        ? recipe.files(page, build, tools)
        : RENDER_ONLY(recipe, page, build),
  });
  const kinds = new Map(
    composed.analysed.edition.config.articles.flatMap((a) => a.charts.map((c) => [c.id, c.kind])),
  );
  return {
    files,
    charts: composed.builds.flatMap((b) =>
      b.charts.map((chart) => ({ kind: kinds.get(chart.id) as string, chart })),
    ),
  };
}

let files2024: OutputFile[];
const charts: { kind: string; chart: RenderedChart }[] = [];

beforeAll(async () => {
  const [a, b, c2026] = await Promise.all([
    made('data/2024', ['web', 'newsletter']),
    made('test/fixtures/editions/2025', []),
    made('test/fixtures/editions/2026', []),
  ]);
  files2024 = a.files;
  for (const c of [...a.charts, ...b.charts, ...c2026.charts])
    if (!charts.some((x) => x.kind === c.kind)) charts.push(c);
});

/** The file as text, fonts left out. */
function text(name: string): string {
  const file = files2024.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name} among ${files2024.map((f) => f.name).join(', ')}`);
  const content =
    typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString();
  return content.replace(/(data:font\/woff2;base64,)[A-Za-z0-9+/=]+/g, '$1…');
}

/** Where two texts first part, tags on lines of their own: null when they are the same. */
function firstDifference(got: string, golden: string): string | null {
  if (got === golden) return null;
  const lines = (t: string) => t.replaceAll('><', '>\n<').split('\n');
  const [a, b] = [lines(golden), lines(got)];
  const at = a.findIndex((line, i) => line !== b[i]);
  const line = at === -1 ? a.length : at;
  return `first difference at tag line ${line + 1}:\n- ${a[line] ?? '(end)'}\n+ ${b[line] ?? '(end)'}`;
}

async function matchesGolden(name: string, got: string): Promise<void> {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) await writeFile(file, got);
  const golden = await readFile(file, 'utf8').catch(() => '');
  expect(firstDifference(got, golden), `${file} (UPDATE_GOLDEN=1 rewrites it)`).toBeNull();
}

describe('the golden outputs', () => {
  it('the 2024 web article', async () => {
    await matchesGolden('manipulateurs_cadres.html', text('manipulateurs_cadres/enquete.html'));
  });

  it('the 2024 e-mail', async () => {
    await matchesGolden(
      'manipulateurs_cadres.newsletter.html',
      text('manipulateurs_cadres/newsletter.html'),
    );
  });

  it('the 2024 e-mail as plain text: each chart its title, its numbers line by line, its note', async () => {
    await matchesGolden(
      'manipulateurs_cadres.newsletter.txt',
      text('manipulateurs_cadres/newsletter.txt'),
    );
  });

  it('one chart of each kind, as printed', async () => {
    expect(charts.map((c) => c.kind).sort()).toEqual(CHART_KINDS.map((k) => k.kind).sort());
    for (const { kind, chart } of charts)
      await matchesGolden(`${kind}.svg`, chart.drawings.print.svg);
  });
});
