/**
 * The parts of the editors' guide (docs/guide.md) written from the code: a
 * chapter per chart kind (from each kind's `doc`, its schema and its example
 * drawn from the data) and the table of helpers and variables (from
 * src/render/helper-docs.ts, each example rendered on the figures). Each
 * part sits between two markers in the guide; `npm run docs` rewrites them,
 * and test/docs/guide.test.ts fails when they differ from what this makes.
 */
import { Document, isScalar, visit } from 'yaml';
import type { RenderedChart } from '../../src/charts/draw.js';
import { COMMON_FIELD_DOCS, type CommonChartKey } from '../../src/charts/kind.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import type { Composed } from '../../src/compose/compose.js';
import type { QuestionType } from '../../src/edition/schema.js';
import { frenchText } from '../../src/publication/french.js';
import {
  HELPER_DOCS,
  HELPER_GROUPS,
  type HelperDoc,
  VARIABLE_DOCS,
} from '../../src/render/helper-docs.js';
import {
  type ChartEntry,
  composeWith,
  drawnChart,
  EXAMPLE_EDITION,
  PREVIOUS_EXAMPLE_EDITION,
  readerText,
  renderText,
  SERIES_EXAMPLE_EDITION,
} from './examples.js';

/** The guide's generated parts, by name: each between `<!-- généré : <name> -->` and END_MARKER. */
export const PART_NAMES = { kinds: 'types de graphiques', helpers: 'aides' } as const;
export type PartName = keyof typeof PART_NAMES;

export const startMarker = (part: PartName) => `<!-- généré : ${PART_NAMES[part]} -->`;
export const END_MARKER = '<!-- fin du texte généré -->';

/** Where each kind's picture is, from the guide (docs/guide.md) and from the project. */
export const pictureInGuide = (kind: string) => `guide/kinds/${kind}.png`;
export const pictureFile = (kind: string) => `docs/guide/kinds/${kind}.png`;

/** The article the helpers' examples are rendered in (its charts are those `chart` can show). */
const HELPER_ARTICLE: Record<string, string> = {
  [EXAMPLE_EDITION]: 'radiologues',
  [PREVIOUS_EXAMPLE_EDITION]: 'evolution',
  [SERIES_EXAMPLE_EDITION]: 'trois_ans',
};

/** How a kind's chapter names the trial edition its example is drawn from. */
const TRIAL_NAMES: Record<string, string> = {
  [PREVIOUS_EXAMPLE_EDITION]: 'de l’édition d’essai 2025',
  [SERIES_EXAMPLE_EDITION]: 'des éditions d’essai 2024, 2025 et 2026',
};

/** How the guide names each type of question. */
export const QUESTION_TYPE_NAMES: Record<QuestionType, string> = {
  timestamp: 'l’horodatage',
  single: 'question à choix unique',
  multiple: 'question à choix multiples',
  yesno: 'question oui/non',
  scale: 'question à note (échelle)',
  text: 'réponse libre',
};

export interface Generated {
  parts: Record<PartName, string>;
  /** Each edition the examples built with, by folder, composed with the kinds' examples. */
  composed: Record<string, Composed>;
  /** Each kind's example, drawn: the SVG its picture is made from. */
  charts: { kind: string; chart: RenderedChart }[];
}

/** Every generated part, from the code and the examples built on the data. */
export async function generateGuide(): Promise<Generated> {
  const composed = await composeExamples();
  const charts = CHART_KINDS.map((k) => ({
    kind: k.kind,
    chart: drawnChart(
      composed[k.doc.example.edition ?? EXAMPLE_EDITION] as Composed,
      String(k.doc.example.chart.id),
    ),
  }));
  return {
    parts: {
      kinds: kindChapters(new Map(charts.map((c) => [c.kind, c.chart]))),
      helpers: helperTables(composed),
    },
    composed,
    charts,
  };
}

