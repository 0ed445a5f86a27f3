/**
 * Checks the schema cannot express: ids unique, segments and `appliesTo`
 * naming what exists, answer codes known to their question.
 */
import type { Problem } from '../errors.js';
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
      problem: dup('question id', config.questions[i]?.id),
    });
  });
  duplicates(config.questions.map((q) => normaliseText(q.header))).forEach((i) => {
    out.push({
      path: ['questions', i, 'header'],
      problem: dup('column header', config.questions[i]?.header),
    });
  });
  duplicates(config.segments.map((s) => s.id)).forEach((i) => {
    out.push({ path: ['segments', i, 'id'], problem: dup('segment id', config.segments[i]?.id) });
  });
  config.segments.forEach((s, i) => {
    if (s.id === ALL_SEGMENT) {
      out.push({
        path: ['segments', i, 'id'],
        problem: {
          where: 'segment "all"',
          expected: 'an id other than "all"',
          found: '"all"',
          fix: '"all" is built in (every respondent kept); rename this segment.',
        },
      });
    }
  });
  if (config.questions.filter((q) => q.type === 'timestamp').length !== 1) {
    out.push({
      path: ['questions'],
      problem: {
        expected: 'exactly one question of type "timestamp" (the "Horodateur" column)',
        found: `${config.questions.filter((q) => q.type === 'timestamp').length}`,
        fix: 'Describe the timestamp column once, with type: timestamp.',
      },
    });
  }

  config.questions.forEach((q, i) => {
    if (q.appliesTo !== undefined && !segmentIds.has(q.appliesTo)) {
      out.push({
        path: ['questions', i, 'appliesTo'],
        problem: {
          where: `question "${q.id}"`,
          expected: `a segment id (${[...segmentIds].join(', ')})`,
          found: `"${q.appliesTo}"`,
          fix: 'Use the id of a segment listed under "segments:", or add that segment.',
        },
      });
    }
    if (q.type === 'scale' && q.min >= q.max) {
      out.push({
        path: ['questions', i, 'max'],
        problem: {
          where: `question "${q.id}"`,
          expected: 'max greater than min',
          found: `min ${q.min}, max ${q.max}`,
          fix: 'Write the range of the scale as the form offers it, e.g. min: 1, max: 10.',
        },
      });
    }
    if (isClosed(q)) {
      duplicates(q.options.map((o) => o.code)).forEach((j) => {
        out.push({
          path: ['questions', i, 'options', j, 'code'],
          problem: dup('answer code', q.options[j]?.code),
        });
      });
      q.options.forEach((o, j) => {
        if (o.code === OTHER_CODE) {
          out.push({
            path: ['questions', i, 'options', j, 'code'],
            problem: {
              where: `question "${q.id}"`,
              expected: `a code other than "${OTHER_CODE}"`,
              found: `"${OTHER_CODE}"`,
              fix: `"${OTHER_CODE}" stands for typed "Autre" answers; set "other: true" instead of listing it.`,
            },
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
            where: `segment "${s.id}"`,
            expected: `a question id (${config.questions.map((x) => x.id).join(', ')})`,
            found: `"${qid}"`,
            fix: 'Use the id of a question listed under "questions:".',
          },
        });
        continue;
      }
      if (!isClosed(q)) {
        out.push({
          path: ['segments', i, 'where', qid],
          problem: {
            where: `segment "${s.id}"`,
            expected: 'a question with answer options (single, multiple or yesno)',
            found: `question "${qid}" of type ${q.type}`,
            fix: 'Segments select respondents by their answers to closed questions.',
          },
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
            problem: {
              where: `segment "${s.id}"`,
              expected: `an answer code of "${qid}" (${[...known].join(', ')})`,
              found: `"${c}"`,
              fix: `Use one of the codes listed under the options of question "${qid}".`,
            },
          });
        }
      }
    }
  });
  config.articles.forEach((a, i) => {
    duplicates(a.charts.map((c) => c.id)).forEach((j) => {
      out.push({
        path: ['articles', i, 'charts', j, 'id'],
        problem: dup('chart id', a.charts[j]?.id),
      });
    });
    a.charts.forEach((c, j) => {
      const at = (key: string) => ['articles', i, 'charts', j, key];
      const q = questions.get(c.question);
      const where = `chart "${c.id}"`;
      if (!q) {
        out.push({
          path: at('question'),
          problem: {
            where,
            expected: `a question id (${config.questions.map((x) => x.id).join(', ')})`,
            found: `"${c.question}"`,
            fix: 'Use the id of a question listed under "questions:".',
          },
        });
        return;
      }
      const kind = kinds.find((k) => k.kind === c.kind) as ChartKindRule;
      if (!kind.accepts.test(q)) {
        out.push({
          path: at('kind'),
          problem: {
            where,
            expected: kind.accepts.expected,
            found: `question "${q.id}" of type ${q.type}`,
            fix: kind.accepts.fix,
          },
        });
      }
      for (const key of kind.segmentKeys) {
        for (const s of [c[key] as string | string[]].flat()) {
          if (s !== ALL_SEGMENT && !segmentIds.has(s)) {
            out.push({
              path: at(key),
              problem: {
                where,
                expected: `a segment id (all, ${[...segmentIds].join(', ')})`,
                found: `"${s}"`,
                fix: 'Use the id of a segment listed under "segments:", or "all".',
              },
            });
          }
        }
      }
      const extra = kind.check?.(c, q, config);
      if (extra) {
        const { key, ...problem } = extra;
        out.push({ path: at(key), problem: { where, ...problem } });
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
            problem: {
              where,
              expected: `an answer code of "${q.id}" (${codes.join(', ')})`,
              found: `"${answer}"`,
              fix: `Use one of the codes listed under the options of question "${q.id}".`,
            },
          });
        }
      }
    });
  });
  return out;
}

function dup(what: string, value: string | undefined): Omit<Problem, 'file'> {
  return {
    expected: `each ${what} once`,
    found: `"${value}" again`,
    fix: `Give this ${what} a name of its own, or remove the repeated entry.`,
  };
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
