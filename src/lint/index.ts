/**
 * What a new year breaks without stopping the build: each rule reads the
 * edition, its figures and what the articles' texts printed (the audit), and
 * says where a sentence or a chart no longer fits the data, with the fix.
 * `enquete check` prints them (`--strict` makes them errors), `enquete build`
 * prints them and goes on. A rule is one file in rules/ and one line here.
 */
import type { Problem } from '../errors.js';
import type { LintInput } from './input.js';
import { emptySegments } from './rules/empty-segment.js';
import { handTypedKeyFigures } from './rules/hand-typed-key-figures.js';
import { literalYears } from './rules/literal-year.js';
import { percentOnSmallBase } from './rules/percent-small-base.js';
import { smallBaseClaims } from './rules/small-base-claim.js';
import { uncoveredRespondents } from './rules/uncovered-respondents.js';

export type { LintInput } from './input.js';

export const LINT_RULES: readonly ((input: LintInput) => Problem[])[] = [
  literalYears,
  uncoveredRespondents,
  emptySegments,
  smallBaseClaims,
  percentOnSmallBase,
  handTypedKeyFigures,
];

export function lintEdition(input: LintInput): Problem[] {
  return LINT_RULES.flatMap((rule) => rule(input));
}
