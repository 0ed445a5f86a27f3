/**
 * Checks the schema cannot express: ids unique, segments and `appliesTo`
 * naming what exists, answer codes known to their question.
 */
import type { Problem } from '../errors.js';
import { type Duplicated, references as say, where } from '../messages/index.js';
import { normaliseText } from '../text.js';
import { type ChartKindRule, type EditionConfig, isClosed } from './schema.js';

export const ALL_SEGMENT = 'all';
export const OTHER_CODE = 'autre';

export interface ReferenceProblem {
  path: PropertyKey[];
  problem: Omit<Problem, 'file'>;
}

export function checkReferences(
  config: EditionConfig,
  kinds: readonly ChartKindRule[],
): ReferenceProblem[] {
  const out: ReferenceProblem[] = [];
  const questions = new Map(config.questions.map((q) => [q.id, q]));
  const segmentIds = new Set(config.segments.map((s) => s.id));

  duplicates(config.questions.map((q) => q.id)).forEach((i) => {
    out.push({
      path: ['questions', i, 'id'],
      problem: dup('questionId', config.questions[i]?.id),
    });
  });
  duplicates(config.questions.map((q) => normaliseText(q.header))).forEach((i) => {
    out.push({
      path: ['questions', i, 'header'],
      problem: dup('columnHeader', config.questions[i]?.header),
    });
  });
  duplicates(config.segments.map((s) => s.id)).forEach((i) => {
    out.push({ path: ['segments', i, 'id'], problem: dup('segmentId', config.segments[i]?.id) });
  });
  config.segments.forEach((s, i) => {
    if (s.id === ALL_SEGMENT) {
      out.push({
        path: ['segments', i, 'id'],
        problem: { where: where.segment(ALL_SEGMENT), ...say.segmentAll() },
      });
    }
  });
  if (config.questions.filter((q) => q.type === 'timestamp').length !== 1) {
    out.push({
      path: ['questions'],
      problem: say.timestampCount(config.questions.filter((q) => q.type === 'timestamp').length),
    });
  }

  config.questions.forEach((q, i) => {
    if (q.appliesTo !== undefined && !segmentIds.has(q.appliesTo)) {
      out.push({
        path: ['questions', i, 'appliesTo'],
        problem: { where: where.question(q.id), ...say.appliesTo([...segmentIds], q.appliesTo) },
      });
    }
    if (q.type === 'scale' && q.min >= q.max) {
      out.push({
        path: ['questions', i, 'max'],
        problem: { where: where.question(q.id), ...say.scaleRange(q.min, q.max) },
      });
    }
    if (isClosed(q)) {
      duplicates(q.options.map((o) => o.code)).forEach((j) => {
        out.push({
          path: ['questions', i, 'options', j, 'code'],
          problem: dup('answerCode', q.options[j]?.code),
        });
      });
      q.options.forEach((o, j) => {
        if (o.code === OTHER_CODE) {
          out.push({
            path: ['questions', i, 'options', j, 'code'],
            problem: { where: where.question(q.id), ...say.otherCode(OTHER_CODE) },
          });
        }
      });
    }
  });

  config.segments.forEach((s, i) => {
    for (const [qid, wanted] of Object.entries(s.where)) {
      const q = questions.get(qid);
      if (!q) {
        out.push({
          path: ['segments', i, 'where', qid],
          problem: {
            where: where.segment(s.id),
            ...say.unknownQuestion(
              config.questions.map((x) => x.id),
              qid,
            ),
          },
        });
        continue;
      }
      if (!isClosed(q)) {
        out.push({
          path: ['segments', i, 'where', qid],
          problem: { where: where.segment(s.id), ...say.segmentOnOpenQuestion(qid, q.type) },
        });
        continue;
      }
      const known = new Set([
        ...q.options.map((o) => o.code),
        ...(q.type !== 'yesno' && q.other ? [OTHER_CODE] : []),
      ]);
      for (const c of [wanted].flat()) {
        if (!known.has(c)) {
          out.push({
            path: ['segments', i, 'where', qid],
            problem: { where: where.segment(s.id), ...say.unknownAnswer(qid, [...known], c) },
          });
        }
      }
    }
  });
  for (const key of Object.keys(config.comparability)) {
    if (!questions.has(key) && !segmentIds.has(key)) {
      out.push({
        path: ['comparability', key],
        problem: {
          where: where.key(`comparability.${key}`),
          ...say.comparabilityKey([...questions.keys(), ...segmentIds], key),
        },
      });
    }
  }
  config.articles.forEach((a, i) => {
    duplicates(a.charts.map((c) => c.id)).forEach((j) => {
      out.push({
        path: ['articles', i, 'charts', j, 'id'],
        problem: dup('chartId', a.charts[j]?.id),
      });
    });
    a.charts.forEach((c, j) => {
      const at = (key: string) => ['articles', i, 'charts', j, key];
      const q = questions.get(c.question);
      const chart = where.chart(c.id);
      if (!q) {
        out.push({
          path: at('question'),
          problem: {
            where: chart,
            ...say.unknownQuestion(
              config.questions.map((x) => x.id),
              c.question,
            ),
          },
        });
        return;
      }
      const kind = kinds.find((k) => k.kind === c.kind) as ChartKindRule;
      if (!kind.accepts.includes(q.type)) {
        const drawing = kinds.filter((k) => k.accepts.includes(q.type)).map((k) => k.kind);
        out.push({
          path: at('kind'),
          problem: { where: chart, ...say.chartQuestionType(kind.accepts, q.id, q.type, drawing) },
        });
      }
      for (const key of kind.segmentKeys) {
        for (const s of [c[key] as string | string[]].flat()) {
          if (s !== ALL_SEGMENT && !segmentIds.has(s)) {
            out.push({
              path: at(key),
              problem: { where: chart, ...say.chartSegment([...segmentIds], s) },
            });
          }
        }
      }
      const extra = kind.check?.(c, q, config);
      if (extra) {
        const { key, ...problem } = extra;
        out.push({ path: at(key), problem: { where: chart, ...problem } });
      }
      const answer = kind.answerKey === undefined ? undefined : c[kind.answerKey];
      if (typeof answer === 'string' && isClosed(q)) {
        const codes = [
          ...q.options.map((o) => o.code),
          ...(q.type !== 'yesno' && q.other ? [OTHER_CODE] : []),
        ];
        if (!codes.includes(answer)) {
          out.push({
            path: at(kind.answerKey as string),
            problem: { where: chart, ...say.unknownAnswer(q.id, codes, answer) },
          });
        }
      }
    });
  });
  return out;
}

function dup(what: Duplicated, value: string | undefined): Omit<Problem, 'file'> {
  return say.duplicate(what, value);
}

function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}
