#!/usr/bin/env node
/**
 * Functions longer than a screen, measured with the TypeScript parser:
 *
 *   node scripts/long-functions.mjs [--max 60] [folder…]     (default: src)
 *
 * Every function, method, accessor, constructor and arrow function counts,
 * from its first line to its last (a function inside another counts for
 * both). A table of template helpers is excepted as a whole: a function or
 * a variable whose name ends in `Helpers` is a list of small functions, each
 * of which is measured on its own. Prints the long ones, longest first, and
 * exits 1 if there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const args = process.argv.slice(2);
const at = args.indexOf('--max');
const max = at === -1 ? 60 : Number(args[at + 1]);
const folders = args.filter((a, i) => a !== '--max' && args[i - 1] !== '--max');

/** Every .ts file under a folder. */
function sources(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The name a function is known by: its own, or the variable, property or method holding it. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name && ts.isStringLiteral(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)))
    return ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name) ? parent.name.text : '';
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '(anonymous)';
}

const isFunction = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

/** The functions of one file over `max` lines: { file, line, name, lines }. */
export function longFunctions(file, text, limit = max) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const lineOf = (pos) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node) => {
    if (isFunction(node) && node.body) {
      const name = nameOf(node);
      const first = lineOf(node.getStart(source));
      const lines = lineOf(node.getEnd()) - first + 1;
      if (lines > limit && !name.endsWith('Helpers'))
        found.push({ file, line: first, name, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  const files = (folders.length > 0 ? folders : ['src']).flatMap(sources);
  const long = files
    .flatMap((file) => longFunctions(file, readFileSync(file, 'utf8')))
    .sort((a, b) => b.lines - a.lines);
  for (const f of long) process.stdout.write(`${f.file}:${f.line}  ${f.name}  ${f.lines} lines\n`);
  process.stdout.write(
    long.length === 0
      ? `No function over ${max} lines in ${files.length} files.\n`
      : `${long.length} function(s) over ${max} lines.\n`,
  );
  process.exit(long.length === 0 ? 0 : 1);
}
