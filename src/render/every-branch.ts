/**
 * Every figure a text names, in every branch of its conditions. Rendering
 * with the audit checks the figures of the branches this year's data takes;
 * a misspelt id in an `{{else}}` not taken this year would print the year the
 * data turns. Each helper call is read from the template itself and its ids
 * looked up as the helper would, so the same problem is said, at the same
 * place, whichever branch holds it.
 */
import Handlebars from 'handlebars';
import { type FigureIndex, FigureProblem } from '../format/figure-index.js';
import { templates as say, where } from '../messages/index.js';
import { type Audit, placeIn, type TemplatePlace } from './audit.js';
import { templateTree } from './template-tree.js';

/** What a figure id looks like: three parts or more, lower case ("usage.oui.share.all"). */
const FIGURE_ID = /^[a-z0-9_]+(\.[a-z0-9_]+){2,}$/;

/** Helpers that print a share or a mean, which the other kind of figure cannot give. */
const LOOKUP: Record<string, (index: FigureIndex, id: string) => unknown> = {
  mean: (index, id) => index.mean(id),
  pct: (index, id) => index.share(id),
  share: (index, id) => index.share(id),
  outof: (index, id) => index.share(id),
  words: (index, id) => index.share(id),
  // The comparisons and the ordered list take a share or a mean, never a count.
  higher: (index, id) => index.estimate(id),
  lower: (index, id) => index.estimate(id),
  highest: (index, id) => index.estimate(id),
  lowest: (index, id) => index.estimate(id),
  similar: (index, id) => index.estimate(id),
  within: (index, id) => index.estimate(id),
  list: (index, id) => index.estimate(id),
  // Since the first edition: a series whose steps all still measure the same, or were decided on.
  first: (index, id) => index.since(id),
  since: (index, id) => index.since(id),
  risenSince: (index, id) => index.since(id),
  fellSince: (index, id) => index.since(id),
};

type Node = hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;

/**
 * Check the figure ids of every helper call of a text (`helpers`: the names of
 * the figure helpers), reporting each problem to the audit at its place.
 */
export function checkEveryBranch(
  text: string,
  place: TemplatePlace,
  helpers: ReadonlySet<string>,
  index: FigureIndex,
  audit: Audit,
  /** The charts the article declares, which `{{chart}}` may place. */
  charts: readonly string[] = [],
): void {
  let program: hbs.AST.Program;
  try {
    program = templateTree(text);
  } catch {
    return; // A text that does not parse is reported, located, when it is compiled.
  }
  const visitor = new Handlebars.Visitor();
  const call = (node: Node) => {
    const name =
      node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : '';
    if (name === 'chart') return checkChart(node);
    if (!helpers.has(name)) return;
    for (const param of node.params) {
      if (param.type !== 'StringLiteral') continue;
      const id = (param as hbs.AST.StringLiteral).value;
      if (!FIGURE_ID.test(id)) continue;
      try {
        (LOOKUP[name] ?? ((i: FigureIndex, x: string) => i.get(x)))(index, id);
      } catch (e) {
        if (!(e instanceof FigureProblem)) throw e;
        audit.problem(placeIn(place, node.loc.start), e.figureId, e.complaint);
      }
    }
  };
  /** A chart placed in a branch not taken this year, checked as the chart helper would. */
  const checkChart = (node: Node) => {
    const param = node.params[0];
    if (param?.type !== 'StringLiteral') return;
    const id = (param as hbs.AST.StringLiteral).value;
    if (charts.includes(id)) return;
    const complaint = say.unknownChart(id, [...charts]);
    audit.problem(placeIn(place, node.loc.start), id, complaint, where.chart(id));
  };
  const visit = (kind: 'MustacheStatement' | 'SubExpression' | 'BlockStatement') => {
    const original = visitor[kind] as (node: Node) => unknown;
    visitor[kind] = function (this: typeof visitor, node: Node) {
      call(node);
      return original.call(this, node);
    } as never;
  };
  visit('MustacheStatement');
  visit('SubExpression');
  visit('BlockStatement');
  visitor.accept(program);
}
