/**
 * One rounding per figure. A question's means print with the same number
 * of decimals everywhere (text, chart labels, tables, alt text, cards):
 * one by default, or what the articles ask for with `decimals=` on
 * `{{mean}}` or `{{before}}`. The asks are read from the templates' syntax
 * trees before anything is drawn; two different asks for the same question
 * are the editor's to settle, located in both files.
 *
 * A base supports so many decimals: a mean of fewer than 30 respondents
 * prints with one at most, any other with two at most. An ask beyond what
 * the base of a mean the edition prints supports is located at the ask.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Figure, MeanFigure } from '../analysis/figures.js';
import { type Edition, fileInEdition } from '../edition/load.js';
import { InputError, type Problem } from '../errors.js';
import { templates as say, tasks, where } from '../messages/index.js';
import { SMALL_BASE } from '../publication/french.js';
import { placeIn, type TemplatePlace } from './audit.js';
import { templateTree } from './template-tree.js';
import { inlineTexts } from './texts.js';

/** Helpers whose `decimals=` sets the precision of the mean they print. */
const ROUNDING_HELPERS = new Set(['mean', 'before']);

export interface Ask {
  question: string;
  decimals: number;
  file: string;
  line: number;
}

export interface MeanPrecision {
  /** Decimals of each question's means, by question id (absent: one decimal). */
  decimals: Map<string, number>;
  /** Where each was asked for. */
  asks: Ask[];
}

/** The decimals the articles ask for, read from every template of the edition. */
export async function meanPrecision(
  edition: Edition,
  figures: readonly Figure[],
): Promise<MeanPrecision> {
  const sources: Source[] = edition.config.articles.flatMap((a) => inlineTexts(edition, a));
  for (const article of edition.config.articles) {
    // A body outside the edition, or unreadable, is reported, located, when the article is compiled.
    const body = fileInEdition(edition.folder, article.body);
    if (body === null) continue;
    const text = await readFile(body, 'utf8').catch(() => null);
    if (text !== null) sources.push({ file: body, text });
  }
  return decidedPrecision(sources, figures);
}

/** A template's text and where it starts in its file (an article's own file from its first line). */
type Source = { file: string; text: string } & Partial<TemplatePlace>;

/** The same from the templates' texts: pure, for tests and callers that hold the sources. */
export function decideMeanPrecision(
  sources: readonly Source[],
  figures: readonly Figure[],
): Map<string, number> {
  return decidedPrecision(sources, figures).decimals;
}

function decidedPrecision(sources: readonly Source[], figures: readonly Figure[]): MeanPrecision {
  const questionOf = new Map(figures.map((f) => [f.id, f.question]));
  const asks = sources.flatMap((s) => asksIn(s, questionOf));
  const decided = new Map<string, Ask>();
  for (const ask of asks) {
    const first = decided.get(ask.question);
    if (!first) decided.set(ask.question, ask);
    else if (first.decimals !== ask.decimals) throw conflict(first, ask);
  }
  return { decimals: new Map([...decided].map(([q, a]) => [q, a.decimals])), asks };
}

/** The most decimals a mean of `base` respondents prints with. */
export function supportedDecimals(base: number): number {
  return base < SMALL_BASE ? 1 : 2;
}

/**
 * Asks for more decimals than a printed mean's base supports, each located
 * at the ask and naming the figure with the smallest base among those printed.
 */
export function precisionProblems(asks: readonly Ask[], printed: readonly MeanFigure[]): Problem[] {
  const seen = new Set<string>();
  return asks.flatMap((ask) => {
    const key = `${ask.file}:${ask.line}:${ask.question}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const means = printed.filter((f) => f.question === ask.question);
    const worst = means.reduce<MeanFigure | undefined>(
      (w, f) => (w && w.base <= f.base ? w : f),
      undefined,
    );
    if (!worst || ask.decimals <= supportedDecimals(worst.base)) return [];
    return [
      {
        file: ask.file,
        line: ask.line,
        where: where.figure(worst.id),
        ...say.decimalsBeyondBase(
          ask.question,
          ask.decimals,
          worst.id,
          worst.base,
          supportedDecimals(worst.base),
        ),
      },
    ];
  });
}

function asksIn(source: Source, questionOf: Map<string, string | undefined>): Ask[] {
  // Most texts ask nothing: not parsed for nothing (each is parsed once for every reader: template-tree.ts).
  if (!source.text.includes('decimals')) return [];
  let program: hbs.AST.Program;
  try {
    program = templateTree(source.text);
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
      file: source.file,
      line: placeIn(
        { article: '', part: '', firstLine: 1, firstColumn: 1, ...source },
        node.loc.start,
      ).line,
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