/** Each edition the examples use, composed with the kinds' examples in its articles. */
async function composeExamples(): Promise<Record<string, Composed>> {
  const editions = [EXAMPLE_EDITION, PREVIOUS_EXAMPLE_EDITION, SERIES_EXAMPLE_EDITION];
  const composed = await Promise.all(
    // Only the helpers' article is built (and its charts drawn): the kinds' examples are in it.
    editions.map((folder) =>
      composeWith(folder, kindExamples(folder), { article: HELPER_ARTICLE[folder] }),
    ),
  );
  return Object.fromEntries(editions.map((e, i) => [e, composed[i] as Composed]));
}

/** The kinds' examples that build on this edition. */
export function kindExamples(folder: string): ChartEntry[] {
  return CHART_KINDS.filter((k) => (k.doc.example.edition ?? EXAMPLE_EDITION) === folder).map(
    (k) => ({ article: k.doc.example.article, chart: k.doc.example.chart }),
  );
}

const NOTE = '<!-- Écrit par « npm run docs » à partir du code : ne le modifiez pas ici. -->';

function kindChapters(drawn: Map<string, RenderedChart>): string {
  const chapters = CHART_KINDS.map((k) => {
    const chart = drawn.get(k.kind) as RenderedChart;
    const { example } = k.doc;
    const trial = example.edition === undefined ? undefined : TRIAL_NAMES[example.edition];
    const id = String(example.chart.id);
    return [
      `### ${k.doc.title} : \`${k.kind}\``,
      k.doc.summary,
      `![Le graphique de l’exemple : ${chart.title.replace(/[[\]]/g, '')}](${pictureInGuide(k.kind)})`,
      `*Le graphique que dessine l’exemple ci-dessous, avec les réponses ${trial ?? 'de 2024'}. Dans l’article, son titre est écrit au-dessus : « ${chart.title} ».*`,
      'Il se déclare dans `edition.yaml`, dans la liste `charts:` de l’article :',
      `\`\`\`yaml\n${exampleYaml(example.article, example.chart)}\`\`\``,
      `et se place dans le texte de l’article, seul sur sa ligne : \`{{chart "${id}"}}\`.`,
      fieldTable(k),
      `Questions acceptées : ${k.accepts.map((t) => QUESTION_TYPE_NAMES[t]).join(', ')}.`,
    ].join('\n\n');
  });
  return frenchMarkdown([NOTE, ...chapters].join('\n\n'));
}

