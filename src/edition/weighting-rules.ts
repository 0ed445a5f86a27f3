/**
 * What the config's `weighting:` must be before any respondent is weighed
 * (the data's own problems, a target no respondent can carry, are
 * analysis/weights.ts's): its questions known, closed with one answer per
 * respondent and publishable; a share for every answer code and none for
 * another code; shares from 0 to 1 that sum to 1; bounds around 1.
 */
import { references as say, where } from '../messages/index.js';
import { answerCodes } from './codes.js';
import type { Facts, ReferenceProblem } from './references.js';
import type { ClosedQuestion, Question } from './schema.js';

/** The shares of one question may miss 1 by this much (0.1 point): rounding in published statistics. */
export const SUM_TOLERANCE = 0.001;

/** One problem at a key of `weighting:`. */
function at(
  path: PropertyKey[],
  said: { expected: string; found: string; fix: string },
): ReferenceProblem {
  return {
    path: ['weighting', ...path],
    // Named as the schema's problems name a key (config-problems.ts keyName).
    problem: { where: where.key(['weighting', ...path].join(' › ')), ...said },
  };
}

/** A question raking can split respondents by: one answer each, printable. */
function weighable(q: Question | undefined): q is ClosedQuestion {
  return q !== undefined && (q.type === 'single' || q.type === 'yesno') && !q.private;
}

/** Each weighting question exists, has one answer per respondent and is not private. */
const weightingQuestions = ({ config, questions }: Facts): ReferenceProblem[] => {
  const margins = config.weighting?.margins;
  if (margins === undefined) return [];
  const ids = Object.keys(margins);
  if (ids.length === 0) return [at(['margins'], say.weightingNoQuestion())];
  return ids.flatMap((id) => {
    const q = questions.get(id);
    if (!q)
      return [
        at(
          ['margins', id],
          say.unknownQuestion(
            config.questions.map((x) => x.id),
            id,
          ),
        ),
      ];
    if (q.type !== 'single' && q.type !== 'yesno')
      return [at(['margins', id], say.weightingQuestionType(id, q.type))];
    if (q.private) return [at(['margins', id], say.weightingPrivate(id))];
    return [];
  });
};

/** A question's shares name its answer codes, every one of them. */
const weightingCodes = ({ config, questions }: Facts): ReferenceProblem[] =>
  Object.entries(config.weighting?.margins ?? {}).flatMap(([id, shares]) => {
    const q = questions.get(id);
    if (!weighable(q)) return [];
    const codes = answerCodes(q);
    const unknown = Object.keys(shares)
      .filter((c) => !codes.includes(c))
      .map((c) => at(['margins', id, c], say.unknownAnswer(id, codes, c)));
    const missing = codes.filter((c) => !(c in shares));
    return [
      ...unknown,
      ...(missing.length > 0
        ? [at(['margins', id], say.weightingMissingCodes(id, codes, missing))]
        : []),
    ];
  });

/** Shares from 0 to 1 that sum to 1, within 0.1 point. */
const weightingShares = ({ config }: Facts): ReferenceProblem[] =>
  Object.entries(config.weighting?.margins ?? {}).flatMap(([id, shares]) => {
    const outside = Object.entries(shares)
      .filter(([, share]) => !(share >= 0 && share <= 1))
      .map(([code, share]) => at(['margins', id, code], say.weightingShare(share)));
    if (outside.length > 0) return outside;
    const sum = Object.values(shares).reduce((a, b) => a + b, 0);
    if (Object.keys(shares).length === 0 || Math.abs(sum - 1) <= SUM_TOLERANCE) return [];
    return [at(['margins', id], say.weightingSum(id, sum))];
  });

/** The bounds hold the average respondent's weight, 1, and no weight of 0. */
const weightingBounds = ({ config }: Facts): ReferenceProblem[] => {
  const bounds = config.weighting?.bounds;
  if (bounds === undefined) return [];
  const [low, high] = bounds;
  return low > 0 && low <= 1 && high >= 1 ? [] : [at(['bounds'], say.weightingBounds(low, high))];
};

export const WEIGHTING_RULES = {
  weightingQuestions,
  weightingCodes,
  weightingShares,
  weightingBounds,
};
