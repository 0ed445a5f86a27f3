/** Figures made by hand for unit tests: a share of `count` out of `base` in segment "all". */
import type { ShareFigure } from '../../src/analysis/figures.js';

export const shareFigure = (id: string, count: number, base: number): ShareFigure => ({
  id,
  kind: 'share',
  label: id,
  segment: 'all',
  answer: 'oui',
  count,
  base,
  value: base > 0 ? count / base : null,
  ci: null,
});
