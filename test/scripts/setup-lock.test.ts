/**
 * One setup at a time (scripts/setup-lock.mjs): a free lock is taken and let
 * go, a live holder is waited for, a dead one's lock taken over at once (its
 * id given to another process since, or to this one, included), and a holder
 * that exits lets it go.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without types
import { holdSetupLock } from '../../scripts/setup-lock.mjs';

const take = holdSetupLock as (folder: string, say?: (m: string) => void) => () => void;
const LOCK_MODULE = JSON.stringify(new URL('../../scripts/setup-lock.mjs', import.meta.url).href);

let work: string;
let lock: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'enquete-setup-lock-'));
  lock = path.join(work, '.setup.lock');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const holderName = () => readFileSync(path.join(lock, 'holder'), 'utf8');

/** A lock as a setup leaves it, naming `name`. */
function lockNaming(name: string): void {
  mkdirSync(lock);
  writeFileSync(path.join(lock, 'holder'), name);
}

/** A process id that is no more: a child's, once it has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

/** A Node process holding the lock (`then`: what it does next), once it says it holds it. */
async function holder(then: string) {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { holdSetupLock } from ${LOCK_MODULE};
       holdSetupLock(${JSON.stringify(lock)}); process.stdout.write('held'); ${then}`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const ended = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, ended };
}

/** Takes the lock and says how long it waited and what it said. */
function timedTake() {
  const said: string[] = [];
  const started = Date.now();
  const release = take(lock, (m) => said.push(m));
  return { release, said, waited: Date.now() - started };
}

describe('one setup at a time', () => {
  it('takes a free lock, names itself in it, and lets it go', () => {
    const { release, said } = timedTake();
    expect(holderName().split(' ')[0]).toBe(String(process.pid));
    release();
    expect(existsSync(lock)).toBe(false);
    expect(said).toEqual([]);
  });

  it('takes over at once a lock whose holder is gone, or whose id is now another process', () => {
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)']);
    try {
      // A dead process; this very process (a container's id given again); a live process that
      // started at another time than the one named; a lock with no name.
      for (const name of [String(deadPid()), String(process.pid), `${live.pid} 1`, null]) {
        if (name === null) mkdirSync(lock);
        else lockNaming(name);
        const { release, said } = timedTake();
        expect(holderName().split(' ')[0], String(name)).toBe(String(process.pid));
        expect(said, String(name)).toEqual([]);
        release();
      }
    } finally {
      live.kill();
    }
  });

  it('waits while a live setup holds it, and says so once', async () => {
    const { child, ended } = await holder('setTimeout(() => {}, 1000);');
    const { release, said, waited } = timedTake();
    expect(said).toEqual([`waiting for another setup to finish (process ${child.pid})`]);
    expect(waited).toBeGreaterThan(300);
    expect(holderName().split(' ')[0]).toBe(String(process.pid));
    release();
    await ended;
  });

  it('is let go when its holder exits; one killed leaves it, taken over at once', async () => {
    const exits = await holder('process.exit(1);');
    expect(await exits.ended).toBe(1);
    expect(existsSync(lock)).toBe(false);
    const killed = await holder("process.kill(process.pid, 'SIGKILL');");
    expect(await killed.ended).toBe('SIGKILL');
    expect(existsSync(lock)).toBe(true);
    const { release, said } = timedTake();
    expect(said).toEqual([]);
    release();
  });
});
