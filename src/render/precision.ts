/**
 * One rounding per figure. A question's means print with the same number
 * of decimals everywhere (text, chart labels, tables, alt text, cards):
 * one by default, or what the articles ask for with `decimals=` on
 * `{{mean}}` or `{{before}}`. The asks are read from the templates' syntax
 * trees before anything is drawn; two different asks for the same question
 * are the editor's to settle, located in both files.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Figure } from '../analysis/figures.js';
import type { Edition } from '../edition/load.js';
import { InputError } from '../errors.js';
import { templates as say, tasks, where } from '../messages/index.js';

/** Helpers whose `decimals=` sets the precision of the mean they print. */
const ROUNDING_HELPERS = new Set(['mean', 'before']);

interface Ask {
  question: string;
  decimals: number;
  file: string;
  line: number;
}

/** Decimals of each question's means, by question id (absent: one decimal). */
export async function meanPrecision(
  edition: Edition,
  figures: readonly Figure[],
): Promise<Map<string, number>> {
  const sources: { file: string; text: string }[] = [];
  for (const article of edition.config.articles) {
    const inline = [article.dek, ...article.charts.map((c) => c.title)];
    for (const text of inline) sources.push({ file: edition.configFile, text });
    const body = path.resolve(edition.folder, article.body);
    // An unreadable body is reported, located, when the article is compiled.
    const text = await readFile(body, 'utf8').catch(() => null);
    if (text !== null) sources.push({ file: body, text });
  }
  return decideMeanPrecision(sources, figures);
}

/** The same from the templates' texts: pure, for tests and callers that hold the sources. */
export function decideMeanPrecision(
  sources: readonly { file: string; text: string }[],
  figures: readonly Figure[],
): Map<string, number> {
  const questionOf = new Map(figures.map((f) => [f.id, f.question]));
  const asks = sources.flatMap((s) => asksIn(s.text, s.file, questionOf));
  const decided = new Map<string, Ask>();
  for (const ask of asks) {
    const first = decided.get(ask.question);
    if (!first) decided.set(ask.question, ask);
    else if (first.decimals !== ask.decimals) throw conflict(first, ask);
  }
  return new Map([...decided].map(([q, a]) => [q, a.decimals]));
}

function asksIn(text: string, file: string, questionOf: Map<string, string | undefined>): Ask[] {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(text);
  } catch {
    return []; // a syntax error is reported, located, when the template is compiled
  }
  const asks: Ask[] = [];
  const visitor = new Handlebars.Visitor();
  const look = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression) => {
    const name = (node.path as hbs.AST.PathExpression).original;
    const id = node.params[0];
    const decimals = node.hash?.pairs.find((p) => p.key === 'decimals')?.value;
    if (!ROUNDING_HELPERS.has(name) || id?.type !== 'StringLiteral' || !decimals) return;
    const question = questionOf.get((id as hbs.AST.StringLiteral).value);
    if (question === undefined) return; // an unknown id is reported when the template renders
    asks.push({
      question,
      decimals: Number((decimals as hbs.AST.NumberLiteral).value),
      file,
      line: node.loc.start.line,
    });
  };
  visitor.MustacheStatement = function (node) {
    look(node);
    Handlebars.Visitor.prototype.MustacheStatement.call(this, node);
  };
  visitor.SubExpression = function (node) {
    look(node);
    Handlebars.Visitor.prototype.SubExpression.call(this, node);
  };
  visitor.accept(program);
  return asks;
}

function conflict(first: Ask, second: Ask): InputError {
  return new InputError(tasks.readArticleTemplates, [
    {
      file: second.file,
      where: where.line(second.line),
      ...say.decimals(
        second.question,
        first.decimals,
        path.basename(first.file),
        first.line,
        second.decimals,
      ),
    },
  ]);
}
