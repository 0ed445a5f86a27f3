/**
 * The article context every layout renders from: edition metadata, the
 * article's text rendered for one output, its charts and the methodology
 * facts. Everything here is computed once per build and shared by the outputs.
 */
import Handlebars from 'handlebars';
import type { Figure } from '../analysis/figures.js';
import type { FreeTextGroup } from '../analysis/free-text.js';
import type { RenderedChart } from '../charts/draw.js';
import type { Article, EditionConfig } from '../edition/schema.js';
import type { Reconciliation } from '../ingest/types.js';
import { chartMarkup, type Mode, tableMarkup } from './chart-markup.js';
import type { FigureIndex } from './figure-index.js';
import { formatInteger, formatLongDate } from './french.js';

const REASONS = {
  empty: 'réponse vide',
  duplicate: 'doublon (soumission répétée)',
  outside_field_period: 'hors période de collecte',
} as const;

export interface MethodologyFacts {
  period: string;
  channels: string[];
  sample: string;
  rowsIn: string;
  kept: string;
  excluded: { reason: string; number: string }[];
  nonResponse: { question: string; missing: string; asked: string }[];
}

export interface ArticleContext {
  mode: Mode;
  edition: EditionConfig['edition'];
  partners: string;
  source: string;
  title: string;
  /** The dek, rendered from its template for this data. */
  dek: string;
  author: string;
  publishedOn: string;
  dateIso: string;
  webUrl: string;
  methodology: MethodologyFacts;
  appendix: { id: string; title: string; table: Handlebars.SafeString; note: string }[];
  /** What respondents typed: "Autre" answers and comments, printed as text. */
  freeText: { id: string; title: string; items: { text: string; times: string }[] }[];
  /** Set per output by the layout step. */
  body?: Handlebars.SafeString;
  css?: Handlebars.SafeString;
}

export function sourceLine(config: EditionConfig): string {
  return `${config.edition.survey}, ${[config.edition.publisher, ...config.edition.partners].join(' et ')}`;
}

export function articleContext(args: {
  config: EditionConfig;
  article: Article;
  dek: string;
  figures: FigureIndex;
  charts: RenderedChart[];
  reconciliation: Reconciliation;
  freeText: FreeTextGroup[];
  webUrl: string;
}): Omit<ArticleContext, 'mode'> {
  const { config, article, figures, charts, reconciliation } = args;
  const { start, end } = config.edition.fieldPeriod;
  const reasons = new Map<string, number>();
  for (const e of reconciliation.excluded)
    reasons.set(REASONS[e.reason], (reasons.get(REASONS[e.reason]) ?? 0) + 1);
  const nonResponse = config.questions.flatMap((q) => {
    if (q.type === 'timestamp' || q.type === 'text') return [];
    const missing = figures.get(`${q.id}.missing.count.all`) as Figure & { value: number };
    const answered = figures.get(`${q.id}.answered.count.all`) as Figure & { value: number };
    if (missing.value === 0) return [];
    return [
      {
        question: q.label ?? q.header,
        missing: formatInteger(missing.value),
        asked: formatInteger(missing.value + answered.value),
      },
    ];
  });
  return {
    edition: config.edition,
    partners: config.edition.partners.join(' et '),
    source: sourceLine(config),
    title: article.title,
    dek: args.dek,
    author: article.author,
    publishedOn: formatLongDate(article.date),
    dateIso: article.date,
    webUrl: args.webUrl,
    methodology: {
      period: `du ${formatLongDate(start)} au ${formatLongDate(end)}`,
      channels: config.edition.channels,
      sample: config.edition.sample,
      rowsIn: formatInteger(reconciliation.rowsIn),
      kept: formatInteger(reconciliation.kept),
      excluded: [...reasons].map(([reason, n]) => ({ reason, number: formatInteger(n) })),
      nonResponse,
    },
    freeText: args.freeText.map((g) => ({
      id: g.question.id,
      title:
        g.kind === 'comment'
          ? `${g.question.label ?? g.question.header} (${formatInteger(g.items.length)})`
          : `${g.question.label ?? g.question.header} : réponses «\u00a0Autre\u00a0»`,
      items: g.items.map((i) => ({
        text: i.text,
        times: i.count > 1 ? ` (${formatInteger(i.count)})` : '',
      })),
    })),
    appendix: charts.map((c) => ({
      id: c.id,
      title: c.title,
      table: new Handlebars.SafeString(tableMarkup(c.table, c.title)),
      note: c.baseNote,
    })),
  };
}

/** The {{chart "id"}} helper: the chart as this output shows it. */
export function chartHelper(charts: RenderedChart[], imageBaseUrl: string, source: string) {
  const byId = new Map(charts.map((c) => [c.id, c]));
  return (id: unknown, options: Handlebars.HelperOptions) => {
    const chart = byId.get(String(id));
    if (!chart)
      throw new Error(
        `unknown chart "${String(id)}": charts are listed under the article's "charts:" in edition.yaml (${[...byId.keys()].join(', ')})`,
      );
    const mode = (options.data.root as ArticleContext).mode;
    return new Handlebars.SafeString(chartMarkup(chart, mode, imageBaseUrl, source));
  };
}
