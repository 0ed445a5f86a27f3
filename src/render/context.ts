/**
 * The article context every layout renders from: edition metadata, the
 * article's text rendered for one output, its charts and the methodology
 * facts. Everything here is computed once per build and shared by the outputs.
 */
import type Handlebars from 'handlebars';
import { type Figure, figureId } from '../analysis/figures.js';
import type { FreeTextGroup, FreeTextItem } from '../analysis/free-text.js';
import type { Weights } from '../analysis/weights.js';
import type { RenderedChart } from '../charts/draw.js';
import type { DataTable } from '../charts/kind.js';
import {
  type Article,
  type EditionConfig,
  hasOther,
  isClosed,
  type Question,
} from '../edition/schema.js';
import type { FigureIndex } from '../format/figure-index.js';
import type { Reconciliation } from '../ingest/types.js';
import { formatDecimal, formatInteger, formatLongDate, frenchText } from '../publication/french.js';
import { publication } from '../publication/index.js';
import type { ThemeView } from './theme.js';

const words = publication.methodology;

export interface MethodologyFacts {
  /** Who paid for the survey and conducted it. */
  sponsor: string;
  period: string;
  channels: string[];
  sample: string;
  /** Who could answer, and how that was checked. */
  eligibility?: string;
  /** Two identical submissions this close count once: "10 minutes". */
  duplicateWindow: string;
  rowsIn: string;
  kept: string;
  excluded: { reason: string; number: string }[];
  nonResponse: { question: string; missing: string; asked: string }[];
  /** The edition compared with, when there is one (edition.previous). */
  comparison?: { previous: string; period: string; kept: string };
  /** Labels of the private questions (personal data read but never printed). */
  privateQuestions: string[];
  /** What no longer measures the same as in the previous edition, and the editor's decision on it. */
  comparability: { subject: string; notes: string[]; decision: string }[];
  /** Every question as it was asked: its exact wording and answers (the questionnaire appendix). */
  questionnaire: QuestionnaireItem[];
  /** How the figures are weighted, when they are (edition.yaml `weighting:`). */
  weighting?: WeightingFacts;
}

/** What the box says of the weighting, as printed. */
export interface WeightingFacts {
  /** The questions weighted on: "profession et secteur d'exercice". */
  questions: string;
  source: string;
  /** Each question's targets: "Profession : Radiologue 30 %, …". */
  margins: string[];
  bounds: [string, string];
  /** ", 12 répondants ramenés à l'une d'elles", or nothing. */
  trimmed: string;
  /** The lowest and highest weight given. */
  range: [string, string];
  /** Who was left out of the raking, with the weight 1, or nothing. */
  unraked: string;
  /** Over every respondent: Kish's design effect and effective base, and the respondents. */
  designEffect: string;
  effectiveBase: string;
  respondents: string;
}

export interface QuestionnaireItem {
  number: number;
  /** The wording as the form showed it. */
  text: string;
  /** How it was answered: "une seule réponse", "note de 1 à 10"… */
  answers: string;
  options: string[];
  /** Whom it was asked, when not everyone. */
  askedTo?: string;
  /** Read but never published (personal data). */
  private: boolean;
}

/** What the methodology box says of the previous edition. */
export interface PreviousFacts {
  id: string;
  fieldPeriod: { start: string; end: string };
  kept: number;
}

/** Where an article's outputs are published: the addresses its pages link to (recipes declare them). */
export interface ArticleLinks {
  /** The web article, the canonical address of every form of it. */
  canonical: string;
  /** The card a share of the article shows, where a recipe publishes one ("" where none does). */
  shareImage: string;
  /** Each chart's published PNG, by chart id, where a recipe publishes them (the e-mail loads them). */
  chartImages: Record<string, string>;
}

/** What every page of an article renders from, whatever its medium (media/ shows the charts). */
export interface ArticleContext {
  edition: ReturnType<typeof editionView>;
  links: ArticleLinks;
  /** The publication's name, logo and accent (theme.ts). */
  theme: Pick<ThemeView, 'publication' | 'logo' | 'accent'>;
  partners: string;
  source: string;
  title: string;
  /** The dek, rendered from its template for this data. */
  dek: string;
  author: string;
  publishedOn: string;
  dateIso: string;
  methodology: MethodologyFacts;
  appendix: { id: string; title: string; table: DataTable; note: string }[];
  /** Read by the {{chart "id"}} helper, which shows each as the page's medium does. */
  charts: Record<string, RenderedChart>;
  /** What respondents typed: "Autre" answers and comments, printed as text. */
  freeText: {
    id: string;
    title: string;
    items: { text: string; times: string }[];
    /** Says which answers are shown when they are not all shown. */
    selection?: string;
  }[];
  /** Set per output by the layout step. */
  body?: Handlebars.SafeString;
  css?: Handlebars.SafeString;
}

