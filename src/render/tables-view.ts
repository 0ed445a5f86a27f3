/**
 * The survey's tables (tables/model.ts) as the page shows them: every
 * number in French typography, each column headed with its letter or its
 * small-base mark, each cell its share and its letters.
 */
import Handlebars from 'handlebars';
import {
  formatDecimal,
  formatInteger,
  formatLongDate,
  formatPercent,
} from '../publication/french.js';
import { publication } from '../publication/index.js';
import type { Cell, CrossTab, QuestionTables, SurveyTables } from '../tables/model.js';

/** The first answers a page shows of a free-text question; every one is in free-text.csv. */
export const FREE_TEXT_SHOWN = 20;

/** Columns a portrait A4 page holds, beyond which a cross-tab is printed landscape. */
const WIDE_FROM = 7;

const say = () => publication.surveyTables;
const page = () => publication.surveyTablesPage;

export interface CrossTabView {
  title: string;
  columns: { header: string; baseText: string; small: boolean }[];
  rows: { label: string; cells: { text: string; letters: string; empty: boolean }[] }[];
  /** More columns than a portrait page holds: printed landscape. */
  wide: boolean;
}

export interface QuestionView {
  id: string;
  label: string;
  asked: string;
  askedOf?: string;
  multiple?: string;
  missing?: string;
  noAnswer?: string;
  /** Everyone's answers: each one's count, share and interval. */
  topline?: {
    base: string;
    rows: { label: string; countText: string; shareText: string; ciText: string }[];
  };
  crossTabs: CrossTabView[];
  freeText?: {
    answers: string;
    items: { text: string; times: string }[];
    more?: { text: string; href: string };
  };
  perWeek?: { week: string; responses: string }[];
}

/** A question's chart, drawn at a phone's width and at the page's, with its alt text and base note. */
export interface QuestionChart {
  narrow: string;
  wide: string;
  alt: string;
  note: string;
}

export function tablesView(
  tables: SurveyTables,
  freeTextLink: string,
  charts: ReadonlyMap<string, QuestionChart> = new Map(),
) {
  return {
    title: page().title(tables.survey),
    legend: say().legend(tables.survey, tables.respondents, undefined, tables.weighted),
    words: {
      legendTitle: page().legendTitle,
      week: say().week,
      responses: say().responses,
      answer: say().answer,
      count: say().count,
      share: say().share,
      interval: publication.tables.interval,
      base: say().base,
    },
    groups: tables.groups.map((g) => g.title),
    questions: tables.questions.map((q) => {
      const chart = charts.get(q.id);
      return {
        ...questionView(q, freeTextLink),
        ...(chart && {
          chart: {
            ...chart,
            narrow: new Handlebars.SafeString(chart.narrow),
            wide: new Handlebars.SafeString(chart.wide),
          },
        }),
      };
    }),
  };
}

function questionView(q: QuestionTables, freeTextLink: string): QuestionView {
  const answered = q.topline.columns[0]?.base ?? 0;
  const closed = q.topline.rows.length > 0;
  return {
    id: q.id,
    label: q.label,
    asked: say().asked(q.header),
    ...(q.askedOf && { askedOf: say().askedOf(q.askedOf) }),
    ...(q.multiple && { multiple: say().multiple }),
    ...(closed && q.missing > 0 && { missing: `${say().missing} : ${formatInteger(q.missing)}` }),
    ...(closed && answered === 0 && { noAnswer: say().noAnswer }),
    ...(closed && answered > 0 && { topline: toplineView(q.topline) }),
    crossTabs: answered > 0 ? q.crossTabs.map(crossTabView) : [],
    ...(q.freeText && { freeText: freeTextView(q.freeText, freeTextLink) }),
    ...(q.perWeek && {
      perWeek: q.perWeek.map((w) => ({
        week: formatLongDate(w.week),
        responses: formatInteger(w.count),
      })),
    }),
  };
}

function crossTabView(t: CrossTab): CrossTabView {
  return {
    title: t.part ? say().part(t.title, t.part.index, t.part.of) : t.title,
    columns: t.columns.map((c) => ({
      header: say().column(c.label, c.letter, c.small),
      baseText: `n = ${formatInteger(c.base)}`,
      small: c.small,
    })),
    rows: t.rows.map((r) => ({
      label: r.label,
      cells: r.cells.map((c) => ({
        text: cellText(c, r.code === 'mean'),
        letters: c.letters,
        empty: c.value === null,
      })),
    })),
    wide: t.columns.length > WIDE_FROM,
  };
}

function toplineView(t: CrossTab): NonNullable<QuestionView['topline']> {
  return {
    base: `n = ${formatInteger(t.columns[0]?.base ?? 0)}`,
    rows: t.rows.map((r) => {
      const c = r.cells[0] as Cell;
      const mean = r.code === 'mean';
      const at = (v: number) => (mean ? formatDecimal(v, 1) : formatPercent(v));
      return {
        label: r.label,
        countText: c.count === undefined ? '' : formatInteger(c.count),
        shareText: cellText(c, mean),
        ciText: c.ci ? `${at(c.ci[0])} – ${at(c.ci[1])}` : '',
      };
    }),
  };
}

function cellText(c: Cell, mean: boolean): string {
  if (c.value === null) return '—';
  return mean ? formatDecimal(c.value, 1) : formatPercent(c.value);
}

function freeTextView(
  f: NonNullable<QuestionTables['freeText']>,
  link: string,
): QuestionView['freeText'] {
  const shown = f.items.slice(0, FREE_TEXT_SHOWN);
  return {
    answers: `${say().answers} : ${formatInteger(f.answers)}`,
    items: shown.map((i) => ({ text: i.text, times: i.count > 1 ? formatInteger(i.count) : '' })),
    ...(f.items.length > shown.length && {
      more: { text: page().more(f.items.length - shown.length), href: link },
    }),
  };
}
