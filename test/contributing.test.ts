/**
 * CONTRIBUTING.md's table of the modules that touch files is true: every
 * module of src/ importing node:fs is in it, every module in it does, and
 * those that write (by the functions they import) say what they write.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/** What changes files: these functions of node:fs, in their callback, promise and Sync forms. */
const WRITING = new Set(
  [
    'writeFile',
    'appendFile',
    'rm',
    'rmdir',
    'unlink',
    'mkdir',
    'mkdtemp',
    'rename',
    'cp',
    'copyFile',
    'chmod',
    'chown',
    'utimes',
    'truncate',
    'symlink',
    'link',
    'createWriteStream',
  ].flatMap((name) => [name, `${name}Sync`]),
);

/**
 * What each module imports from node:fs or node:fs/promises: the names, or
 * '*' for the whole module (default, namespace or dynamic import), which
 * counts as writing.
 */
function fsImports(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of readdirSync('src', { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const named = [
      ...text.matchAll(/import\s*(type\s*)?\{([^}]*)\}\s*from\s*'node:fs(?:\/promises)?'/g),
    ]
      .filter((m) => !m[1])
      .flatMap((m) => (m[2] as string).split(','))
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/)[0] as string);
    const whole =
      /import\s+(\*\s+as\s+)?\w+\s+from\s*'node:fs(?:\/promises)?'|import\(\s*'node:fs/.test(text);
    const names = whole ? [...named, '*'] : named;
    if (names.length > 0) out.set(path.relative('src', file), names);
  }
  return out;
}

/** The table's rows: module, what it reads, what it writes. */
function table(): Map<string, { reads: string; writes: string }> {
  const text = readFileSync('CONTRIBUTING.md', 'utf8');
  const section = text.slice(text.indexOf('## Where files are touched'));
  const rows = [...section.matchAll(/^\|\s*`([^`]+)`\s*\|([^|]*)\|([^|]*)\|\s*$/gm)];
  return new Map(
    rows.map((r) => [
      r[1] as string,
      { reads: (r[2] as string).trim(), writes: (r[3] as string).trim() },
    ]),
  );
}

it('lists every module that touches files, and only those, with what each writes', () => {
  const actual = fsImports();
  const listed = table();
  expect([...listed.keys()].sort()).toEqual([...actual.keys()].sort());
  for (const [module, names] of actual) {
    const writes = names.some((n) => n === '*' || WRITING.has(n));
    expect(listed.get(module)?.writes !== '', `${module} imports ${names.join(', ')}`).toBe(writes);
  }
});
