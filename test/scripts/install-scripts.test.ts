/**
 * Set-up shows no npm warning a user should not act on: npm warns of every
 * dependency whose install script package.json's `allowScripts` does not
 * decide (npm ≥ 11.18, "npm warn install-scripts"), so each one is decided
 * there. esbuild's script checks its own binary; puppeteer's would download a
 * browser, which this project never does (.puppeteerrc.cjs turns it off too).
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';

it('decides, in package.json, every install script the lockfile has', async () => {
  const pkg = JSON.parse(await readFile('package.json', 'utf8'));
  const lock = JSON.parse(await readFile('package-lock.json', 'utf8'));
  const withScripts = Object.entries(
    lock.packages as Record<string, { hasInstallScript?: boolean }>,
  )
    .filter(([, p]) => p.hasInstallScript)
    .map(([where]) => where.replace(/^.*node_modules\//, ''))
    .sort();
  expect(withScripts).toEqual(Object.keys(pkg.allowScripts).sort());
  expect(pkg.allowScripts.puppeteer).toBe(false);
});
