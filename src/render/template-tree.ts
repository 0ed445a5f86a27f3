/**
 * Handlebars' tree of a template's text, parsed once per text. An article's
 * text is compiled, its every branch checked (every-branch.ts), its asked
 * decimals read (precision.ts) and its typed years linted: four readings,
 * and Handlebars' lexer and grammar are most of what compiling an article
 * costs. The readers only visit the tree. `Handlebars.compile` takes it too,
 * rather than a copy (copying the tree costs about what parsing it does): it
 * applies whitespace control again, which changes nothing on a tree it was
 * applied to, and it marks the tree as it compiles: paths strict, a literal
 * called as a helper turned into a path, a partial given its context as a
 * parameter. No reader reads those marks, and compiling a marked tree again
 * gives the same template (test/render/template-tree.test.ts). A Markdown
 * article is two texts, the Markdown (read by the lint and for decimals)
 * and the HTML made of it (compiled, its branches checked): parsed twice,
 * where it was parsed four times.
 */
import Handlebars from 'handlebars';

/** Texts remembered, the least recently read forgotten first: a build's articles, deks and chart titles; a preview's last edits. */
const MOST = 64;

const trees = new Map<string, hbs.AST.Program>();

/** `Handlebars.parse(text)`, once per text. Throws Handlebars' own error on a syntax error. */
export function templateTree(text: string): hbs.AST.Program {
  let tree = trees.get(text);
  if (tree) trees.delete(text);
  else {
    tree = Handlebars.parse(text);
    if (trees.size >= MOST) trees.delete(trees.keys().next().value as string);
  }
  // Last in the map: the least recently read goes first.
  trees.set(text, tree);
  return tree;
}
