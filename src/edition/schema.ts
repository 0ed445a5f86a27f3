/**
 * The edition config (`data/<edition>/edition.yaml`): what an editor writes.
 * It arrives as `unknown`, leaves fully defaulted (see load.ts), and this
 * schema is also published as JSON Schema (schema/edition.schema.json) so an
 * editor's YAML plugin offers completion and flags mistakes as they type.
 */

import { z } from 'zod';
import { config as configSays } from '../messages/index.js';
import { AA_TEXT, contrast, shadeFor } from './colour.js';

/** The forms of string the config's keys take; config-problems.ts says each in the editor's words. */
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;

const code = z
  .string()
  .regex(ID_PATTERN)
  .describe('A stable identifier: lower-case letters, digits and "_" (e.g. "aide_diagnostic").');

const isoDate = z.string().regex(DATE_PATTERN);

const option = z
  .object({
    code: code.describe('Stable code of the answer, used in figure ids and segments.'),
    label: z
      .string()
      .min(1)
      .describe('The answer exactly as the form shows it (and the export writes it).'),
    short: z.string().min(1).optional().describe('A shorter label for charts and tables.'),
  })
  .strict();

const common = {
  id: code.describe('Stable id of the question, kept from one year to the next.'),
  header: z
    .string()
    .min(1)
    .describe("The question's column header in this year's export, word for word."),
  label: z
    .string()
    .min(1)
    .optional()
    .describe('A short label for charts, tables and figure labels.'),
  appliesTo: code
    .optional()
    .describe(
      'Id of the segment the question is asked to (e.g. only IA users). Others are not counted as non-response.',
    ),
  private: z
    .boolean()
    .default(false)
    .describe(
      'Personal data (an e-mail address, a name): read and checked, never printed, never in free-text.csv.',
    ),
};

const closed = {
  options: z
    .array(option)
    .min(1)
    .describe('The answers offered, in the order the form shows them.'),
  other: z
    .boolean()
    .default(false)
    .describe('true when the form has an "Autre" answer: the typed text lands in the cell.'),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('timestamp') }).strict(),
  z.object({ ...common, ...closed, type: z.literal('single') }).strict(),
  z.object({ ...common, ...closed, type: z.literal('multiple') }).strict(),
  z
    .object({
      ...common,
      type: z.literal('yesno'),
      options: z
        .array(option)
        .length(2)
        .default([
          { code: 'oui', label: 'Oui' },
          { code: 'non', label: 'Non' },
        ]),
    })
    .strict(),
  z
    .object({
      ...common,
      type: z.literal('scale'),
      min: z.number().int(),
      max: z.number().int(),
    })
    .strict(),
  z.object({ ...common, type: z.literal('text') }).strict(),
]);

const segmentSchema = z
  .object({
    id: code.describe('Stable id of the segment, used in figure ids (e.g. "manipulateurs").'),
    label: z
      .string()
      .min(1)
      .describe('How the report names the group (e.g. "Manipulateurs radio").'),
    short: z.string().min(1).optional().describe('A shorter name for chart axes.'),
    where: z
      .record(code, z.union([code, z.array(code).min(1)]))
      .describe(
        'Conditions, all of which a respondent meets: question id -> answer code (or list of codes, any of which). "autre" matches a typed "Autre" answer.',
      ),
  })
  .strict();

/** The keys every chart has, whatever its kind; a kind's schema adds its own (charts/kinds/). */
export const chartCommon = {
  id: code.describe('Stable id of the chart: the article text places it with {{chart "id"}}.'),
  question: code.describe('Id of the question charted.'),
  title: z
    .string()
    .min(1)
    .describe(
      'A title that states the finding. Handlebars, with the same figure helpers as the article text.',
    ),
};
export const segmentList = z
  .array(code)
  .min(1)
  .describe('Segment ids, in the order the bars are drawn.');
export { code as codeSchema };

/** A chart as the edition layer sees it: the common keys, and its kind's own. */
export interface ChartConfig {
  id: string;
  kind: string;
  question: string;
  title: string;
  [key: string]: unknown;
}

/**
 * What the edition layer must know of a chart kind to check a config: its
 * schema, the questions it can chart and which of its keys name segments or
 * an answer. The kinds themselves live in charts/kinds/ (a higher layer),
 * which hands them to the loader.
 */
export interface ChartKindRule {
  kind: string;
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own object schema.
  schema: z.ZodObject<any>;
  /** The types of question it can chart (the messages name the kinds for a type from these lists). */
  accepts: readonly QuestionType[];
  /** Keys holding a segment id or a list of them. */
  segmentKeys: readonly string[];
  /** The key holding one answer code of the question, if the kind has one. */
  answerKey?: string;
  /** What else the kind requires of the config: a problem at `key`, or null. */
  check?(
    chart: ChartConfig,
    question: Question,
    config: EditionConfig,
  ): { key: string; expected: string; found: string; fix: string } | null;
}

