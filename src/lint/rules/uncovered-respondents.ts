/**
 * Respondents a chart's segments leave out when the segments are meant to
 * cover everyone: they are all defined on one question and one of them
 * takes its « autre » answers (the catch-all), or they covered every
 * respondent of the previous edition. A new year's form listing new answers
 * (two new professions) would otherwise drop those respondents from the
 * chart without a word.
 */
import { coverage } from '../../analysis/coverage.js';
import { findSegment } from '../../analysis/segments.js';
import { chartKind } from '../../charts/kinds/index.js';
import type { ChartConfig, EditionConfig, Question, Segment } from '../../edition/schema.js';
import { ALL_SEGMENT, isClosed, OTHER_CODE } from '../../edition/schema.js';
import type { Problem } from '../../errors.js';
import { lint as say, where } from '../../messages/index.js';
import type { LintInput, Respondents } from '../input.js';

export function uncoveredRespondents({
  edition,
  respondents,
  previous,
  charts,
}: LintInput): Problem[] {
  const { config } = edition;
  return charts.flatMap(({ chart, at }) =>
    segmentLists(chart).flatMap(({ key, segments }) => {
      if (segments.includes(ALL_SEGMENT)) return [];
      const catchAll = catchAllOf(config, segments);
      if (!catchAll && !coveredBefore(previous, segments, chart.question)) return [];
      const question = config.questions.find((q) => q.id === chart.question) as Question;
      const { membership, responses } = respondents;
      const seen = coverage(config, responses, membership, segments, question);
      if (seen.uncovered === 0) return [];
      const answers = [...seen.answers].flatMap(([qid, codes]) =>
        [...codes].map(([code, n]) => ({
          question: qid,
          code,
          label: labelOf(config, qid, code),
          n,
        })),
      );
      const widened = catchAll && {
        segment: catchAll.segment.id,
        where: whereWith(
          catchAll.segment,
          catchAll.question,
          answers.map((a) => a.code),
        ),
      };
      return [
        {
          file: edition.configFile,
          ...edition.locate([...at, key]),
          where: where.chart(chart.id),
          ...say.uncovered(seen.uncovered, segments, answers, widened || undefined),
        },
      ];
    }),
  );
}

/** The chart's lists of segments, by key. */
function segmentLists(chart: ChartConfig): { key: string; segments: string[] }[] {
  return chartKind(chart.kind).segmentKeys.flatMap((key) =>
    Array.isArray(chart[key]) ? [{ key, segments: chart[key] as string[] }] : [],
  );
}

/**
 * The segment of the list that takes the typed « Autre » answers of the one
 * question every segment of the list is defined on, if there is one: such a
 * list means to split all who answered that question.
 */
function catchAllOf(
  config: EditionConfig,
  ids: string[],
): { segment: Segment; question: string } | undefined {
  const segments = ids.map((id) => findSegment(config, id));
  const questions = new Set(segments.flatMap((s) => Object.keys(s?.where ?? {})));
  const [question] = questions;
  if (questions.size !== 1 || question === undefined) return undefined;
  const segment = segments.find((s) => s && [s.where[question]].flat().includes(OTHER_CODE));
  return segment && { segment, question };
}

/** The same segments covered every respondent of the previous edition. */
function coveredBefore(
  previous: Respondents | undefined,
  segments: string[],
  questionId: string,
): boolean {
  if (!previous) return false;
  const q = previous.config.questions.find((x) => x.id === questionId);
  if (!q || segments.some((s) => !findSegment(previous.config, s))) return false;
  const seen = coverage(previous.config, previous.responses, previous.membership, segments, q);
  return seen.universe > 0 && seen.uncovered === 0;
}

function labelOf(config: EditionConfig, questionId: string, code: string): string {
  if (code === OTHER_CODE) return say.otherAnswer;
  const q = config.questions.find((x) => x.id === questionId);
  return (q && isClosed(q) && q.options.find((o) => o.code === code)?.label) || code;
}

/** The catch-all's condition with the answers left out added: the YAML that takes them in. */
function whereWith(segment: Segment, question: string, codes: string[]): string {
  const all = [...new Set([...[segment.where[question] ?? []].flat(), ...codes])];
  return `where: { ${question}: ${all.length === 1 ? all[0] : `[${all.join(', ')}]`} }`;
}
