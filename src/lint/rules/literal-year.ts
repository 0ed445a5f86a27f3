/**
 * A year typed in an article's words (not printed by a helper) that is not
 * the edition's: after `enquete init`, last year's « l'enquête conduite en
 * 2024 » would otherwise be published in 2025.
 */
import Handlebars from 'handlebars';
import type { Problem } from '../../errors.js';
import { lint as say, where } from '../../messages/index.js';
import { placeIn } from '../../render/audit.js';
import { editionView } from '../../render/context.js';
import { templateTree } from '../../render/template-tree.js';
import type { LintInput } from '../input.js';

/** A year from 1900 to 2099 standing alone: not part of a longer number nor of a decimal ("2024,5"). */
const YEAR = /(?<!\d|\d[,.])(?:19|20)\d{2}(?!\d|[,.]\d)/g;

export function literalYears({ edition, texts, previous }: LintInput): Problem[] {
  const { year } = editionView(edition.config);
  const previousId = previous?.config.edition.id;
  return texts.flatMap((t) =>
    wordsOf(t.text).flatMap((words) =>
      [...words.value.matchAll(YEAR)].flatMap((m) => {
        if (m[0] === year) return [];
        const lines = words.value.slice(0, m.index).split('\n');
        const last = lines.at(-1)?.length ?? 0;
        // Where the year is in the template (line 1-based, column 0-based), then in its file.
        const at = placeIn(t, {
          line: words.line + lines.length - 1,
          column: lines.length > 1 ? last : words.column + last,
        });
        return [
          {
            file: t.file,
            line: at.line,
            column: at.column,
            where: where.articlePart(t.article, t.part),
            ...say.literalYear(m[0], year, m[0] === previousId),
          },
        ];
      }),
    ),
  );
}

/**
 * The words typed in a template: its text between helpers and the helpers'
 * words, with where each piece starts (line 1-based, column 0-based).
 */
function wordsOf(text: string): { value: string; line: number; column: number }[] {
  let program: hbs.AST.Program;
  try {
    program = templateTree(text);
  } catch {
    return []; // a template that does not parse is reported, located, when it is compiled
  }
  const out: { value: string; line: number; column: number }[] = [];
  const visitor = new Handlebars.Visitor();
  visitor.ContentStatement = (node) => {
    // `original` is the text before whitespace control (Handlebars' types call it otherwise).
    out.push({
      value: String(node.original),
      line: node.loc.start.line,
      column: node.loc.start.column,
    });
  };
  // A helper's words are typed too ({{list "id" "en 2023"}}); a figure id has no space.
  visitor.StringLiteral = (node) => {
    if (/\s/.test(node.value))
      out.push({ value: node.value, line: node.loc.start.line, column: node.loc.start.column + 1 });
  };
  visitor.accept(program);
  return out;
}