function chartSchemaFor(kinds: readonly ChartKindRule[]) {
  return z.discriminatedUnion(
    'kind',
    kinds.map((k) => k.schema) as unknown as [z.ZodObject, ...z.ZodObject[]],
  ) as unknown as z.ZodType<ChartConfig, ChartConfig>;
}

/**
 * Typed answers an article prints: a question's id (every respondent's), or
 * the question and a segment (only its members'). Always the object after loading.
 */
const freeTextChoice = z
  .union([
    code.describe("A question whose typed answers are printed, every respondent's."),
    z
      .object({
        question: code.describe(
          'A text question, or a question with an "Autre" field (other: true): its typed answers.',
        ),
        // "all": ALL_SEGMENT, declared below.
        segment: code
          .default('all')
          .describe('Only the answers of this segment\'s members (default "all").'),
      })
      .strict(),
  ])
  .transform((c) => (typeof c === 'string' ? { question: c, segment: 'all' } : c));

export type FreeTextChoice = z.output<typeof freeTextChoice>;

const articleSchema = (charts: z.ZodType<ChartConfig, ChartConfig>) =>
  z
    .object({
      slug: code.describe('Stable id of the article.'),
      title: z.string().min(1),
      dek: z
        .string()
        .min(1)
        .describe(
          'The standfirst printed under the title. Handlebars, with the figure helpers: wording that depends on the data is decided from it.',
        ),
      author: z.string().min(1),
      date: isoDate.describe('Publication date, YYYY-MM-DD.'),
      body: z
        .string()
        .min(1)
        .describe("Path of the article's Handlebars text, relative to the edition folder."),
      charts: z.array(charts).default([]).describe('The charts the article text places.'),
      freeText: z
        .array(freeTextChoice)
        .default([])
        .describe(
          "The typed answers the article's appendix prints (and its web page's free-text panel): none without the key. Every answer stays in free-text.csv.",
        ),
    })
    .strict();

/** The whole config's schema, with the chart kinds the build knows. */
export const editionSchemaFor = (kinds: readonly ChartKindRule[]) =>
  editionShape(chartSchemaFor(kinds));

/** The bundled typefaces a theme may choose from (fonts.ts). */
export const BUNDLED_FAMILIES = ['Source Serif 4', 'Source Sans 3'] as const;

const hexColour = z.string().regex(COLOUR_PATTERN);

const themeSchema = z
  .object({
    publication: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Name of the publication on the cover, page headers and cards (default: edition.publisher).',
      ),
    logo: z
      .string()
      .min(1)
      .optional()
      .describe(
        'An SVG file in the edition folder (e.g. theme/logo.svg), shown on the cover, the web page and the cards; scripts, links and outside references are removed.',
      ),
    accent: hexColour
      .refine((c) => contrast(c, '#ffffff') >= AA_TEXT, {
        error: (issue) => {
          const c = String(issue.input);
          return configSays.accent(
            AA_TEXT,
            contrast(c, '#ffffff').toFixed(1),
            shadeFor(c, '#ffffff'),
          );
        },
      })
      .optional()
      .describe(
        'Accent colour of rules, kicker, key figures and links, #rrggbb; it must reach 4.5:1 against white (WCAG AA). The charts keep their colour-blind-safe palette.',
      ),
    fonts: z
      .object({
        text: z.enum(BUNDLED_FAMILIES).optional().describe('Typeface of the running text.'),
        headings: z
          .enum(BUNDLED_FAMILIES)
          .optional()
          .describe('Typeface of headings, captions, tables and furniture.'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .describe("The publisher's look. Without it, the outputs keep the default look.");

export type Theme = z.output<typeof themeSchema>;

/** The edition's own facts: who publishes it, when it was in the field, how it was distributed. */
const editionFacts = z
  .object({
    id: z.string().min(1).describe('Edition id, e.g. "2024".'),
    survey: z.string().min(1).describe('Name of the survey as the report writes it.'),
    publisher: z.string().min(1).describe('Publication printing the report (running header).'),
    partners: z.array(z.string().min(1)).default([]),
    fieldPeriod: z.object({ start: isoDate, end: isoDate }).strict(),
    timezone: z
      .string()
      .default('Europe/Paris')
      .describe('Time zone of timestamps written without an offset.'),
    channels: z.array(z.string().min(1)).min(1).describe('How the questionnaire was distributed.'),
    sample: z.string().min(1).describe('Who answered: a sentence for the methodology box.'),
    sponsor: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Who paid for the survey, as the methodology box says it (default: the publisher and its partners, who also conducted it).',
      ),
    eligibility: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Who could answer and how that was checked: a sentence for the methodology box (AAPOR disclosure).',
      ),
    standfirst: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The standfirst of the edition's index page, under the survey's name (default: who conducted the survey, when, and how many answered).",
      ),
    previous: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The previous edition\'s folder, relative to this one (e.g. "../2024"): every figure both editions have gets a change figure (<id>.change).',
      ),
    publishUrl: z
      .string()
      .url()
      .optional()
      .describe(
        'Address where the output folder is published: the newsletter links to enquete.html there and loads its images from charts/ (overridden by --base-url).',
      ),
  })
  .strict();

