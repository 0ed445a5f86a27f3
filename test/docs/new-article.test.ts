/**
 * The guide's walk-through of a new article, done as an editor would: its
 * edition.yaml entry appended to the 2024 edition's articles, its Markdown
 * text saved beside, then `enquete build --article` makes every output.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enquete } from '../helpers/cli.js';
import { copyEdition, edit } from '../helpers/edition-copy.js';

/** The fenced block right after the guide's comment `<!-- exemple : nouvel article (<part>) -->`. */
function exampleAfter(guide: string, part: string): string {
  const marker = `<!-- exemple : nouvel article (${part}) -->`;
  const at = guide.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker} in docs/guide.md`);
  const lines = guide.slice(at + marker.length).split('\n');
  const start = lines.findIndex((l) => /^`{3,}/.test(l));
  const fence = /^`{3,}/.exec(lines[start] as string)?.[0] as string;
  const end = lines.findIndex((l, i) => i > start && l === fence);
  return `${lines.slice(start + 1, end).join('\n')}\n`;
}

describe('the guide’s new article, step by step', () => {
  it('builds from its YAML entry and its Markdown text, with its two charts', async () => {
    const guide = await readFile('docs/guide.md', 'utf8');
    const entry = exampleAfter(guide, 'edition.yaml');
    const text = exampleAfter(guide, 'texte');
    expect(entry.startsWith('articles:\n')).toBe(true);
    const { edition, out } = await copyEdition();
    await edit(
      path.join(edition, 'edition.yaml'),
      (t) => `${t.trimEnd()}\n\n${entry.slice('articles:\n'.length)}`,
    );
    const body = /^\s+body: (\S+)$/m.exec(entry)?.[1] as string;
    await writeFile(path.join(edition, body), text);

    const built = await enquete(['build', edition, '--out', out, '--article', 'non_utilisateurs']);
    expect(built.code, built.stderr).toBe(0);
    const folder = path.join(out, 'non_utilisateurs');
    expect(await readdir(folder)).toEqual(
      expect.arrayContaining(['enquete.pdf', 'enquete.html', 'newsletter.html', 'newsletter.txt']),
    );
    const page = await readFile(path.join(folder, 'enquete.html'), 'utf8');
    expect(page).toContain('id="graphique-freins_non_utilisateurs"');
    expect(page).toContain('id="graphique-avenir_selon_usage"');
    expect(page).toContain('<h2>Ce qui les freine</h2>');
    expect(page).toMatch(/<strong>\d+<\/strong>\s*répondants ne se servent pas de l’IA/);
    expect(page).not.toContain('{{');
  }, 120_000);
});
