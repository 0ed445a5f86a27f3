/**
 * scripts/setup.mjs on a machine with no Chromium it may install: not root
 * (run as another user when the tests run as root), or ENQUETE_NO_APT=1. It
 * stops and says what to install, in the user's language, and downloads
 * nothing. Only its browser steps run (--browser): the other tests are
 * using dist/ meanwhile.
 */
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const NO_BROWSER = { ENQUETE_CHROMIUM: '/nowhere/chromium' };
const SHELL = { LC_ALL: '', LC_MESSAGES: '' };

async function setup(env: Record<string, string>, asUser: string[] = []) {
  const command = [...asUser, process.execPath, 'scripts/setup.mjs', '--browser'];
  try {
    const r = await run(command[0] as string, command.slice(1), {
      env: { ...process.env, ...SHELL, ...env },
    });
    return { code: 0, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
}

const AS_NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];

/**
 * As root, the setup is run as nobody (setpriv), to be a user who may not
 * install packages: when setpriv is there and nobody may read the project
 * (not in a folder only root may enter, as mktemp -d makes).
 */
const notRoot =
  process.getuid?.() !== 0
    ? []
    : spawnSync(AS_NOBODY[0] as string, [
          ...AS_NOBODY.slice(1),
          process.execPath,
          '-e',
          // Absolute paths, as the setup is run: a relative one is found from the working folder
          // even when nobody may not pass through the folders above it.
          `require('fs').accessSync(${JSON.stringify(path.resolve('scripts/setup.mjs'))}); require('fs').accessSync(${JSON.stringify(path.resolve('dist/outputs/browser.js'))})`,
        ]).status === 0
      ? AS_NOBODY
      : null;

describe('setup without a Chromium it may install', () => {
  it('says what to install and fails, in French by default and in English for an English shell', async () => {
    const noApt = { ...NO_BROWSER, ENQUETE_NO_APT: '1' };
    const fr = await setup({ ...noApt, LANG: 'fr_FR.UTF-8' });
    expect(fr.code).toBe(1);
    expect(fr.stderr).toContain('setup: Installez Chromium');
    expect(fr.stderr).not.toContain('undefined');
    const en = await setup({ ...noApt, LANG: 'en_GB.UTF-8' });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('setup: Install Chromium');
  });

  it.runIf(notRoot !== null)(
    'says the same to a user who is not root, apt-get or not',
    async () => {
      const user = await setup({ ...NO_BROWSER, LANG: 'fr_FR.UTF-8' }, notRoot ?? []);
      expect(user.code, user.stderr).toBe(1);
      expect(user.stderr).toContain('setup: Installez Chromium');
    },
  );
});