/** The export: its file (and sheet), the columns that are no question, and how close two identical submissions are one. */
const sourceSchema = z
  .object({
    file: z
      .string()
      .min(1)
      .default('responses.csv')
      .describe(
        'The export, in the edition folder: a CSV (Google Forms) or a workbook (.xlsx: Google Sheets, Microsoft Forms).',
      ),
    sheet: z
      .string()
      .min(1)
      .optional()
      .describe("The workbook's sheet holding the responses (default: its first sheet)."),
    metadata: z
      .array(z.string().min(1))
      .default([])
      .describe(
        "Headers of the export's columns that are no question: the form's own (Microsoft Forms' ID and start time), never read.",
      ),
    duplicateWindowMinutes: z
      .number()
      .int()
      .min(0)
      .default(10)
      .describe(
        'Two identical submissions this close in time count as one (the later is excluded).',
      ),
  })
  .strict()
  .default({ file: 'responses.csv', metadata: [], duplicateWindowMinutes: 10 });

/** The weights' default bounds: no respondent counts for less than 0.3 or more than 3 average respondents. */
export const DEFAULT_WEIGHT_BOUNDS: [number, number] = [0.3, 3];

/**
 * Weighting to the profession's known shape: target shares for closed
 * questions, by answer code. Whether they can be met is checked in
 * references.ts (the config) and analysis/weights.ts (the data).
 */
const weightingSchema = z
  .object({
    source: z
      .string()
      .min(1)
      .describe(
        'Where the target shares come from (e.g. "DREES, effectifs 2024"): printed in the methodology box.',
      ),
    bounds: z
      .tuple([z.number(), z.number()])
      .default(DEFAULT_WEIGHT_BOUNDS)
      .describe(
        "The lowest and highest weight a respondent may get, relative to the average respondent's 1 (default [0.3, 3]).",
      ),
    margins: z
      .record(code, z.record(code, z.number()))
      .describe(
        'Per single-choice or yes/no question id: the share of the population giving each answer code, from 0 to 1, summing to 1 (e.g. profession: { radiologue: 0.30, manipulateur: 0.45, cadre: 0.15, autre: 0.10 }).',
      ),
    apply: z
      .boolean()
      .default(true)
      .describe(
        'false: the edition prints its figures unweighted (as answered), the weighting left unused.',
      ),
  })
  .strict()
  .describe(
    "Weights that make the respondents match the population's known shares (raking); every share and mean is then weighted.",
  );

export type Weighting = z.output<typeof weightingSchema>;

const editionShape = (charts: z.ZodType<ChartConfig, ChartConfig>) =>
  z
    .object({
      $schema: z.string().optional(),
      edition: editionFacts,
      source: sourceSchema,
      questions: z.array(questionSchema).min(1),
      segments: z.array(segmentSchema).default([]),
      articles: z.array(articleSchema(charts)).min(1),
      theme: themeSchema.optional(),
      weighting: weightingSchema.optional(),
      comparability: z
        .record(code, z.string().min(1))
        .default({})
        .describe(
          "The editor's decisions on figures that no longer measure quite the same as in the previous edition, by question or segment id: why comparing them still makes sense. Each is printed in the methodology box.",
        ),
    })
    .strict();

export type EditionConfig = z.output<ReturnType<typeof editionShape>>;
export type Question = z.output<typeof questionSchema>;
export type Option = z.output<typeof option>;
export type Segment = z.output<typeof segmentSchema>;
export type Article = EditionConfig['articles'][number];
export type ClosedQuestion = Extract<Question, { options: unknown }>;
export type QuestionType = Question['type'];
export { ALL_SEGMENT, answerCodes, CLOSED_TYPES, hasOther, isClosed, OTHER_CODE } from './codes.js';

/** The JSON Schema an editor's YAML plugin reads. */
export function editionJsonSchema(kinds: readonly ChartKindRule[]): object {
  return z.toJSONSchema(editionSchemaFor(kinds), { io: 'input', target: 'draft-7' });
}
