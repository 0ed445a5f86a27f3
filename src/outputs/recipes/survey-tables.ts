/**
 * The whole survey at a glance, for the editors and the partners: every
 * question's topline and cross-tabs (tables/) as a page (tableaux.html, self
 * contained like the web article). survey-workbook.ts writes the same tables
 * as a workbook, survey-tables-pdf.ts prints the page.
 */

import { ownIds, planChart, type SvgJob } from '../../charts/draw.js';
import { chartKind } from '../../charts/kinds/index.js';
import { stages } from '../../messages/index.js';
import { type OutputItem, outputPath, relativeTo } from '../../paths.js';
import { formatLongDate } from '../../publication/french.js';
import { publication } from '../../publication/index.js';
import { sourceLine } from '../../render/context.js';
import { type QuestionChart, tablesView } from '../../render/tables-view.js';
import { questionChart, weekChart } from '../../tables/charts.js';
import type { EditionBuild, EditionRecipe, Offload } from '../recipe.js';

const PAGE = { edition: 'tables-html' } as const;

export const surveyTablesRecipe: EditionRecipe = {
  id: 'survey-tables',
  label: () => stages.surveyTables,
  page: { layout: 'tables', styles: ['base', 'web', 'tables'], fonts: true, medium: 'web' },
  async files(build, { offload }) {
    return [{ name: outputPath(PAGE), content: await tablesPage(build, offload, 'web') }];
  },
};

/** Draws the tables' charts: the build's drawing thread (the check's empty drawings). */
type Drawer = Pick<Offload, 'svgs'>;

/** Where the page is read: published beside the edition's other files, or printed (tableaux.pdf). */
export type TablesMedium = 'web' | 'print';

/**
 * The tables' page, as published or as printed, each question with its
 * chart. The two differ by their links (editionFileLink), so each recipe
 * renders its own; their charts are drawn once for both (drawnOnce).
 */
export async function tablesPage(
  build: EditionBuild,
  drawer: Drawer,
  medium: TablesMedium,
): Promise<string> {
  const { edition, templates, theme, tables } = build;
  return templates.render(surveyTablesRecipe.page as NonNullable<EditionRecipe['page']>, {
    theme: { publication: theme.publication, logo: theme.logo },
    source: sourceLine(edition.config),
    view: tablesView(
      tables(),
      editionFileLink(build, medium, { edition: 'free-text' }),
      await charts(build, drawer),
    ),
  });
}

/**
 * How the page links to another file of the edition. Published, relatively:
 * tableaux.html sits beside it, wherever the folder is served. Printed, by
 * its published address (baseUrl + its name, as the articles' links are:
 * run.ts, articleLinks): Chromium prints the page from a temporary folder
 * (pdf.ts) and would resolve a relative link against it, leaving
 * file:///tmp/enquete-print-…/free-text.csv in the PDF. A <base href> would
 * do it for every link but also turn the contents' #anchors into links to
 * the web page, out of the PDF.
 */
function editionFileLink(build: EditionBuild, medium: TablesMedium, to: OutputItem): string {
  return medium === 'print' ? build.baseUrl + outputPath(to) : relativeTo(PAGE, to);
}

/** The width the tables' charts are drawn at, shown at most that wide (tables.css). */
const CHART_WIDTH = 560;
/** The width drawn for a phone's column, shown there instead (tables.css), its text as legible. */
const NARROW_WIDTH = 330;

/** A chart's two drawings, narrow and wide, each with ids of its own. */
function sized([narrow, wide]: string[], id: string): Pick<QuestionChart, 'narrow' | 'wide'> {
  return {
    narrow: ownIds(narrow as string, `${id}-narrow`),
    wide: ownIds(wide as string, `${id}-wide`),
  };
}

/** A timestamp question's responses per week, drawn. */
async function weekDrawing(
  question: string,
  weeks: { week: string; count: number }[],
  drawer: Drawer,
): Promise<QuestionChart> {
  const svg = await drawnOnce(drawer, { spec: weekChart(weeks, CHART_WIDTH), widths: SIZES });
  const words = publication.surveyTablesPage;
  return {
    ...sized(svg, `tableau_${question}`),
    alt: words.weekAlt(weeks.map((w) => [formatLongDate(w.week), w.count] as const)),
    note: words.weekNote,
  };
}

/** Each chart's drawings, narrow then wide (its spec is the wide one's). */
const SIZES = [NARROW_WIDTH, CHART_WIDTH];

/**
 * Drawings by what they draw, for each drawer: the preview rebuilds the
 * tables on every save, and an article's edit changes none of them. The
 * last few are kept.
 */
const drawings = new WeakMap<Drawer, Map<string, Promise<string[]>>>();
const DRAWINGS_KEPT = 64;

function drawnOnce(drawer: Drawer, job: SvgJob): Promise<string[]> {
  let kept = drawings.get(drawer);
  if (!kept) {
    kept = new Map();
    drawings.set(drawer, kept);
  }
  const key = JSON.stringify(job);
  let drawing = kept.get(key);
  if (!drawing) {
    drawing = drawer.svgs([job]).then(([svgs]) => svgs as string[]);
    const known = kept;
    drawing.catch(() => known.delete(key));
    kept.set(key, drawing);
    if (kept.size > DRAWINGS_KEPT) kept.delete(kept.keys().next().value as string);
  }
  return drawing;
}

/** Each question's chart (tables/charts.ts), drawn by `drawer`: two drawings each, narrow and wide. */
async function charts(
  { edition, index, tables }: EditionBuild,
  drawer: Drawer,
): Promise<Map<string, QuestionChart>> {
  const { config } = edition;
  const perWeek = new Map(
    tables().questions.flatMap((q) => (q.perWeek ? [[q.id, q.perWeek]] : [])),
  );
  const drawn = await Promise.all(
    config.questions.map(async (q): Promise<[string, QuestionChart] | undefined> => {
      const weeks = perWeek.get(q.id);
      if (weeks && weeks.length > 0) return [q.id, await weekDrawing(q.id, weeks, drawer)];
      const chart = questionChart(q);
      if (!chart) return undefined;
      const { data } = planChart(chart, config, index, chart.title);
      if (data.rows.length === 0) return undefined;
      const kind = chartKind(data.kind);
      const svg = await drawnOnce(drawer, { spec: kind.spec(data, CHART_WIDTH), widths: SIZES });
      return [
        q.id,
        {
          ...sized(svg, chart.id),
          alt: kind.alt(chart.title, data),
          note: data.baseNote,
        },
      ];
    }),
  );
  return new Map(drawn.filter((d): d is [string, QuestionChart] => d !== undefined));
}

export function tablesTitle({ tables }: EditionBuild): string {
  return publication.surveyTablesPage.title(tables().survey);
}
