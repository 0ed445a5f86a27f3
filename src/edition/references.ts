/**
 * Checks the schema cannot express, one named rule each: ids unique,
 * segments and `appliesTo` naming what exists, answer codes known to their
 * question, each chart's question, kind, segments and answer. Every rule
 * reads the same facts and says its own problems; the config is good when
 * none has any.
 */
import type { Problem } from '../errors.js';
import { type Duplicated, references as say, where } from '../messages/index.js';
import { normaliseText } from '../text.js';
import {
  ALL_SEGMENT,
  type Article,
  answerCodes,
  type ChartKindRule,
  type EditionConfig,
  type FreeTextChoice,
  hasOther,
  isClosed,
  OTHER_CODE,
  type Question,
  type Segment,
} from './schema.js';
import { WEIGHTING_RULES } from './weighting-rules.js';

export interface ReferenceProblem {
  path: PropertyKey[];
  problem: Omit<Problem, 'file'>;
}

/** What every rule reads: the config, its questions and segments by id, the kinds of chart. */
export interface Facts {
  config: EditionConfig;
  kinds: readonly ChartKindRule[];
  questions: Map<string, Question>;
  segmentIds: Set<string>;
}

type Rule = (facts: Facts) => ReferenceProblem[];

export function checkReferences(
  config: EditionConfig,
  kinds: readonly ChartKindRule[],
): ReferenceProblem[] {
  const facts = factsOf(config, kinds);
  return Object.values(REFERENCE_RULES).flatMap((rule) => rule(facts));
}

export function factsOf(config: EditionConfig, kinds: readonly ChartKindRule[]): Facts {
  return {
    config,
    kinds,
    questions: new Map(config.questions.map((q) => [q.id, q])),
    segmentIds: new Set(config.segments.map((s) => s.id)),
  };
}

/** Two questions with one id. */
const uniqueQuestionIds: Rule = ({ config }) =>
  duplicates(config.questions.map((q) => q.id)).map((i) => ({
    path: ['questions', i, 'id'],
    problem: dup('questionId', config.questions[i]?.id),
  }));

/** Two questions reading one column (headers compared as the export reader compares them). */
const uniqueColumnHeaders: Rule = ({ config }) =>
  duplicates(config.questions.map((q) => normaliseText(q.header))).map((i) => ({
    path: ['questions', i, 'header'],
    problem: dup('columnHeader', config.questions[i]?.header),
  }));

const uniqueSegmentIds: Rule = ({ config }) =>
  duplicates(config.segments.map((s) => s.id)).map((i) => ({
    path: ['segments', i, 'id'],
    problem: dup('segmentId', config.segments[i]?.id),
  }));

/** « all » is every respondent: no config may define it. */
const allIsReserved: Rule = ({ config }) =>
  config.segments.flatMap((s, i) =>
    s.id === ALL_SEGMENT
      ? [
          {
            path: ['segments', i, 'id'],
            problem: { where: where.segment(ALL_SEGMENT), ...say.segmentAll() },
          },
        ]
      : [],
  );

/** Exactly one timestamp column: it dates each response. */
const oneTimestamp: Rule = ({ config }) => {
  const count = config.questions.filter((q) => q.type === 'timestamp').length;
  return count === 1 ? [] : [{ path: ['questions'], problem: say.timestampCount(count) }];
};

const appliesToKnownSegment: Rule = ({ config, segmentIds }) =>
  config.questions.flatMap((q, i) =>
    q.appliesTo !== undefined && !segmentIds.has(q.appliesTo)
      ? [
          {
            path: ['questions', i, 'appliesTo'],
            problem: {
              where: where.question(q.id),
              ...say.appliesTo([...segmentIds], q.appliesTo),
            },
          },
        ]
      : [],
  );

const scaleGoesUp: Rule = ({ config }) =>
  config.questions.flatMap((q, i) =>
    q.type === 'scale' && q.min >= q.max
      ? [
          {
            path: ['questions', i, 'max'],
            problem: { where: where.question(q.id), ...say.scaleRange(q.min, q.max) },
          },
        ]
      : [],
  );

