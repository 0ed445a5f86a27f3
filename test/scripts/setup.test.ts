/**
 * scripts/setup.mjs on a machine with no Chromium it may install (not root,
 * no apt-get, or ENQUETE_NO_APT=1): it stops and says what to install, in
 * the user's language, and downloads nothing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function setup(env: Record<string, string>) {
  try {
    const r = await run(process.execPath, ['scripts/setup.mjs'], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
}

describe('setup without a Chromium it may install', () => {
  it('says what to install and fails, in French by default and in English for an English shell', async () => {
    const noBrowser = { ENQUETE_CHROMIUM: '/nowhere/chromium', ENQUETE_NO_APT: '1' };
    const fr = await setup({ ...noBrowser, LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_FR.UTF-8' });
    expect(fr.code).toBe(1);
    expect(fr.stderr).toContain('setup: Installez Chromium');
    expect(fr.stderr).not.toContain('undefined');
    const en = await setup({ ...noBrowser, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_GB.UTF-8' });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('setup: Install Chromium');
  });
});
