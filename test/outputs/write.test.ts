/**
 * What a build killed outright leaves, and who cleans it: the watch left
 * beside the process (bin/watchdog.js) when the process ends, or the next
 * build (outputs/write.ts) if the watch could not.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WATCH_SCRIPT } from '../../src/cleanup.js';
import { OUTPUT_MARKER, publish } from '../../src/outputs/write.js';
import { scratch } from '../helpers/scratch.js';

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid as number;
}

const sleepers: ChildProcess[] = [];
afterAll(() => {
  for (const s of sleepers) s.kill('SIGKILL');
});

/** A process in a group of its own, as Chromium is started. */
function sleeper(): ChildProcess {
  const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
  sleepers.push(child);
  return child;
}

async function folderWith(folder: string, file: string, text: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, file), text);
}

describe('the next build', () => {
  it('removes the staging folders of dead builds and puts back outputs they had moved aside', async () => {
    const root = scratch('sweep');
    const target = path.join(root, '2024');
    const dead = deadPid();
    const living = sleeper().pid as number;
    await folderWith(`${target}.previous-${dead}`, OUTPUT_MARKER, 'the outputs before');
    await folderWith(`${target}.partial-${dead}`, 'half.pdf', 'half written');
    await folderWith(`${target}.partial-${living}`, 'theirs.pdf', 'a build still running');

    await publish([{ name: 'index.html', content: 'new' }], target);

    // The previous outputs were put back in place first, then replaced by this build's, whole.
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('new');
    expect((await readdir(root)).sort()).toEqual(['2024', `2024.partial-${living}`]);
  });

  it('removes outputs moved aside by a dead build once new ones are in their place', async () => {
    const root = scratch('sweep');
    const target = path.join(root, '2024');
    await folderWith(target, OUTPUT_MARKER, '');
    await folderWith(`${target}.previous-${deadPid()}`, OUTPUT_MARKER, 'older');
    await publish([{ name: 'index.html', content: 'new' }], target);
    expect(await readdir(root)).toEqual(['2024']);
  });
});

describe('the watch left beside a process', () => {
  it('kills, puts back and removes what it holds when the process ends, and not what was let go', async () => {
    const root = scratch('watch');
    const [staging, kept, aside, home] = ['staging', 'kept', 'aside', 'home'].map((n) =>
      path.join(root, n),
    ) as [string, string, string, string];
    await folderWith(staging, 'page.html', '');
    await folderWith(kept, 'page.html', '');
    await folderWith(aside, 'index.html', 'previous outputs');
    const browser = sleeper();
    // Started as a build starts it (cleanup.ts).
    const watch = spawn(process.execPath, [WATCH_SCRIPT], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    const ended = new Promise((resolve) => watch.on('exit', resolve));
    const gone = new Promise((resolve) => browser.on('exit', resolve));
    watch.stdin.write(`+1 ${JSON.stringify({ kill: browser.pid, remove: [staging] })}\n`);
    watch.stdin.write(`+2 ${JSON.stringify({ restore: [aside, home] })}\n`);
    watch.stdin.write(`+3 ${JSON.stringify({ remove: [kept] })}\n-3\n`);
    // The process it watches ends: its end of the pipe closes.
    watch.stdin.end();
    await Promise.all([ended, gone]);
    expect(existsSync(staging)).toBe(false);
    expect(await readFile(path.join(home, 'index.html'), 'utf8')).toBe('previous outputs');
    expect(existsSync(aside)).toBe(false);
    expect(existsSync(kept)).toBe(true);
  });
});
