/**
 * Stopping a build (Ctrl-C, kill) with the real Chromium: the browser's
 * whole process group, its profile and the staging folder are gone, the
 * exit code is the shell's, and the previous outputs are intact.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/outputs/write.js';

/** Processes whose command line mentions `text` (Chromium's carry their profile path). */
function processesWith(text: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
        if (/^\d+ \(.*\) Z/.test(stat)) return false;
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const)('a build stopped by %s', (signal, exitCode) => {
  it(`exits ${exitCode} leaving no browser, profile or staging folder, previous outputs intact`, async () => {
    // Chromium's profile goes in this build's own temporary folder, so it can be looked for.
    const scratch = await mkdtemp(path.join(tmpdir(), 'enquete-signal-'));
    const temp = path.join(scratch, 'tmp');
    const out = path.join(scratch, '2024');
    await mkdir(temp);
    await mkdir(out);
    await writeFile(path.join(out, OUTPUT_MARKER), '');
    await writeFile(path.join(out, 'index.html'), 'previous');

    const child = spawn(process.execPath, ['bin/enquete.js', 'build', 'data/2024', '--out', out], {
      env: { ...process.env, TMPDIR: temp },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    // Stop it once Chromium is running and the build is drawing its charts.
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('Calcul des chiffres') && processesWith(temp).length > 0) resolve();
      });
      exited.then(() =>
        reject(new Error(`the build ended before it could be stopped:\n${stderr}`)),
      );
    });
    expect(processesWith(temp).length).toBeGreaterThan(0);
    child.kill(signal);
    expect(await exited).toBe(exitCode);
    await new Promise((r) => setTimeout(r, 300));

    expect(processesWith(temp)).toEqual([]);
    expect(await readdir(temp)).toEqual([]);
    expect((await readdir(scratch)).sort()).toEqual(['2024', 'tmp']);
    expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(stderr).toContain(`arrêté (${signal})`);
  });
});