const uniqueAnswerCodes: Rule = ({ config }) =>
  config.questions.flatMap((q, i) =>
    isClosed(q)
      ? duplicates(q.options.map((o) => o.code)).map((j) => ({
          path: ['questions', i, 'options', j, 'code'],
          problem: dup('answerCode', q.options[j]?.code),
        }))
      : [],
  );

/** « autre » is the code of the typed answers: no option may take it. */
const otherCodeIsReserved: Rule = ({ config }) =>
  config.questions.flatMap((q, i) =>
    isClosed(q)
      ? q.options.flatMap((o, j) =>
          o.code === OTHER_CODE
            ? [
                {
                  path: ['questions', i, 'options', j, 'code'],
                  problem: { where: where.question(q.id), ...say.otherCode(OTHER_CODE) },
                },
              ]
            : [],
        )
      : [],
  );

/** A segment is defined by answers to closed questions: each question known, each answer one of its codes. */
const segmentConditions: Rule = ({ config, questions }) =>
  config.segments.flatMap((s, i) =>
    Object.entries(s.where).flatMap(([qid, wanted]) => {
      const problem = (said: Omit<Problem, 'file' | 'where'>) => ({
        path: ['segments', i, 'where', qid],
        problem: { where: where.segment(s.id), ...said },
      });
      const q = questions.get(qid);
      if (!q) return [problem(unknownQuestion(config, qid))];
      if (!isClosed(q)) return [problem(say.segmentOnOpenQuestion(qid, q.type))];
      const known = answerCodes(q);
      return [wanted as Segment['where'][string]]
        .flat()
        .filter((c) => !known.includes(c))
        .map((c) => problem(say.unknownAnswer(qid, known, c)));
    }),
  );

/** A comparability decision is about a question or a segment of this edition. */
const comparabilityKeys: Rule = ({ config, questions, segmentIds }) =>
  Object.keys(config.comparability)
    .filter((key) => !questions.has(key) && !segmentIds.has(key))
    .map((key) => ({
      path: ['comparability', key],
      problem: {
        where: where.key(`comparability.${key}`),
        ...say.comparabilityKey([...questions.keys(), ...segmentIds], key),
      },
    }));

const uniqueChartIds: Rule = ({ config }) =>
  config.articles.flatMap((a, i) =>
    duplicates(a.charts.map((c) => c.id)).map((j) => ({
      path: ['articles', i, 'charts', j, 'id'],
      problem: dup('chartId', a.charts[j]?.id),
    })),
  );

type Chart = Article['charts'][number];

/** Each chart of each article with where it is, its question and its kind: the chart rules' subject. */
function eachChart(
  facts: Facts,
  check: (chart: Chart, question: Question, kind: ChartKindRule) => ChartProblem[],
): ReferenceProblem[] {
  return facts.config.articles.flatMap((a, i) =>
    a.charts.flatMap((c, j) => {
      const q = facts.questions.get(c.question);
      const kind = facts.kinds.find((k) => k.kind === c.kind);
      // An unknown question is chartQuestion's to say; an unknown kind, the schema's.
      if (!q || !kind) return [];
      return check(c, q, kind).map(({ key, ...problem }) => ({
        path: ['articles', i, 'charts', j, key],
        problem: { where: where.chart(c.id), ...problem },
      }));
    }),
  );
}

type ChartProblem = Omit<Problem, 'file' | 'where'> & { key: string };

const chartQuestion: Rule = ({ config, questions }) =>
  config.articles.flatMap((a, i) =>
    a.charts.flatMap((c, j) =>
      questions.has(c.question)
        ? []
        : [
            {
              path: ['articles', i, 'charts', j, 'question'],
              problem: { where: where.chart(c.id), ...unknownQuestion(config, c.question) },
            },
          ],
    ),
  );

/** The kind draws this type of question; if not, the kinds that do are named. */
const chartKindDrawsQuestion: Rule = (facts) =>
  eachChart(facts, (_chart, q, kind) => {
    if (kind.accepts.includes(q.type)) return [];
    const drawing = facts.kinds.filter((k) => k.accepts.includes(q.type)).map((k) => k.kind);
    return [{ key: 'kind', ...say.chartQuestionType(kind.accepts, q.id, q.type, drawing) }];
  });

