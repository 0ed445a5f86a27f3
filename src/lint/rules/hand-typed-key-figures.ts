/**
 * Key figures typed as a list (`<ul class="key-figures">`, as articles were
 * written before the {{#keyFigure}} helper): the page still shows them, but
 * the social cards, made from the figures the helper records, leave them out.
 */
import type { Problem } from '../../errors.js';
import { lint as say } from '../../messages/index.js';
import type { LintInput } from '../input.js';
import { problemInText } from '../text-problem.js';

const TYPED_LIST = /<ul\b[^>]*\bclass=["'][^"']*\bkey-figures\b/;

export function handTypedKeyFigures({ texts, audit }: LintInput): Problem[] {
  return texts.flatMap((t) => {
    const m = t.part === 'body' ? TYPED_LIST.exec(t.text) : null;
    if (!m || audit.keyFigures(t.article).length > 0) return [];
    return [problemInText(t, m.index, say.handTypedKeyFigures())];
  });
}
