/**
 * The Handlebars environment: an isolated instance with the figure helpers
 * and the shared partials. Templates are compiled in strict mode, so a
 * misspelt variable is an error, not an empty string; every value is
 * auto-escaped (the project never uses triple-stash on data).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { InputError } from '../errors.js';
import { type FigureIndex, FigureProblem } from '../format/figure-index.js';
import { templates as say, tasks, where } from '../messages/index.js';
import { type CallMistake, callMistakes } from './calls-check.js';
import { figureHelpers } from './helpers.js';
import { MarkdownProblem, markdownToTemplate, type Place } from './markdown.js';
import { templateTree } from './template-tree.js';

export type Hbs = typeof Handlebars;

export interface Template {
  file: string;
  /** The text as written in its file (an article's Markdown, not the HTML made of it). */
  source: string;
  /** What Handlebars compiled: the source itself, or the HTML made of an article's Markdown. */
  compiled: string;
  /** Where a place of the compiled template is in the file, when the two differ (Markdown). */
  placeOf?: (at: Place) => Place;
  /** `data` reaches the helpers (Handlebars' @data): where the text is, and the audit it reports to. */
  render(context: object, data?: object): string;
}

export function createEnvironment(index: FigureIndex): Hbs {
  const hbs = Handlebars.create();
  for (const [name, helper] of Object.entries(figureHelpers(index)))
    hbs.registerHelper(name, helper);
  return hbs;
}

export async function loadTemplate(hbs: Hbs, file: string): Promise<Template> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new InputError(tasks.readTemplates, [{ file, ...say.missing() }]);
  }
  return compileTemplate(hbs, file, source);
}

/**
 * An article's text, in Markdown or in HTML: its helper calls' mistakes said
 * where they are written (calls-check.ts) before Handlebars reads it.
 */
export async function loadArticle(hbs: Hbs, file: string): Promise<Template> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new InputError(tasks.readTemplates, [{ file, ...say.missing() }]);
  }
  // A byte-order mark (some Windows editors write one) is no text of the article's.
  const text = source.replace(/^\uFEFF/, '');
  const mistakes = callMistakes(text);
  if (mistakes.length > 0)
    throw new InputError(
      tasks.renderArticle,
      mistakes.map(({ line, column, mistake }) => ({
        file,
        line,
        column,
        ...mistakeWords(mistake),
      })),
    );
  return file.endsWith('.md') ? compileMarkdown(hbs, file, text) : compileTemplate(hbs, file, text);
}

function mistakeWords(m: CallMistake) {
  switch (m.kind) {
    case 'unclosedCall':
      return say.unclosedCall();
    case 'strayClose':
      return say.strayClose(m.name);
    case 'mismatchedClose':
      return say.mismatchedClose(m.opened, m.name);
    case 'unclosedBlock':
      return say.unclosedBlock(m.name);
    case 'elseOutside':
      return say.elseOutside();
    case 'unquotedId':
      return say.unquotedId(m.id);
  }
}

/**
 * An article written in Markdown (markdown.ts): compiled from the HTML made of
 * it, its problems located in the Markdown. A condition left empty leaves no
 * empty paragraph, nor a paragraph starting or ending with a blank.
 */
export function compileMarkdown(hbs: Hbs, file: string, markdown: string): Template {
  let made: ReturnType<typeof markdownToTemplate>;
  try {
    made = markdownToTemplate(markdown);
  } catch (e) {
    if (!(e instanceof MarkdownProblem)) throw e;
    const { line, column } = e.at;
    throw new InputError(tasks.renderArticle, [
      { file, line, column: column + 1, ...say.keyFigureLine(e.found) },
    ]);
  }
  const template = compileTemplate(hbs, file, made.template, undefined, {
    source: markdown,
    placeOf: made.placeOf,
  });
  return {
    ...template,
    render: (context, data) =>
      template
        .render(context, data)
        .replace(/<p>\s*<\/p>\n?/g, '')
        .replace(/<p>\s+/g, '<p>')
        .replace(/\s+<\/p>/g, '</p>'),
  };
}

/**
 * `inside` is for templates written inside another file (a chart title in
 * edition.yaml): errors then name that place and are located in that file.
 */
export function compileTemplate(
  hbs: Hbs,
  file: string,
  source: string,
  inside?: { where: string; fileText: string },
  written?: { source: string; placeOf: (at: Place) => Place },
): Template {
  const fail = (e: unknown) => {
    const error = templateError(
      file,
      inside?.fileText ?? written?.source ?? source,
      e,
      written?.placeOf,
    );
    if (!inside) return error;
    return new InputError(
      error.task,
      error.problems.map((p) => ({
        ...p,
        where: p.where ? `${inside.where}, ${p.where}` : inside.where,
      })),
    );
  };
  // Compiled when first rendered, as Handlebars' own compile does: a syntax error is met there.
  let compiled: HandlebarsTemplateDelegate | undefined;
  const compile = () => hbs.compile(templateTree(source), { strict: true, preventIndent: true });
  return {
    file,
    source: written?.source ?? source,
    compiled: source,
    ...(written && { placeOf: written.placeOf }),
    render(context, data) {
      try {
        compiled ??= compile();
        return compiled(context, data ? { data } : undefined);
      } catch (e) {
        throw fail(e);
      }
    },
  };
}

/** Register every file of a folder as a partial named after it ("methodology.hbs" -> {{> methodology}}). */
export async function registerPartials(hbs: Hbs, folder: string, names: string[]): Promise<void> {
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(folder, `${name}.hbs`);
      const t = await loadTemplate(hbs, file);
      hbs.registerPartial(name, t.source);
    }),
  );
}

/** A template failure, located in its source where the message allows it. */
function templateError(
  file: string,
  source: string,
  e: unknown,
  placeOf: (at: Place) => Place = (at) => at,
): InputError {
  if (e instanceof FigureProblem) {
    return new InputError(tasks.renderArticle, [
      { file, ...locate(source, e.figureId), where: where.figure(e.figureId), ...e.complaint },
    ]);
  }
  const message = e instanceof Error ? e.message : String(e);
  const missing = /"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(message);
  if (missing) {
    const at = placeOf({ line: Number(missing[2]), column: Number(missing[3]) });
    return new InputError(tasks.renderArticle, [
      {
        file,
        line: at.line,
        column: at.column + 1,
        ...say.unknownVariable(missing[1] as string),
      },
    ]);
  }
  const parse = /Parse error on line (\d+):[\s\S]*\n(Expecting .*)$/.exec(message);
  const unclosed = parse?.[2]?.endsWith("got 'EOF'");
  return new InputError(tasks.renderArticle, [
    {
      file,
      line: parse ? placeOf({ line: Number(parse[1]), column: 0 }).line : undefined,
      ...say.syntax(unclosed ? undefined : (parse?.[2] ?? (message.split('\n')[0] as string))),
    },
  ]);
}

function locate(source: string, needle: string): { line?: number; column?: number } {
  const i = source.indexOf(needle);
  if (i < 0) return {};
  const before = source.slice(0, i).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
