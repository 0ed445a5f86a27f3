/**
 * `{{pct}}` on fewer than 30 respondents: the methodology box promises
 * counts (« 8 sur 14 ») under 30, so a percentage there contradicts it.
 */
import type { Problem } from '../../errors.js';
import { lint as say, where } from '../../messages/index.js';
import { SMALL_BASE } from '../../publication/french.js';
import type { LintInput } from '../input.js';

export function percentOnSmallBase({ audit, index }: LintInput): Problem[] {
  const seen = new Set<string>();
  return audit.printed.flatMap(({ place, helper, figure }) => {
    const f = index.find(figure);
    const key = `${place.file}:${place.line}:${place.column}`;
    if (helper !== 'pct' || f?.kind !== 'share' || f.base >= SMALL_BASE || seen.has(key)) return [];
    seen.add(key);
    return [
      {
        file: place.file,
        line: place.line,
        column: place.column,
        where: where.figure(figure),
        ...say.percentOnSmallBase(figure, f.base),
      },
    ];
  });
}
