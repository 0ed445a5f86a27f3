/**
 * The comments a new edition inherits name last year's edition ("L'édition
 * 2024 de l'enquête…", "`npx enquete figures data/2024`"): init writes the
 * new edition's id in their place, in comments only (edition.yaml's "#"
 * lines, the articles' `{{!-- … --}}`). What is read or printed is left to
 * the editors and to the build's checks (a stale year is a warning there).
 */
import { type Document, isNode, visit } from 'yaml';

/**
 * Last year's id as a word of its own ("2024" in "data/2024", "ia-2024/",
 * "L'édition 2024", never in "20245"); only an id with a digit in it, a word
 * like "printemps" being too common to replace in prose.
 */
function idPattern(from: string): RegExp | null {
  if (!/\d/.test(from)) return null;
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
}

/** The id replaced in a comment's text. */
export function renameInComment(text: string, from: string, to: string): string {
  const pattern = idPattern(from);
  return pattern && from !== to ? text.replace(pattern, to) : text;
}

/** Every comment of a YAML document (before and after its nodes, and its own), the id replaced. */
export function renameInYamlComments(doc: Document, from: string, to: string): void {
  const rename = (c: string | null | undefined) => (c ? renameInComment(c, from, to) : c);
  doc.commentBefore = rename(doc.commentBefore) ?? null;
  doc.comment = rename(doc.comment) ?? null;
  visit(doc, (_key, node) => {
    if (!isNode(node)) return;
    if (node.commentBefore) node.commentBefore = rename(node.commentBefore);
    if (node.comment) node.comment = rename(node.comment);
  });
}

/** A template's or a Markdown article's Handlebars comments (`{{!-- … --}}`, `{{! … }}`), the id replaced. */
export function renameInTemplateComments(text: string, from: string, to: string): string {
  return text.replace(/\{\{~?!--[\s\S]*?--~?\}\}|\{\{~?![^-][\s\S]*?\}\}/g, (comment) =>
    renameInComment(comment, from, to),
  );
}