/** The edition as templates read it: its config, and its year ({{edition.year}}). */
export function editionView(config: EditionConfig): EditionConfig['edition'] & { year: string } {
  const { id, fieldPeriod } = config.edition;
  return { ...config.edition, year: /^\d{4}$/.test(id) ? id : fieldPeriod.start.slice(0, 4) };
}

export function sourceLine(config: EditionConfig): string {
  const { survey, publisher, partners } = config.edition;
  return publication.credits.source(survey, [publisher, ...partners]);
}

/**
 * What the methodology box says: the same for every article of an edition,
 * so worked out once (the rows read, non-response, the comparison, the
 * questionnaire).
 */
export function methodologyFacts(args: {
  config: EditionConfig;
  figures: FigureIndex;
  reconciliation: Reconciliation;
  previous?: PreviousFacts;
  /** The respondents' weights, when the edition weights its figures. */
  weighting?: Weights;
}): MethodologyFacts {
  const { config, figures, reconciliation, previous, weighting } = args;
  const reasons = new Map<string, number>();
  for (const e of reconciliation.excluded) {
    const reason = publication.exclusions[e.reason];
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const nonResponse = config.questions.flatMap((q) => {
    if (q.type === 'timestamp' || q.type === 'text' || q.private) return [];
    const missing = figures.get(figureId.missing(q.id, 'all')) as Figure & { value: number };
    const answered = figures.get(figureId.answered(q.id, 'all')) as Figure & { value: number };
    if (missing.value === 0) return [];
    return [
      {
        question: q.label ?? q.header,
        missing: formatInteger(missing.value),
        asked: formatInteger(missing.value + answered.value),
      },
    ];
  });
  const period = (p: { start: string; end: string }) => words.period(p.start, p.end);
  return {
    sponsor:
      config.edition.sponsor ??
      words.sponsor([config.edition.publisher, ...config.edition.partners]),
    period: period(config.edition.fieldPeriod),
    channels: config.edition.channels,
    sample: config.edition.sample,
    ...(config.edition.eligibility && { eligibility: config.edition.eligibility }),
    duplicateWindow: words.duplicateWindow(config.source.duplicateWindowMinutes),
    rowsIn: formatInteger(reconciliation.rowsIn),
    kept: formatInteger(reconciliation.kept),
    excluded: [...reasons].map(([reason, n]) => ({ reason, number: formatInteger(n) })),
    nonResponse,
    ...(previous && {
      comparison: {
        previous: previous.id,
        period: period(previous.fieldPeriod),
        kept: formatInteger(previous.kept),
      },
    }),
    privateQuestions: config.questions.filter((q) => q.private).map((q) => q.label ?? q.header),
    comparability: comparabilityDecisions(config, figures.figures),
    questionnaire: questionnaire(config),
    ...(weighting && { weighting: weightingFacts(config, weighting) }),
  };
}

/** The weighting as the box states it: the targets and their source, the bounds, the design effect. */
function weightingFacts(config: EditionConfig, w: Weights): WeightingFacts {
  const said = words.weighting;
  const questionOf = (id: string) => config.questions.find((q) => q.id === id) as Question;
  const labelOf = (id: string) => questionOf(id).label ?? questionOf(id).header;
  const answer = (q: Question, code: string) =>
    (isClosed(q) ? q.options.find((o) => o.code === code)?.label : undefined) ??
    publication.answers.other;
  const weight = (x: number) => formatDecimal(x, 2).replace(/,?0+$/, '');
  const questions = said.questions(w.questions.map(labelOf));
  return {
    questions,
    source: config.weighting?.source ?? '',
    margins: w.questions.map((id) =>
      said.margins(
        labelOf(id),
        w.margins
          .filter((m) => m.question === id)
          .map((m) => ({ label: answer(questionOf(id), m.code), share: m.target })),
      ),
    ),
    bounds: [weight(w.bounds[0]), weight(w.bounds[1])],
    trimmed: said.trimmed(w.trimmed),
    range: [formatDecimal(w.range[0], 2), formatDecimal(w.range[1], 2)],
    unraked: said.unraked(w.unraked, w.questions.map(labelOf)),
    designEffect: formatDecimal(w.designEffect, 2),
    effectiveBase: formatInteger(w.effectiveBase),
    respondents: formatInteger(w.weights.length),
  };
}

export function articleContext(args: {
  config: EditionConfig;
  article: Article;
  dek: string;
  charts: RenderedChart[];
  /** The edition's methodology box (methodologyFacts). */
  methodology: MethodologyFacts;
  freeText: FreeTextGroup[];
  theme: ThemeView;
  links: ArticleLinks;
}): ArticleContext {
  const { config, article, charts } = args;
  return {
    edition: editionView(config),
    theme: {
      publication: args.theme.publication,
      logo: args.theme.logo,
      accent: args.theme.accent,
    },
    partners: publication.credits.partners(config.edition.partners),
    source: sourceLine(config),
    title: frenchText(article.title),
    dek: args.dek,
    author: article.author,
    publishedOn: formatLongDate(article.date),
    dateIso: article.date,
    links: args.links,
    methodology: args.methodology,
    freeText: args.freeText.map((g) => {
      const shown = printedFreeText(g);
      return {
        id: g.question.id,
        title:
          g.kind === 'comment'
            ? publication.freeText.commentsTitle(
                g.question.label ?? g.question.header,
                g.items.length,
                g.segment,
              )
            : publication.freeText.otherTitle(g.question.label ?? g.question.header, g.segment),
        items: shown.items.map((i) => ({
          text: i.text,
          times: publication.freeText.times(i.count),
        })),
        selection: shown.selection,
      };
    }),
    appendix: charts.map((c) => ({
      id: c.id,
      title: c.title,
      table: c.table,
      note: c.baseNote,
    })),
    charts: Object.fromEntries(charts.map((c) => [c.id, c])),
  };
}

/** Each decision the editor recorded on what changed since last year, with what changed. */
function comparabilityDecisions(
  config: EditionConfig,
  figures: readonly Figure[],
): MethodologyFacts['comparability'] {
  const notes = new Map<string, Set<string>>();
  for (const f of figures)
    if (f.kind === 'change')
      for (const n of f.notes)
        if (n.decision !== undefined)
          notes.set(n.about, (notes.get(n.about) ?? new Set()).add(n.text));
  return Object.entries(config.comparability).map(([about, decision]) => {
    const q = config.questions.find((x) => x.id === about);
    const s = config.segments.find((x) => x.id === about);
    const subject = q
      ? words.aboutQuestion(q.label ?? q.header)
      : words.aboutSegment(s?.label ?? about);
    return { subject, notes: [...(notes.get(about) ?? [])], decision };
  });
}

/** The questionnaire as respondents saw it, question by question (the timestamp is the form's, not a question). */
function questionnaire(config: EditionConfig): QuestionnaireItem[] {
  return config.questions
    .filter((q) => q.type !== 'timestamp')
    .map((q, k) => {
      const askedTo = q.appliesTo && config.segments.find((s) => s.id === q.appliesTo)?.label;
      return {
        number: k + 1,
        text: q.header,
        answers: ANSWERS[q.type](q),
        options: isClosed(q)
          ? [...q.options.map((o) => o.label), ...(hasOther(q) ? [howAnswered.otherOption] : [])]
          : [],
        ...(askedTo && { askedTo: lowerFirstWord(askedTo) }),
        private: q.private,
      };
    });
}

const howAnswered = publication.questionnaire;

/** How each type of question was answered, as the questionnaire appendix says it. */
const ANSWERS: Record<Question['type'], (q: Question) => string> = {
  timestamp: () => '',
  single: () => howAnswered.single,
  multiple: () => howAnswered.multiple,
  yesno: () => howAnswered.yesno,
  scale: (q) => (q.type === 'scale' ? howAnswered.scale(q.min, q.max) : ''),
  text: () => howAnswered.text,
};

/** "Utilisateurs de l'IA" -> "utilisateurs de l'IA". */
function lowerFirstWord(text: string): string {
  return text.charAt(0).toLocaleLowerCase(publication.language) + text.slice(1);
}

/** Typed answers printed in full up to these numbers; past them, a page of them reads better than a hundred. */
const MOST_COMMENTS = 60;
const MOST_OTHER_ANSWERS = 30;

/**
 * Which typed answers an article prints: all of them, or for a large survey
 * a stated selection (every one stays in free-text.csv): comments taken at
 * even intervals in the order they came, so the whole field period speaks;
 * "Autre" answers, the most frequent.
 */
export function printedFreeText(group: FreeTextGroup): {
  items: FreeTextItem[];
  selection?: string;
} {
  const { items } = group;
  if (group.kind === 'comment') {
    if (items.length <= MOST_COMMENTS) return { items };
    const step = items.length / MOST_COMMENTS;
    return {
      items: Array.from(
        { length: MOST_COMMENTS },
        (_, k) => items[Math.floor(k * step)] as FreeTextItem,
      ),
      selection: publication.freeText.commentsSelection(MOST_COMMENTS, items.length),
    };
  }
  if (items.length <= MOST_OTHER_ANSWERS) return { items };
  return {
    items: items.slice(0, MOST_OTHER_ANSWERS),
    selection: publication.freeText.otherSelection(MOST_OTHER_ANSWERS, items.length),
  };
}
