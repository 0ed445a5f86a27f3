/** No function in src/ is longer than a screen, measured with the TypeScript parser (scripts/long-functions.mjs). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, without types.
import { longFunctions } from '../../scripts/long-functions.mjs';

const lines = (n: number) =>
  Array.from({ length: n }, (_, i) => `  const a${i} = ${i};`).join('\n');

describe('scripts/long-functions.mjs', () => {
  it('finds a function of 61 lines, not one of 60, and passes over a table of helpers', () => {
    const text = [
      `function long() {\n${lines(59)}\n}`,
      `const short = () => {\n${lines(58)}\n};`,
      `export function figureHelpers() {\n${lines(70)}\n}`,
      `class A {\n  method() {\n${lines(61)}\n  }\n}`,
    ].join('\n');
    const found = longFunctions('x.ts', text, 60);
    expect(found.map((f: { name: string; lines: number }) => [f.name, f.lines])).toEqual([
      ['long', 61],
      ['method', 63],
    ]);
  });

  it('finds none over 60 lines in src/', async () => {
    const run = await promisify(execFile)(process.execPath, ['scripts/long-functions.mjs']).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(run.stdout).toMatch(/^No function over 60 lines in \d+ files\.$/m);
    expect(run.code).toBe(0);
  });
});
