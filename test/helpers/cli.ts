/**
 * Run the real command in a child process, as users do. Its language is
 * French, as on an editor's machine, whatever the locale of the machine
 * running the tests; `env` may set another.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function enquete(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/enquete.js', ...args], {
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_FR.UTF-8', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * The command run once for each argument list, all in one child process
 * (helpers/enquete-batch.mjs), in French as `enquete` is: the same exit
 * codes and words as one process each, for the cost of one start.
 */
export function enqueteBatch(
  runs: string[][],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['test/helpers/enquete-batch.mjs'], {
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_FR.UTF-8', ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the batch exited ${code}`)),
    );
    child.stdin.end(JSON.stringify(runs));
  });
}
