/**
 * Layers only look down: a module of src/ (a folder, or a file at its top)
 * imports only modules below it in this order, as README.md's "Layout" has it.
 * A shared thing found above one of its users moves down; it is never
 * imported upwards or lazily.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/** From the bottom up. */
const LAYERS = [
  'crc32',
  'text',
  'fonts',
  'paths',
  'source-identity',
  'publication',
  'messages',
  'errors',
  'cleanup',
  'edition',
  'ingest',
  'log',
  'analysis',
  'format',
  'init',
  'charts',
  'tables',
  'analyse',
  'media',
  'render',
  'lint',
  'outputs',
  'worker',
  'compose',
  'pipeline',
  'check',
  'preview',
  'cli',
];

/** The module a file of src/ belongs to: its top folder, or its own name. */
function moduleOf(file: string): string {
  const parts = path.relative('src', file).split(path.sep);
  return parts.length > 1 ? (parts[0] as string) : (parts[0] as string).replace(/\.ts$/, '');
}

/** Every import between two modules of src/, static or dynamic, types included. */
function imports(): { from: string; to: string; file: string }[] {
  return readdirSync('src', { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .flatMap((e) => {
      const file = path.join(e.parentPath, e.name);
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => ({
        from: moduleOf(file),
        to: moduleOf(path.relative('.', path.resolve(path.dirname(file), m[1] as string))),
        file,
      }));
    })
    .filter((i) => i.from !== i.to);
}

it('places every module of src/ in a layer', () => {
  const modules = readdirSync('src').map((n) => n.replace(/\.ts$/, ''));
  expect(modules.filter((m) => !LAYERS.includes(m))).toEqual([]);
});

it('imports only downwards', () => {
  const upwards = imports()
    .filter((i) => LAYERS.indexOf(i.to) > LAYERS.indexOf(i.from))
    .map((i) => `${i.file} imports ${i.to}`);
  expect(upwards).toEqual([]);
});
