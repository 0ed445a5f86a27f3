/**
 * One setup at a time (scripts/setup-lock.mjs): a free lock is taken and let
 * go, a live holder is waited for, a dead one's lock taken over at once, and
 * a holder ended by exit or Ctrl-C leaves no lock behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without types
import { holdSetupLock } from '../../scripts/setup-lock.mjs';

const take = holdSetupLock as (folder: string, say?: (m: string) => void) => () => void;

let work: string;
let lock: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'enquete-setup-lock-'));
  lock = path.join(work, '.setup.lock');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A process id that is no more: a child's, once it has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('one setup at a time', () => {
  it('takes a free lock, names itself in it, and lets it go', () => {
    const said: string[] = [];
    const release = take(lock, (m) => said.push(m));
    expect(readFileSync(path.join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lock)).toBe(false);
    expect(said).toEqual([]);
  });

  it('takes over at once the lock of a setup that died holding it', () => {
    mkdirSync(lock);
    writeFileSync(path.join(lock, 'pid'), String(deadPid()));
    const said: string[] = [];
    const release = take(lock, (m) => said.push(m));
    expect(readFileSync(path.join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
    expect(said).toEqual([]);
    release();
  });

  it('waits while a live setup holds it, and says so once', async () => {
    // A holder that lives for a second, then lets the lock go as a setup does when it ends.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { holdSetupLock } from ${JSON.stringify(new URL('../../scripts/setup-lock.mjs', import.meta.url).href)};
         holdSetupLock(${JSON.stringify(lock)}); process.stdout.write('held'); setTimeout(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    const said: string[] = [];
    const started = Date.now();
    const release = take(lock, (m) => said.push(m));
    const waited = Date.now() - started;
    expect(said).toEqual([`waiting for another setup to finish (process ${holder.pid})`]);
    expect(waited).toBeGreaterThan(300);
    expect(readFileSync(path.join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
    release();
    await new Promise((resolve) =>
      holder.exitCode === null ? holder.once('exit', resolve) : resolve(null),
    );
  });

  it('lets the lock go when the process holding it ends, by exit or by Ctrl-C', async () => {
    for (const end of ['process.exit(1)', "process.kill(process.pid, 'SIGINT')"]) {
      const r = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { holdSetupLock } from ${JSON.stringify(new URL('../../scripts/setup-lock.mjs', import.meta.url).href)};
           holdSetupLock(${JSON.stringify(lock)}); setTimeout(() => ${end}, 50); setTimeout(() => {}, 5000);`,
        ],
        { encoding: 'utf8' },
      );
      expect(r.status, end).toBe(end.includes('SIGINT') ? 130 : 1);
      expect(existsSync(lock), end).toBe(false);
    }
  });
});
