/**
 * CONTRIBUTING.md's table of the modules that touch files is true: every
 * module of src/ importing node:fs is in it, every module in it does, and
 * those that write (by the functions they import) say what they write.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const WRITING = new Set([
  'writeFile',
  'writeFileSync',
  'appendFile',
  'rm',
  'rmSync',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'rename',
  'renameSync',
  'cp',
  'copyFile',
  'unlink',
  'createWriteStream',
]);

/** What each module imports from node:fs or node:fs/promises. */
function fsImports(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of readdirSync('src', { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const names = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'node:fs(?:\/promises)?'/g)]
      .flatMap((m) => (m[1] as string).split(','))
      .map((n) => n.replace(/\btype\b/, '').trim())
      .filter(Boolean);
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
    const writes = names.some((n) => WRITING.has(n));
    expect(listed.get(module)?.writes !== '', `${module} imports ${names.join(', ')}`).toBe(writes);
  }
});
