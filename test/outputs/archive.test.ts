/**
 * The archive page beside the editions' output folders: what each build
 * leaves of its edition (edition.json), which folders the page lists (those
 * a build made), a page there that enquete did not write left alone, and
 * the page written whole or not at all.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Composed, editionBuildOf } from '../../src/compose/compose.js';
import { ARCHIVE_GENERATOR, type ArchiveEntry, readArchive } from '../../src/outputs/archive.js';
import { archiveRecipe } from '../../src/outputs/recipes/archive.js';
import { editionIndexRecipe } from '../../src/outputs/recipes/edition-index.js';
import { OUTPUT_MARKER, publish } from '../../src/outputs/write.js';
import { composedUndrawn, toolsPrintingNothing } from '../helpers/composed.js';
import { scratch } from '../helpers/scratch.js';

const tools = toolsPrintingNothing('the archive prints nothing');

let composed: Composed;
beforeAll(async () => {
  composed = await composedUndrawn();
});

/** Another edition, as its build left it in its folder. */
const entry2025: ArchiveEntry = {
  id: '2025',
  year: '2025',
  survey: 'Enquête IA en imagerie médicale 2025',
  fieldPeriod: { start: '2025-04-14', end: '2025-07-31' },
  respondents: 320,
  articles: [
    {
      slug: 'evolution',
      title: 'Un an après',
      dek: 'd',
      author: 'a',
      date: '2025-10-15',
      published: true,
    },
    {
      slug: 'bilan',
      title: 'Le bilan',
      dek: 'd',
      author: 'a',
      date: '2025-12-01',
      published: false,
    },
  ],
};

const text = (content: string | Uint8Array | undefined) => String(content);

describe('the archive recipe', () => {
  it('leaves what the archive says of the edition in its folder, whatever the command', async () => {
    const files = await archiveRecipe.files(editionBuildOf(composed), tools);
    expect(files.map((f) => f.name)).toEqual(['edition.json']);
    const entry = JSON.parse(text(files[0]?.content)) as ArchiveEntry;
    // The published 2024 edition: its field period and its 144 respondents.
    expect(entry).toMatchObject({
      id: '2024',
      year: '2024',
      fieldPeriod: { start: '2024-04-23', end: '2024-08-22' },
      respondents: 144,
    });
    // Both articles are made by this build: both are in its folder.
    expect(entry.articles.map((a) => [a.slug, a.published])).toEqual([
      ['manipulateurs_cadres', true],
      ['radiologues', true],
    ]);
  });

  it('lists every edition beside it, newest first, each article linked to its page and its PDF', async () => {
    const build = {
      ...editionBuildOf(composed, () => true),
      archive: { folder: '2024', others: [{ folder: 'ia-2025', entry: entry2025 }] },
    };
    const files = await archiveRecipe.files(build, tools);
    expect(files.map((f) => f.name)).toEqual(['edition.json', '../index.html']);
    const page = text(files[1]?.content);
    expect(page).toContain(`<meta name="generator" content="${ARCHIVE_GENERATOR}">`);
    expect(page.indexOf('médicale 2025')).toBeLessThan(page.indexOf('médicale 2024'));
    expect(page).toContain('<a href="ia-2025/evolution/enquete.html">Un an après</a>');
    expect(page).toContain('<a href="2024/radiologues/enquete.pdf" type="application/pdf">');
    expect(page).toContain('<a href="2024/index.html">La page de l’édition 2024</a>');
    // An article the other edition has not published yet: named, not linked.
    expect(page).toMatch(/<h3>Le bilan<\/h3>[\s\S]*?Pas encore publié\./);
    expect(page).toContain(
      'Enquête menée du 23\u00a0avril\u00a02024 au 22\u00a0août\u00a02024 auprès de 144\u00a0répondants.',
    );
    const [index] = await editionIndexRecipe.files(build, tools);
    expect(text(index?.content)).toContain(
      '<a href="../index.html">Toutes les éditions de l’enquête</a>',
    );
    const [alone] = await editionIndexRecipe.files(editionBuildOf(composed), tools);
    expect(text(alone?.content)).not.toContain('../index.html');
  });
});

describe('the editions beside an output folder', () => {
  async function edition(parent: string, name: string, entry: ArchiveEntry | null, marker = true) {
    await mkdir(path.join(parent, name), { recursive: true });
    if (marker) await writeFile(path.join(parent, name, OUTPUT_MARKER), '');
    if (entry) await writeFile(path.join(parent, name, 'edition.json'), JSON.stringify(entry));
  }

  it('are the folders a build made, but the build’s own, its staging folders and the unreadable', async () => {
    const parent = scratch('archive');
    await edition(parent, 'ia-2025', entry2025);
    await edition(parent, '2024.partial-12345', entry2025);
    await edition(parent, 'notes', entry2025, false);
    await edition(parent, 'old', null);
    await edition(parent, '2024', entry2025);
    await edition(parent, 'broken', null);
    await writeFile(path.join(parent, 'broken', 'edition.json'), '{');
    const archive = await readArchive(path.join(parent, '2024'));
    expect(archive).toEqual({ folder: '2024', others: [{ folder: 'ia-2025', entry: entry2025 }] });
  });

  it('are not listed over an index.html enquete did not write, which stays as it was', async () => {
    const parent = scratch('archive');
    await writeFile(path.join(parent, 'index.html'), '<html><title>Notre site</title></html>');
    expect(await readArchive(path.join(parent, '2024'))).toBeNull();
    await writeFile(
      path.join(parent, 'index.html'),
      `<meta name="generator" content="${ARCHIVE_GENERATOR}">`,
    );
    expect(await readArchive(path.join(parent, '2024'))).toEqual({ folder: '2024', others: [] });
  });
});

describe('the archive page, written', () => {
  it('beside the folder once the folder is in place, with nothing half-written left', async () => {
    const parent = scratch('archive');
    const target = path.join(parent, '2024');
    await publish(
      [
        { name: 'index.html', content: 'edition' },
        { name: '../index.html', content: 'archive' },
      ],
      target,
    );
    expect(await readFile(path.join(parent, 'index.html'), 'utf8')).toBe('archive');
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('edition');
    expect((await readdir(parent)).sort()).toEqual(['2024', 'index.html']);
  });

  it('not at all when the build fails: the page before stays, and no part of the new one', async () => {
    const parent = scratch('archive');
    const target = path.join(parent, '2024');
    await writeFile(path.join(parent, 'index.html'), 'archive before');
    // A file where a folder must go: the outputs cannot be written.
    const failing = publish(
      [
        { name: 'a', content: 'x' },
        { name: 'a/b', content: 'y' },
        { name: '../index.html', content: 'archive after' },
      ],
      target,
    );
    await expect(failing).rejects.toThrow();
    expect(await readFile(path.join(parent, 'index.html'), 'utf8')).toBe('archive before');
    expect(existsSync(target)).toBe(false);
    expect(await readdir(parent)).toEqual(['index.html']);
  });
});
