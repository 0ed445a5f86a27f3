/**
 * Key figures typed as a list (`<ul class="key-figures">`, as articles were
 * written before the {{#keyFigure}} helper): the page still shows them, but
 * the social cards, made from the figures the helper records, leave them out.
 */
import type { Problem } from '../../errors.js';
import { lint as say, where } from '../../messages/index.js';
import { placeIn } from '../../render/audit.js';
import type { LintInput } from '../input.js';

const TYPED_LIST = /<ul\b[^>]*\bclass=["'][^"']*\bkey-figures\b/;

export function handTypedKeyFigures({ texts, audit }: LintInput): Problem[] {
  return texts.flatMap((t) => {
    const m = t.part === 'body' ? TYPED_LIST.exec(t.text) : null;
    if (!m || audit.keyFigures(t.article).length > 0) return [];
    const lines = t.text.slice(0, m.index).split('\n');
    const at = placeIn(t, { line: lines.length, column: lines.at(-1)?.length ?? 0 });
    return [
      {
        file: t.file,
        line: at.line,
        column: at.column,
        where: where.articlePart(t.article, t.part),
        ...say.handTypedKeyFigures(),
      },
    ];
  });
}
