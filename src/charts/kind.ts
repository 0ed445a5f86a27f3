/**
 * What a chart kind is: everything one kind of chart needs, in one object
 * (its config schema, the questions it accepts, its data from the figures,
 * its Vega-Lite spec, its alt text and its table). Each kind is a file in
 * kinds/, listed once in kinds/index.ts.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { z } from 'zod';
import {
  type ChartConfig,
  type ChartKindRule,
  CLOSED_TYPES,
  type EditionConfig,
  type Question,
} from '../edition/schema.js';
import type { FigureIndex } from '../format/figure-index.js';

export interface ChartRow {
  /** The bar (or dot): a segment or an answer. */
  group: string;
  /** Axis label, with its base on a second line where bars have different bases: "Manipulateurs|n = 46". */
  axisLabel: string;
  /** For bars split by a second variable (stacks, grouped bars): which part this row is. */
  part?: string;
  partOrder?: number;
  value: number;
  count?: number;
  base: number;
  /** The 95 % interval, where the kind draws it. */
  low?: number;
  high?: number;
  /** The interval's ends as printed, where they are a mean's: "7,2", "8,0". */
  lowText?: string;
  highText?: string;
  /** What is printed on the bar: "52 %", "21 sur 24", "7,1". */
  text: string;
  /** A weighted share: `value` is the estimate, `count` and `base` the respondents (no "21 sur 24"). */
  weighted?: true;
  figureId: string;
  /** More words about the row for the alt text and the table (a change's size and direction). */
  note?: string;
  /** For lines broken where two editions do not compare: the unbroken stretch this point is on. */
  run?: number;
}

/** A chart's numbers, read from the figures (never recomputed): plain data, sent to the drawing thread. */
export interface ChartData {
  kind: string;
  rows: ChartRow[];
  /** "Base : …" printed under the chart. */
  baseNote: string;
  /** What the bars measure: "Part des répondants". */
  measure: string;
  /** For charts split by a second variable, the parts in order (answers of a stack, segments of a group). */
  parts: string[];
  /** The value axis, where it is not 0 to 100 %: a scale's range. */
  domain?: [number, number];
}

export interface DataTable {
  columns: string[];
  rows: string[][];
}

/** What a kind's data function may read. */
export interface ChartContext {
  config: EditionConfig;
  index: FigureIndex;
  /** The question the chart draws, already checked to be one the kind accepts. */
  question: Question;
}

export interface ChartKind<C extends ChartConfig = ChartConfig> extends ChartKindRule {
  /** What the editors' guide says of the kind (docs/guide.md, written by `npm run docs`). */
  doc: KindDoc;
  data(chart: C, context: ChartContext): ChartData;
  /** The Vega-Lite spec of a drawing `width` units wide (drawings.ts says how wide each medium shows it). */
  spec(data: ChartData, width: number): TopLevelSpec;
  alt(title: string, data: ChartData): string;
  table(data: ChartData): DataTable;
}

/** The keys every chart has (edition/schema.ts chartCommon, and `kind`): the guide says them once. */
export type CommonChartKey = 'id' | 'kind' | 'question' | 'title';

/**
 * The kind's chapter in the editors' guide, in French, for journalists:
 * `npm run docs` writes it into docs/guide.md with the picture its example
 * draws from the 2024 data, and a test builds the example.
 */
export interface KindDoc<Keys extends string = string, Example = Record<string, unknown>> {
  /** The chapter's heading: what the chart shows ("Une part, groupe par groupe"). */
  title: string;
  /** What it shows and when to choose it: a paragraph of Markdown. */
  summary: string;
  /** Each of the kind's own keys (the common ones are said once), what it means. */
  fields: Record<Keys, string>;
  /**
   * An entry of `charts:` that builds, added to the article `article` of the
   * edition `edition` (data/2024 unless it says; a folder of the project).
   */
  example: { article: string; edition?: string; chart: Example };
}

/** What every chart's common keys mean (the guide's rows before each kind's own). */
export const COMMON_FIELD_DOCS: Record<CommonChartKey, string> = {
  id: 'le nom du graphique, en minuscules, chiffres et « _ » : le texte de l’article le place avec `{{chart "…"}}`',
  kind: 'le type de graphique : le nom de ce chapitre',
  question: 'le code de la question représentée (`questions:` dans `edition.yaml`)',
  title:
    'le titre, qui dit ce que montre le graphique ; il peut employer les mêmes aides que l’article, pour suivre les chiffres',
};

/** The `segments` field of kinds drawing one bar per group, as the guide says it. */
export const SEGMENTS_BAR_EACH =
  'les groupes de répondants (`segments:` dans `edition.yaml`), une barre chacun, dans l’ordre où ils sont écrits';

/**
 * Types a kind's functions and its guide chapter by its own schema (every
 * own key of the schema said in French, an example the schema accepts); the
 * registry holds them as plain ChartKinds.
 */
export function defineChartKind<S extends z.ZodObject>(
  kind: ChartKind<z.output<S> & ChartConfig> & {
    schema: S;
    doc: KindDoc<Exclude<keyof z.input<S> & string, CommonChartKey>, z.input<S>>;
  },
): ChartKind {
  return kind as unknown as ChartKind;
}

/** The `accepts` of kinds drawing answers: any question with options. */
export const CLOSED_QUESTION: ChartKindRule['accepts'] = CLOSED_TYPES;

/** The `accepts` of kinds drawing a score: a scale question. */
export const SCALE_QUESTION: ChartKindRule['accepts'] = ['scale'];
