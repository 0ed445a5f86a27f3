/** The watcher on real folders: saves seen (plain, by rename, in a new subfolder), links not followed. */
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editionFolderTouches, type Saved, watchFolders } from '../../src/preview/watch.js';
import { scratch } from '../helpers/scratch.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watching an edition folder', () => {
  let close = () => {};
  afterEach(() => close());

  async function watched() {
    const root = scratch('watch');
    const folder = path.join(root, 'edition');
    await mkdir(path.join(folder, 'articles'), { recursive: true });
    const saves: Saved[] = [];
    const errors: Error[] = [];
    ({ close } = watchFolders(
      [{ folder, touches: editionFolderTouches }],
      (s) => saves.push(s),
      (e) => errors.push(e),
    ));
    return { root, folder, saves, errors };
  }

  it('sees a save in a subfolder, an editor’s save by rename, and says what it touches', async () => {
    const { folder, saves } = await watched();
    await writeFile(path.join(folder, 'articles', 'a.hbs'), '<p>un</p>');
    await pause(200);
    expect(saves).toEqual([{ touched: 'text', files: ['articles/a.hbs'] }]);
    // Written aside, then renamed over the file, as vim and many editors save.
    await writeFile(path.join(folder, '.edition.yaml.swp'), 'x');
    await writeFile(path.join(folder, 'edition.yaml.tmp'), 'edition: {}\n');
    await rename(path.join(folder, 'edition.yaml.tmp'), path.join(folder, 'edition.yaml'));
    await pause(200);
    expect(saves[1]).toEqual({ touched: 'data', files: ['edition.yaml'] });
  });

  it('watches a folder made after it started', async () => {
    const { folder, saves } = await watched();
    await mkdir(path.join(folder, 'theme'));
    await pause(100);
    await writeFile(path.join(folder, 'theme', 'logo.svg'), '<svg/>');
    await pause(200);
    expect(saves.flatMap((s) => s.files)).toContain(path.join('theme', 'logo.svg'));
  });

  it('does not follow a link out of the edition folder', async () => {
    const { root, folder, saves } = await watched();
    const outside = path.join(root, 'outside');
    await mkdir(outside);
    await symlink(outside, path.join(folder, 'lien'));
    await pause(200);
    const before = saves.length;
    await writeFile(path.join(outside, 'secret.txt'), 'x');
    await pause(200);
    expect(saves.length).toBe(before);
  });
});