/** The entry as an editor writes it: under its article, lists of ids on one line, titles in double quotes. */
export function exampleYaml(article: string, chart: Record<string, unknown>): string {
  const doc = new Document({ articles: [{ slug: article, charts: [chart] }] });
  visit(doc, {
    Seq: (_key, node) => {
      if (node.items.every(isScalar)) node.flow = true;
    },
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && pair.key.value === 'title' && isScalar(pair.value))
        pair.value.type = 'QUOTE_DOUBLE';
      // The article's other keys are left out: the entry goes into an article already there.
      if (isScalar(pair.key) && pair.key.value === 'charts')
        pair.key.commentBefore =
          ' … (le titre, le chapeau, l’auteur, la date et le texte de l’article)';
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function fieldTable(k: (typeof CHART_KINDS)[number]): string {
  const own = k.doc.fields as Record<string, string>;
  const meaning = (key: string) =>
    key === 'kind' ? `\`${k.kind}\`` : (COMMON_FIELD_DOCS[key as CommonChartKey] ?? own[key]);
  // The keys in the order an entry is written: what it is, what it draws, then its title.
  const first = ['id', 'kind', 'question'];
  const rank = (key: string) =>
    key === 'title' ? first.length + 1 : first.includes(key) ? first.indexOf(key) : first.length;
  const keys = Object.keys(k.schema.shape).sort((a, b) => rank(a) - rank(b));
  const rows = keys.map((key) => {
    const required = !k.schema.shape[key].safeParse(undefined).success;
    return `| \`${key}\` | ${required ? 'oui' : 'non'} | ${meaning(key)} |`;
  });
  return ['| champ | obligatoire | ce qu’il dit |', '| --- | --- | --- |', ...rows].join('\n');
}

export interface HelperRow {
  name: string;
  example: string;
  says: string;
  group: HelperDoc['group'];
  previous: boolean;
  /** It follows a figure since the first edition: rendered on the trial 2026 edition. */
  series: boolean;
}

/** Every helper and variable, in the order of their groups. */
export function helperRows(): HelperRow[] {
  const rows: HelperRow[] = [
    ...Object.entries(HELPER_DOCS).map(([name, d]) => ({
      name,
      ...d,
      previous: d.previous === true,
      series: d.series === true,
    })),
    ...Object.entries(VARIABLE_DOCS).map(([name, d]) => ({
      name,
      example: d?.example ?? '',
      says: d?.says ?? '',
      group: 'edition' as const,
      previous: false,
      series: false,
    })),
  ];
  const order = Object.keys(HELPER_GROUPS);
  return rows.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}

/** A helper example rendered as the article prints it, on the edition its row says. */
export function renderHelperExample(composed: Record<string, Composed>, row: HelperRow): string {
  const edition = row.series
    ? SERIES_EXAMPLE_EDITION
    : row.previous
      ? PREVIOUS_EXAMPLE_EDITION
      : EXAMPLE_EDITION;
  const html = renderText(
    composed[edition] as Composed,
    HELPER_ARTICLE[edition] as string,
    row.example,
  );
  return readerText(html, (title) => `le graphique « ${title} »`);
}

function helperTables(composed: Record<string, Composed>): string {
  const rows = helperRows();
  const tables = Object.entries(HELPER_GROUPS).map(([group, heading]) => {
    const mine = rows.filter((r) => r.group === group);
    const trial = mine.some((r) => r.series)
      ? '\n\nCes aides suivent un chiffre d’édition en édition, en remontant les `previous:` jusqu’à la première : leurs exemples sont calculés sur l’édition d’essai 2026, précédée de 2025 et de 2024.'
      : mine.some((r) => r.previous)
        ? '\n\nCes aides demandent une édition précédente : leurs exemples sont calculés sur l’édition d’essai 2025, comparée à 2024.'
        : '';
    const lines = mine.map(
      (r) =>
        `| \`${r.example}\` | ${r.says} | ${cell(renderHelperExample(composed, r)) || '(rien)'} |`,
    );
    return [
      `#### ${heading}${trial}`,
      [
        '| vous écrivez | ce que fait l’aide | l’article affiche |',
        '| --- | --- | --- |',
        ...lines,
      ].join('\n'),
    ].join('\n\n');
  });
  return frenchMarkdown([NOTE, ...tables].join('\n\n'));
}

/**
 * French typography (publication/french.ts: no-break spaces before « : »,
 * inside « », before « ; » and « ? ») in the Markdown's words, never in its
 * code: fenced blocks and `code spans` are left as they are written.
 */
export function frenchMarkdown(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) fenced = !fenced;
      if (fenced || /^\s*```/.test(line)) return line;
      return line
        .split(/(`[^`]*`)/)
        .map((part, i) => (i % 2 === 1 ? part : frenchText(part)))
        .join('');
    })
    .join('\n');
}

/** Text safe in a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The guide with a part's text between its markers (the markers stay). */
export function withPart(guide: string, part: PartName, text: string): string {
  const [start, end] = partBounds(guide, part);
  return `${guide.slice(0, start)}\n\n${text}\n\n${guide.slice(end)}`;
}

/** The text between a part's markers, trimmed. */
export function partOf(guide: string, part: PartName): string {
  const [start, end] = partBounds(guide, part);
  return guide.slice(start, end).trim();
}

function partBounds(guide: string, part: PartName): [number, number] {
  const marker = startMarker(part);
  const at = guide.indexOf(marker);
  if (at < 0) throw new Error(`docs/guide.md has no "${marker}" marker`);
  const start = at + marker.length;
  const end = guide.indexOf(END_MARKER, start);
  if (end < 0) throw new Error(`docs/guide.md has no "${END_MARKER}" after "${marker}"`);
  return [start, end];
}
