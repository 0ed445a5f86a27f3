/** Chromium missing, crashing or hanging: a clear message, the outputs intact, no process left behind. */
import { readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/outputs/write.js';
import { enquete } from '../helpers/cli.js';
import { copyEdition } from '../helpers/edition-copy.js';

async function withPrevious(out: string) {
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, OUTPUT_MARKER), '');
  await writeFile(path.join(out, 'enquete.pdf'), 'previous');
}

async function fakeBrowser(root: string, body: string): Promise<{ file: string; pids: string }> {
  const file = path.join(root, 'fake-chromium');
  const pids = path.join(root, 'pids');
  await writeFile(file, `#!/bin/sh\necho $$ >> "${pids}"\n${body}\n`);
  await chmod(file, 0o755);
  return { file, pids };
}

/** Running, that is: present and not a zombie (killed, waiting for the system to reap it). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe.concurrent('when Chromium fails', () => {
  it('is missing: says what to install, exit 1, outputs intact', async () => {
    const { edition, out } = await copyEdition();
    await withPrevious(out);
    const { code, stderr } = await enquete(
      ['build', edition, '--out', out, '--article', 'manipulateurs_cadres'],
      {
        ENQUETE_CHROMIUM: '/nonexistent/chromium',
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain('enquete : Aucun Chromium ni Chrome trouvé pour imprimer le PDF.');
    expect(stderr).toContain('apt-get install chromium');
    expect(await readFile(path.join(out, 'enquete.pdf'), 'utf8')).toBe('previous');
  });

  it('crashes at start: tried twice, then a clear message', async () => {
    const { root, edition, out } = await copyEdition();
    await withPrevious(out);
    const fake = await fakeBrowser(root, 'echo "boom" >&2; exit 3');
    const { code, stderr } = await enquete(
      ['build', edition, '--out', out, '--article', 'manipulateurs_cadres'],
      {
        ENQUETE_CHROMIUM: fake.file,
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      `enquete : Chromium (${fake.file}) n’a pas pu démarrer, deux fois : il s’est arrêté (code 3)`,
    );
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect((await readFile(fake.pids, 'utf8')).trim().split('\n')).toHaveLength(2);
    expect(await readFile(path.join(out, 'enquete.pdf'), 'utf8')).toBe('previous');
  });

  it('hangs: times out, tried twice, and leaves no process behind', async () => {
    const { root, edition, out } = await copyEdition();
    await withPrevious(out);
    const fake = await fakeBrowser(
      root,
      `sleep 300 &\necho $! >> "${path.join(root, 'pids')}"\nwait`,
    );
    const { code, stderr } = await enquete(
      ['build', edition, '--out', out, '--article', 'manipulateurs_cadres'],
      {
        ENQUETE_CHROMIUM: fake.file,
        ENQUETE_CHROMIUM_TIMEOUT_MS: '1500',
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain('n’a pas pu démarrer, deux fois : pas de réponse en 1,5\u00a0s');
    const pids = (await readFile(fake.pids, 'utf8')).trim().split('\n').map(Number);
    expect(pids).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 300));
    expect(pids.filter(alive)).toEqual([]);
    expect(await readFile(path.join(out, 'enquete.pdf'), 'utf8')).toBe('previous');
  });
});
