/**
 * Broken and hostile input, one folder per behaviour in test/fixtures/bad/:
 * each case is the 2024 edition with the case's files laid over it (and its
 * `replace` edits, `remove`d files). The real command, in French, run by
 * child processes (every case in one of two: helpers/enquete-batch.mjs),
 * pins the exit code, the exact message (expected.txt), that no stack trace
 * is shown and that the previous outputs are left exactly as they were. The
 * same command run in this process, in English, pins the English message
 * (expected.en.txt); for a build, that English run is `enquete check`, which
 * must find the same problem, say it the same way and write nothing.
 *   UPDATE_EXPECTED=1 npx vitest run test/bad-input   rewrites both after a wording change.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/outputs/write.js';
import { enqueteBatch } from '../helpers/cli.js';
import { enqueteHere } from '../helpers/in-process.js';
import { scratch } from '../helpers/scratch.js';

const FIXTURES = 'test/fixtures/bad';

interface Case {
  description: string;
  exit: 1 | 2;
  args?: string[];
  remove?: string[];
  replace?: Record<string, [string, string][]>;
}

const names = (await readdir(FIXTURES)).sort();

async function prepare(name: string, c: Case) {
  const root = scratch(`bad-${name}`);
  const edition = path.join(root, '2024');
  await cp('data/2024', edition, { recursive: true });
  for (const file of await readdir(path.join(FIXTURES, name))) {
    if (['case.json', 'expected.txt', 'expected.en.txt'].includes(file)) continue;
    await cp(path.join(FIXTURES, name, file), path.join(edition, file), { recursive: true });
  }
  for (const file of c.remove ?? []) await rm(path.join(edition, file));
  for (const [file, edits] of Object.entries(c.replace ?? {})) {
    let text = await readFile(path.join(edition, file), 'utf8');
    for (const [from, to] of edits) {
      if (!text.includes(from)) throw new Error(`${name}: "${from}" not found in ${file}`);
      text = text.replace(from, to);
    }
    await writeFile(path.join(edition, file), text);
  }
  const out = path.join(root, 'out');
  await mkdir(out);
  await writeFile(path.join(out, OUTPUT_MARKER), 'previous build\n');
  await writeFile(path.join(out, 'enquete.pdf'), 'the previous PDF');
  return { root, edition, out };
}

/** The error part of stderr, with the temporary folders named as in expected.txt. */
function message(stderr: string, edition: string, out: string): string {
  const start = stderr.search(/^enquete ?: /m);
  return stderr
    .slice(Math.max(start, 0))
    .replaceAll(edition, '<edition>')
    .replaceAll(out, '<out>')
    .trimEnd();
}

interface Prepared {
  c: Case;
  root: string;
  edition: string;
  out: string;
  args: string[];
}

const prepared = new Map<string, Prepared>();
const french = new Map<string, { code: number; stderr: string }>();

/** Every case laid out, then run in French by the command, in two processes (one per core). */
beforeAll(async () => {
  for (const name of names) {
    const c = JSON.parse(await readFile(path.join(FIXTURES, name, 'case.json'), 'utf8')) as Case;
    const { root, edition, out } = await prepare(name, c);
    const args = (c.args ?? ['build', '<edition>', '--out', '<out>']).map((a) =>
      a.replace('<edition>', edition).replace('<out>', out),
    );
    prepared.set(name, { c, root, edition, out, args });
  }
  const halves = [names.filter((_, i) => i % 2 === 0), names.filter((_, i) => i % 2 === 1)];
  const results = await Promise.all(
    halves.map((half) => enqueteBatch(half.map((name) => prepared.get(name)?.args as string[]))),
  );
  halves.forEach((half, h) => {
    for (const [k, name] of half.entries())
      french.set(name, results[h]?.[k] as { code: number; stderr: string });
  });
});

describe('bad input', () => {
  it('has at least 25 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(names)('%s', (name) => {
    it('fails with its exit code and exact message, leaving the previous outputs intact', async () => {
      const { c, root, edition, out, args } = prepared.get(name) as Prepared;
      const { code, stderr } = french.get(name) as { code: number; stderr: string };
      const got = message(stderr, edition, out);
      const expectedFile = path.join(FIXTURES, name, 'expected.txt');
      if (process.env.UPDATE_EXPECTED) await writeFile(expectedFile, `${got}\n`);
      expect(code, stderr).toBe(c.exit);
      expect(got).toBe((await readFile(expectedFile, 'utf8')).trimEnd());
      expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, 'enquete.pdf']);
      expect(await readFile(path.join(out, 'enquete.pdf'), 'utf8')).toBe('the previous PDF');
      expect(
        (await readdir(root)).filter((f) => f.includes('.partial-') || f.includes('.previous-')),
      ).toEqual([]);
      // In English: the same arguments, or for a build the check, which finds the same problem and writes nothing.
      const before = (await readdir(root, { recursive: true })).sort();
      const english = await enqueteHere(c.args === undefined ? ['check', edition] : args);
      const gotEnglish = message(english.stderr, edition, out);
      const englishFile = path.join(FIXTURES, name, 'expected.en.txt');
      if (process.env.UPDATE_EXPECTED) await writeFile(englishFile, `${gotEnglish}\n`);
      expect(english.code, english.stderr).toBe(c.exit);
      expect(gotEnglish).toBe((await readFile(englishFile, 'utf8')).trimEnd());
      expect((await readdir(root, { recursive: true })).sort()).toEqual(before);
    });
  });
});