const chartSegments: Rule = (facts) =>
  eachChart(facts, (chart, _q, kind) =>
    kind.segmentKeys.flatMap((key) =>
      [chart[key] as string | string[]]
        .flat()
        .filter((s) => s !== ALL_SEGMENT && !facts.segmentIds.has(s))
        .map((s) => ({ key, ...say.chartSegment([...facts.segmentIds], s) })),
    ),
  );

/** What else a kind requires of its config (its own rule, e.g. a previous edition). */
const chartKindOwnCheck: Rule = (facts) =>
  eachChart(facts, (chart, q, kind) => {
    const problem = kind.check?.(chart, q, facts.config);
    return problem ? [problem] : [];
  });

/** The answer a chart draws is one of its question's codes. */
const chartAnswer: Rule = (facts) =>
  eachChart(facts, (chart, q, kind) => {
    const answer = kind.answerKey === undefined ? undefined : chart[kind.answerKey];
    if (typeof answer !== 'string' || !isClosed(q)) return [];
    const codes = answerCodes(q);
    if (codes.includes(answer)) return [];
    return [{ key: kind.answerKey as string, ...say.unknownAnswer(q.id, codes, answer) }];
  });

/** Typed answers an article prints: a question respondents typed answers to, that may be published. */
const freeTextQuestion: Rule = ({ config, questions }) => {
  const typed = config.questions.filter((q) => typedAnswers(q) && !q.private).map((q) => q.id);
  return eachFreeText(config, (choice) => {
    const q = questions.get(choice.question);
    if (!q) return [say.freeTextQuestion(typed, choice.question)];
    if (q.private) return [say.freeTextPrivate(q.id)];
    if (!typedAnswers(q)) return [say.freeTextNotTyped(typed, q.id, q.type)];
    return [];
  });
};

/** Typed answers an article prints come from « all » or a segment of the config. */
const freeTextSegment: Rule = ({ config, segmentIds }) =>
  eachFreeText(config, (choice) =>
    choice.segment === ALL_SEGMENT || segmentIds.has(choice.segment)
      ? []
      : [{ key: 'segment', ...say.chartSegment([...segmentIds], choice.segment) }],
  );

/** Each article's free-text choices with where they are, the free-text rules' subject. */
function eachFreeText(
  config: EditionConfig,
  check: (choice: FreeTextChoice) => (Omit<Problem, 'file' | 'where'> & { key?: string })[],
): ReferenceProblem[] {
  return config.articles.flatMap((a, i) =>
    a.freeText.flatMap((choice, j) =>
      check(choice).map(({ key, ...problem }) => ({
        path: ['articles', i, 'freeText', j, ...(key ? [key] : [])],
        problem: { where: where.freeText(a.slug), ...problem },
      })),
    ),
  );
}

/** A question whose answers respondents type: a text question, or one with an « Autre » field. */
function typedAnswers(q: Question): boolean {
  return q.type === 'text' || (isClosed(q) && hasOther(q));
}

/** Every rule, by name (tested one by one in test/edition/references.test.ts). */
export const REFERENCE_RULES = {
  uniqueQuestionIds,
  uniqueColumnHeaders,
  uniqueSegmentIds,
  allIsReserved,
  oneTimestamp,
  appliesToKnownSegment,
  scaleGoesUp,
  uniqueAnswerCodes,
  otherCodeIsReserved,
  segmentConditions,
  comparabilityKeys,
  uniqueChartIds,
  chartQuestion,
  chartKindDrawsQuestion,
  chartSegments,
  chartKindOwnCheck,
  chartAnswer,
  freeTextQuestion,
  freeTextSegment,
  ...WEIGHTING_RULES,
} satisfies Record<string, Rule>;

function unknownQuestion(config: EditionConfig, id: string) {
  return say.unknownQuestion(
    config.questions.map((q) => q.id),
    id,
  );
}

function dup(what: Duplicated, value: string | undefined): Omit<Problem, 'file'> {
  return say.duplicate(what, value);
}

/** The positions of values seen before. */
function duplicates(values: string[]): number[] {
  return values.flatMap((v, i) => (values.indexOf(v) < i ? [i] : []));
}
