/**
 * Stopping a build (Ctrl-C, kill) with the real Chromium: the browser's
 * whole process group, its profile and the staging folder are gone, the
 * exit code is the shell's, and the previous outputs are intact. Killed
 * outright (kill -9), a build or a preview runs nothing: the browser goes
 * with the pipe it is driven over, and the watch left beside the process
 * removes its folders.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/outputs/write.js';
import { scratch } from '../helpers/scratch.js';

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

/** The system's temporary folder: the suite's is too deep for a browser profile to be made inside a folder of it. */
const SHORT_ROOT = '/tmp';

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const)('a build stopped by %s', (signal, exitCode) => {
  it(`exits ${exitCode} leaving no browser, profile or staging folder, previous outputs intact`, async () => {
    // Chromium's profile goes in this build's own temporary folder, so it can be looked for
    // (short enough for Chromium to make it there: chromium.ts, profileRoot).
    const temp = scratch('t', SHORT_ROOT);
    const folder = scratch('signal');
    const out = path.join(folder, '2024');
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
    expect(await readdir(folder)).toEqual(['2024']);
    expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(stderr).toContain(`arrêté (${signal})`);
  });
});

/** Waits until `done` holds, or fails after `ms` with what it last saw. */
async function eventually<T>(look: () => Promise<T> | T, done: (t: T) => boolean, ms = 5_000) {
  const until = Date.now() + ms;
  let seen = await look();
  while (!done(seen) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await look();
  }
  return seen;
}

describe.each([
  [
    'a build, mid-print',
    (out: string) => ['build', 'data/2024', '--out', out],
    'Calcul des chiffres',
  ],
  ['a preview', () => ['preview', 'data/2024', '--port', '0'], 'http://127.0.0.1:'],
] as const)('%s killed outright (kill -9)', (_name, args, started) => {
  it('leaves no browser, profile or staging folder, and the previous outputs intact', async () => {
    const temp = scratch('t', SHORT_ROOT);
    const folder = scratch('killed');
    const out = path.join(folder, '2024');
    await mkdir(out);
    await writeFile(path.join(out, OUTPUT_MARKER), '');
    await writeFile(path.join(out, 'index.html'), 'previous');
    const child: ChildProcess = spawn(process.execPath, ['bin/enquete.js', ...args(out)], {
      env: { ...process.env, TMPDIR: temp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const hear = (chunk: Buffer) => {
        said += chunk.toString();
        if (said.includes(started) && processesWith(temp).length > 0) resolve();
      };
      child.stdout?.on('data', hear);
      child.stderr?.on('data', hear);
      exited.then(() => reject(new Error(`it ended before it could be killed:\n${said}`)));
    });
    // Printing: the browser has tabs open and the build holds its staging folder, or soon will.
    await new Promise((r) => setTimeout(r, 400));
    child.kill('SIGKILL');
    await exited;

    expect(
      await eventually(
        () => processesWith(temp),
        (p) => p.length === 0,
      ),
    ).toEqual([]);
    expect(
      await eventually(
        () => readdir(temp),
        (f) => f.length === 0,
      ),
    ).toEqual([]);
    expect(
      await eventually(
        () => readdir(folder),
        (f) => f.length === 1,
      ),
    ).toEqual(['2024']);
    expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous');
  });
});
