/**
 * Counts, shares and means of one question within one segment. The base of
 * a share is always the segment's respondents to whom the question applies
 * and who answered it: a blank is non-response, never a "no".
 */
import { OTHER_CODE } from '../edition/references.js';
import {
  type ClosedQuestion,
  type EditionConfig,
  isClosed,
  type Question,
  type Segment,
} from '../edition/schema.js';
import type { Response } from '../ingest/types.js';
import { findSegment, membersOf } from './segments.js';
import { type Interval, type MeanStats, meanOf, wilson } from './stats.js';

export interface Share {
  count: number;
  base: number;
  /** count / base; null when nobody answered. */
  value: number | null;
  ci: Interval | null;
}

export function share(count: number, base: number): Share {
  return { count, base, value: base > 0 ? count / base : null, ci: wilson(count, base) };
}

/** Members of the segment who were asked the question (its `appliesTo` segment, if any). */
export function askedIn(
  config: EditionConfig,
  responses: readonly Response[],
  question: Question,
  segment: Segment,
): Response[] {
  const members = membersOf(responses, segment);
  if (question.appliesTo === undefined) return members;
  const target = findSegment(config, question.appliesTo);
  if (!target) throw new Error(`appliesTo names unknown segment ${question.appliesTo}`);
  return membersOf(members, target);
}

export function answered(respondents: readonly Response[], questionId: string): Response[] {
  return respondents.filter((r) => r.answers[questionId] != null);
}

export interface NonResponse {
  asked: number;
  answered: number;
  missing: number;
}

export function nonResponse(respondents: readonly Response[], questionId: string): NonResponse {
  const n = answered(respondents, questionId).length;
  return { asked: respondents.length, answered: n, missing: respondents.length - n };
}

/** Share of respondents who chose `code` (for multiple choice: among their choices). */
export function shareChoosing(
  respondents: readonly Response[],
  questionId: string,
  code: string,
): Share {
  const base = answered(respondents, questionId);
  const count = base.filter((r) => {
    const a = r.answers[questionId];
    return a?.kind === 'choice' && a.codes.includes(code);
  }).length;
  return share(count, base.length);
}

export interface OptionShare extends Share {
  code: string;
  label: string;
}

/**
 * Every option's share, in form order, then typed "Autre" answers. For a
 * multiple-choice question the shares are over respondents and may sum past 100 %.
 */
export function distribution(
  respondents: readonly Response[],
  question: ClosedQuestion,
): OptionShare[] {
  const options = question.options.map((o) => ({ code: o.code, label: o.short ?? o.label }));
  if (question.type !== 'yesno' && question.other)
    options.push({ code: OTHER_CODE, label: 'Autre' });
  return options.map((o) => ({ ...o, ...shareChoosing(respondents, question.id, o.code) }));
}

/** Shares of each value of a scale question (1..10), over those who answered. */
export function scaleDistribution(
  respondents: readonly Response[],
  question: Extract<Question, { type: 'scale' }>,
): OptionShare[] {
  const values = numbers(respondents, question.id);
  const out: OptionShare[] = [];
  for (let v = question.min; v <= question.max; v++) {
    out.push({
      code: String(v),
      label: String(v),
      ...share(values.filter((x) => x === v).length, values.length),
    });
  }
  return out;
}

export function numbers(respondents: readonly Response[], questionId: string): number[] {
  return respondents.flatMap((r) => {
    const a = r.answers[questionId];
    return a?.kind === 'number' ? [a.value] : [];
  });
}

export function meanScore(respondents: readonly Response[], questionId: string): MeanStats | null {
  return meanOf(numbers(respondents, questionId));
}

/** The distinct typed "Autre" answers, with how many gave each. */
export function otherAnswers(
  respondents: readonly Response[],
  questionId: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of respondents) {
    const a = r.answers[questionId];
    if (a?.kind === 'choice' && a.other) out.set(a.other, (out.get(a.other) ?? 0) + 1);
  }
  return out;
}

export interface CrossTabRow {
  segment: Segment;
  asked: number;
  cells: OptionShare[];
}

/** A closed question by a list of segments: one row per segment, one cell per option. */
export function crossTab(
  config: EditionConfig,
  responses: readonly Response[],
  question: Question,
  segments: readonly Segment[],
): CrossTabRow[] {
  return segments.map((segment) => {
    const asked = askedIn(config, responses, question, segment);
    const cells = isClosed(question)
      ? distribution(asked, question)
      : question.type === 'scale'
        ? scaleDistribution(asked, question)
        : [];
    return { segment, asked: asked.length, cells };
  });
}
