/** What the CLI tells the user while it works: each stage with its duration, then the files written. */
import { formatProblem, type Problem } from './errors.js';
import type { Reconciliation } from './ingest/types.js';
import { cli, reconciliation as say } from './messages/index.js';

export interface Log {
  stage<T>(name: string, work: () => Promise<T> | T): Promise<T>;
  info(line: string): void;
  /** A line that replaces itself as work goes on (rows read so far); shown on a terminal only. */
  progress(line: string): void;
}

export function consoleLog(stream: NodeJS.WritableStream = process.stderr): Log {
  const terminal = (stream as NodeJS.WriteStream).isTTY === true;
  let showing = false;
  const clear = () => {
    if (showing) stream.write('\r\x1b[2K');
    showing = false;
  };
  return {
    async stage(name, work) {
      const started = performance.now();
      const result = await work();
      const ended = performance.now();
      clear();
      // ENQUETE_TIMELINE=1 adds when each stage started and ended, from the process start (for tuning).
      const at = process.env.ENQUETE_TIMELINE
        ? `   ${formatMs(started).padStart(8)} → ${formatMs(ended).padStart(8)}`
        : '';
      stream.write(`  ${name.padEnd(56)} ${formatMs(ended - started).padStart(8)}${at}\n`);
      return result;
    },
    info(line) {
      clear();
      stream.write(`${line}\n`);
    },
    progress(line) {
      if (!terminal) return;
      stream.write(`\r\x1b[2K  ${line}`);
      showing = true;
    },
  };
}

export const silentLog: Log = {
  stage: async (_name, work) => work(),
  info: () => {},
  progress: () => {},
};

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** A file the build wrote, and its size. */
export interface WrittenFile {
  path: string;
  bytes: number;
}

export function formatWritten(files: readonly WrittenFile[], cwd = process.cwd()): string {
  const rel = files.map((f) => ({
    ...f,
    path: f.path.startsWith(cwd) ? f.path.slice(cwd.length + 1) : f.path,
  }));
  const width = Math.max(...rel.map((f) => f.path.length));
  return rel
    .map((f) => `  ${f.path.padEnd(width)}  ${formatBytes(f.bytes).padStart(9)}`)
    .join('\n');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/** "Rows: 146 read = 144 kept + 2 excluded", then each exclusion with its line and reason. */
export function formatReconciliation(r: Reconciliation, most = 20): string {
  const head = say.head(r.file, r.rowsIn, r.kept, r.excluded.length);
  const lines = r.excluded
    .slice(0, most)
    .map((e) => say.line(e.line, say.reasons[e.reason], e.detail));
  if (r.excluded.length > most) lines.push(say.more(r.excluded.length - most));
  return [head, ...lines].join('\n');
}

/** "42 wording decisions (25 true)…": what claims.json holds, in one line (a call's entries share `call`). */
export function formatClaims(claims: readonly { call: number; result: boolean }[]): string {
  const calls = new Map(claims.map((c) => [c.call, c.result]));
  return cli.claims(calls.size, [...calls.values()].filter(Boolean).length);
}

/** The warnings of what a new year may have broken, each located, under one heading. */
export function formatWarnings(warnings: readonly Problem[]): string {
  return [cli.warnings(warnings.length), ...warnings.map(formatProblem)].join('\n');
}
