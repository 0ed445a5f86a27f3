/**
 * Respondents a chart's segments leave out when the segments are meant to
 * cover everyone: they include the « autre » catch-all of the question they
 * are defined on, or they covered every respondent of the previous edition.
 * A new year's form listing new answers (two new professions) would
 * otherwise drop those respondents from the chart without a word.
 */
import { coverage } from '../../analysis/coverage.js';
import { findSegment } from '../../analysis/segments.js';
import { chartKind } from '../../charts/kinds/index.js';
import { OTHER_CODE } from '../../edition/references.js';
import type { ChartConfig, EditionConfig, Question } from '../../edition/schema.js';
import { isClosed } from '../../edition/schema.js';
import type { Problem } from '../../errors.js';
import { lint as say, where } from '../../messages/index.js';
import type { LintInput } from '../input.js';

export function uncoveredRespondents({
  edition,
  responses,
  previous,
  charts,
}: LintInput): Problem[] {
  const { config } = edition;
  return charts.flatMap(({ chart, at }) =>
    segmentLists(chart).flatMap(({ key, segments }) => {
      if (segments.includes('all')) return [];
      const question = config.questions.find((q) => q.id === chart.question) as Question;
      const catchAll = segments.find((s) => isCatchAll(config, s));
      if (!catchAll && !coveredBefore(previous, segments, chart.question)) return [];
      const seen = coverage(config, responses, segments, question);
      if (seen.uncovered === 0) return [];
      const answers = [...seen.answers].flatMap(([qid, codes]) =>
        [...codes].map(([code, n]) => ({
          question: qid,
          code,
          label: labelOf(config, qid, code),
          n,
        })),
      );
      return [
        {
          file: edition.configFile,
          ...edition.locate([...at, key]),
          where: where.chart(chart.id),
          ...say.uncovered(
            seen.uncovered,
            segments,
            answers,
            catchAll ? widened(config, catchAll, answers) : undefined,
          ),
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

/** A segment that takes the typed « Autre » answers of the question it is defined on. */
function isCatchAll(config: EditionConfig, id: string): boolean {
  const s = findSegment(config, id);
  return (
    s !== undefined && Object.values(s.where).some((codes) => [codes].flat().includes(OTHER_CODE))
  );
}

/** The same segments covered every respondent of the previous edition. */
function coveredBefore(
  previous: LintInput['previous'],
  segments: string[],
  questionId: string,
): boolean {
  if (!previous) return false;
  const q = previous.config.questions.find((x) => x.id === questionId);
  if (!q || segments.some((s) => !findSegment(previous.config, s))) return false;
  const seen = coverage(previous.config, previous.responses, segments, q);
  return seen.universe > 0 && seen.uncovered === 0;
}

function labelOf(config: EditionConfig, questionId: string, code: string): string {
  if (code === OTHER_CODE) return '« Autre »';
  const q = config.questions.find((x) => x.id === questionId);
  return (q && isClosed(q) && q.options.find((o) => o.code === code)?.label) || code;
}

/** The catch-all's conditions with the answers left out added: the YAML that takes them in. */
function widened(
  config: EditionConfig,
  catchAll: string,
  answers: { question: string; code: string }[],
): { segment: string; where: string } {
  const s = findSegment(config, catchAll);
  const conditions = Object.entries(s?.where ?? {}).map(([qid, codes]) => {
    const all = [
      ...new Set([
        ...[codes].flat(),
        ...answers.filter((a) => a.question === qid).map((a) => a.code),
      ]),
    ];
    return `${qid}: ${all.length === 1 ? all[0] : `[${all.join(', ')}]`}`;
  });
  return { segment: catchAll, where: `where: { ${conditions.join(', ')} }` };
}
