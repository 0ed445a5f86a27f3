/** A scratch copy of the 2024 edition to alter, and a fresh output folder beside it. */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scratch } from './scratch.js';

export async function copyEdition(): Promise<{ root: string; edition: string; out: string }> {
  const root = scratch('copy');
  const edition = path.join(root, '2024');
  await cp('data/2024', edition, { recursive: true });
  return { root, edition, out: path.join(root, 'out') };
}

export async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

/** Replace the last cell (the comment) of data rows `lines` (1-based file lines) of a Google export. */
export function withComments(csv: string, comments: Record<number, string>): string {
  return csv
    .split('\r\n')
    .map((line, i) => {
      const comment = comments[i + 1];
      if (comment === undefined) return line;
      return `${line.slice(0, line.lastIndexOf(',"'))},"${comment.replaceAll('"', '""')}"`;
    })
    .join('\r\n');
}
