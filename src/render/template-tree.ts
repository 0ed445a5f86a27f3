/**
 * Handlebars' tree of a template's text, parsed once per text. An article's
 * text is compiled, its every branch checked (every-branch.ts), its asked
 * decimals read (precision.ts) and its typed years linted: four readings,
 * and Handlebars' lexer and grammar are most of what compiling an article
 * costs. The readers only visit the tree. `Handlebars.compile` takes it too:
 * it applies whitespace control again, which changes nothing on a tree it
 * was applied to (test/render/template-tree.test.ts holds what the two
 * compile to together), and marks its paths as strict, which no reader reads.
 */
import Handlebars from 'handlebars';

/** Texts remembered: a build's articles, deks and chart titles; a preview's last edits. */
const MOST = 64;

const trees = new Map<string, hbs.AST.Program>();

/** `Handlebars.parse(text)`, once per text. Throws Handlebars' own error on a syntax error. */
export function templateTree(text: string): hbs.AST.Program {
  let tree = trees.get(text);
  if (!tree) {
    tree = Handlebars.parse(text);
    if (trees.size >= MOST) trees.delete(trees.keys().next().value as string);
    trees.set(text, tree);
  }
  return tree;
}
