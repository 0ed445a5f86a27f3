/**
 * Every article of the edition read once, on record, before anything is
 * drawn or printed: its dek and chart titles rendered, its charts planned,
 * its body rendered with the audit (its claims, the figures it prints, its
 * key figures, every problem located and gathered), the roundings checked,
 * then what a new year may have broken (lint/). The articles not rebuilt
 * are read too: claims.json and the warnings are the whole edition's.
 */
import type { Analysed } from '../analyse.js';
import { figureId, type MeanFigure } from '../analysis/figures.js';
import {
  type PlannedChart,
  planChart,
  type RenderedChart,
  undrawn,
  unplannable,
} from '../charts/draw.js';
import type { Edition } from '../edition/load.js';
import { InputError, type Problem } from '../errors.js';
import { type FigureIndex, FigureProblem } from '../format/figure-index.js';
import { type LintInput, lintEdition } from '../lint/index.js';
import { templates as say, tasks, where } from '../messages/index.js';
import { Audit } from '../render/audit.js';
import type { ArticleContext } from '../render/context.js';
import { checkEveryBranch } from '../render/every-branch.js';
import { HELPER_DOCS } from '../render/helper-docs.js';
import { typedTags } from '../render/markdown.js';
import { auditArticle, bodyPlace, type PreparedArticle, prepareArticle } from '../render/pages.js';
import { precisionProblems } from '../render/precision.js';
import { inlineTexts } from '../render/texts.js';
import type { Materials } from './materials.js';

export interface Audited {
  prepared: PreparedArticle[];
  /** Each article's charts, planned (data, alt text, table), in the order of `prepared`. */
  planned: PlannedChart[][];
  audit: Audit;
  warnings: Problem[];
}

export async function auditArticles(
  analysed: Analysed,
  { index, templates, precision }: Materials,
  contextOf: (p: PreparedArticle, charts: RenderedChart[]) => ArticleContext,
  /** Told the charts as soon as all are planned, before the texts are read through: they can be drawn meanwhile. */
  plannedCharts?: (prepared: PreparedArticle[], planned: PlannedChart[][]) => void,
): Promise<Audited> {
  const { edition } = analysed;
  const audit = new Audit();
  const prepared = await Promise.all(
    edition.config.articles.map((a) => prepareArticle(edition, a, templates, audit)),
  );
  const planned = prepared.map((p) => planArticleCharts(p, edition, index, audit));
  if (audit.problems.length === 0) plannedCharts?.(prepared, planned);
  for (const [i, p] of prepared.entries())
    auditArticle(p, contextOf(p, (planned[i] as PlannedChart[]).map(undrawn)), audit);
  for (const p of prepared) checkEveryFigure(p, edition, index, audit);
  audit.add(...prepared.flatMap(htmlTyped));
  audit.add(...precisionProblems(precision.asks, printedMeans(audit, planned.flat(), index)));
  if (audit.problems.length > 0) throw new InputError(tasks.renderArticle, audit.problems);
  const warnings = lintEdition(lintInputOf(analysed, index, audit, prepared, planned));
  return { prepared, planned, audit, warnings };
}

/**
 * Every figure and chart the texts name, in every branch (the body, the dek
 * and the chart titles): those of the branches this year's data did not take
 * are checked now rather than the year the data turns.
 */
function checkEveryFigure(
  p: PreparedArticle,
  edition: Edition,
  index: FigureIndex,
  audit: Audit,
): void {
  const helpers = new Set(Object.keys(HELPER_DOCS));
  const charts = p.article.charts.map((c) => c.id);
  checkEveryBranch(p.body.compiled, bodyPlace(p), helpers, index, audit, charts);
  for (const t of inlineTexts(edition, p.article))
    if (t.part !== 'title') checkEveryBranch(t.text, t, helpers, index, audit);
}

/** HTML typed in a Markdown article, which would print as text: one problem per line. */
function htmlTyped(p: PreparedArticle): Problem[] {
  if (!p.body.file.endsWith('.md')) return [];
  return typedTags(p.body.source).map(({ line, column, tags }) => ({
    file: p.body.file,
    line,
    column: column + 1,
    ...say.htmlInMarkdown(tags),
  }));
}

/**
 * An article's charts planned from the figures. A chart that cannot be
 * (a group with no respondent, a change that no longer compares) is a
 * problem located at the chart in edition.yaml, and a placeholder meanwhile
 * so that the rest of the article is checked too.
 */
function planArticleCharts(
  p: PreparedArticle,
  edition: Edition,
  index: FigureIndex,
  audit: Audit,
): PlannedChart[] {
  const at = edition.config.articles.indexOf(p.article);
  return p.article.charts.map((c, j) => {
    const title = p.chartTitles.get(c.id) ?? c.id;
    try {
      return planChart(c, edition.config, index, title);
    } catch (e) {
      if (!(e instanceof FigureProblem)) throw e;
      audit.add({
        file: edition.configFile,
        ...edition.locate(['articles', at, 'charts', j]),
        where: `${where.chart(c.id)}, ${where.figure(e.figureId)}`,
        ...e.complaint,
      });
      return unplannable(c.id, c.kind, title);
    }
  });
}

/**
 * The means the outputs print: by the articles' helpers and on the charts,
 * and last year's that `before` prints (with last year's base).
 */
function printedMeans(audit: Audit, planned: PlannedChart[], index: FigureIndex): MeanFigure[] {
  const ids = new Set([
    ...audit.printed.map((p) => p.figure),
    ...planned.flatMap((c) => c.data.rows.map((r) => r.figureId)),
  ]);
  const before = audit.printed.flatMap((p) => {
    const f = index.find(p.figure);
    const change = index.find(figureId.change(p.figure));
    if (p.helper !== 'before' || f?.kind !== 'mean' || change?.kind !== 'change') return [];
    return [{ ...f, base: change.from.base ?? 0 }];
  });
  return [
    ...[...ids].flatMap((id) => {
      const f = index.find(id);
      return f?.kind === 'mean' ? [f] : [];
    }),
    ...before,
  ];
}

/** What the new-year rules read (lint/input.ts). */
function lintInputOf(
  { edition, ingested, membership, previous }: Analysed,
  index: FigureIndex,
  audit: Audit,
  prepared: PreparedArticle[],
  planned: PlannedChart[][],
): LintInput {
  const { config } = edition;
  return {
    edition,
    respondents: { config, responses: ingested.responses, membership },
    ...(previous && {
      previous: {
        config: previous.edition.config,
        responses: previous.ingested.responses,
        membership: previous.membership,
      },
    }),
    index,
    audit,
    charts: prepared.flatMap((p, i) =>
      p.article.charts.map((chart, j) => ({
        article: p.article,
        chart,
        planned: (planned[i] as PlannedChart[])[j] as PlannedChart,
        at: ['articles', config.articles.indexOf(p.article), 'charts', j],
      })),
    ),
    texts: prepared.flatMap((p) => [
      {
        article: p.article.slug,
        file: p.body.file,
        firstLine: 1,
        firstColumn: 1,
        part: 'body',
        text: p.body.source,
      },
      ...inlineTexts(edition, p.article),
    ]),
  };
}
