/** What the CLI tells the user while it works: each stage with its duration, then the files written. */
import path from 'node:path';
import { formatProblem, type Problem } from './errors.js';
import type { Reconciliation } from './ingest/types.js';
import { cli, reconciliation as say } from './messages/index.js';

export interface Log {
  stage<T>(name: string, work: () => Promise<T> | T): Promise<T>;
  info(line: string): void;
  /**
   * A line that replaces itself as work goes on (rows read so far); shown on a
   * terminal only, so it is made only there (the first French number format
   * of a process costs 20 ms).
   */
  progress(line: () => string): void;
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
      stream.write(`  ${name.padEnd(66)} ${formatMs(ended - started).padStart(8)}${at}\n`);
      return result;
    },
    info(line) {
      clear();
      stream.write(`${line}\n`);
    },
    progress(line) {
      if (!terminal) return;
      stream.write(`\r\x1b[2K  ${line()}`);
      showing = true;
    },
  };
}

export const silentLog: Log = {
  stage: async (_name, work) => work(),
  info: () => {},
  progress: () => {},
};

/** « 830 ms », « 2,92 s »: in the language's typography. */
export function formatMs(ms: number): string {
  return cli.duration(ms);
}

/** A file the build wrote, and its size. */
export interface WrittenFile {
  path: string;
  bytes: number;
}

/** Every file written, with its size: `--verbose`'s list. */
export function formatWritten(files: readonly WrittenFile[], cwd = process.cwd()): string {
  const rel = files.map((f) => ({ ...f, path: shown(f.path, cwd) }));
  const width = Math.max(...rel.map((f) => f.path.length));
  return [
    cli.written(files.length, total(files)),
    ...rel.map((f) => `  ${f.path.padEnd(width)}  ${formatBytes(f.bytes).padStart(9)}`),
  ].join('\n');
}

/**
 * What a build wrote, in a few lines: each article's folder (and the
 * edition's own files, at the top of the output folder) with how many files,
 * their size and their names, a subfolder counted whole (charts/, cards/).
 */
export function formatBuildSummary(
  files: readonly WrittenFile[],
  outFolder: string,
  cwd = process.cwd(),
  width = 100,
): string {
  type Group = { files: WrittenFile[]; names: Map<string, number> };
  const groups = new Map<string, Group>();
  for (const f of files) {
    const [first, ...rest] = path.relative(outFolder, f.path).split(path.sep);
    const inArticle = rest.length > 0;
    const folder = inArticle ? path.join(outFolder, first as string) : outFolder;
    const group: Group = groups.get(folder) ?? { files: [], names: new Map() };
    groups.set(folder, group);
    group.files.push(f);
    const name = inArticle && rest.length > 1 ? `${rest[0]}/` : (rest[0] ?? (first as string));
    group.names.set(name, (group.names.get(name) ?? 0) + 1);
  }
  // The articles first, in the order they were made; the edition's own files last.
  const ordered = [...groups].sort(([a], [b]) => Number(a === outFolder) - Number(b === outFolder));
  const rows = ordered.map(([folder, g]) => ({
    where: `${shown(folder, cwd)}/`,
    count: cli.files(g.files.length),
    size: formatBytes(total(g.files)),
    names: [...g.names].map(([n, k]) => (n.endsWith('/') ? cli.subfolder(n.slice(0, -1), k) : n)),
  }));
  const w = (key: 'where' | 'count' | 'size') => Math.max(...rows.map((r) => r[key].length));
  return [
    cli.written(files.length, total(files)),
    ...rows.flatMap((r) => [
      `  ${r.where.padEnd(w('where'))}  ${r.count.padStart(w('count'))}  ${r.size.padStart(w('size'))}`,
      ...wrapList(r.names, width, '      '),
    ]),
    cli.verboseHint,
  ].join('\n');
}

/** A path as the user typed their way to it: relative to the current folder when inside it. */
function shown(p: string, cwd: string): string {
  const relative = path.relative(cwd, p);
  return relative === ''
    ? '.'
    : relative.startsWith('..') || path.isAbsolute(relative)
      ? p
      : relative;
}

const total = (files: readonly WrittenFile[]) => files.reduce((sum, f) => sum + f.bytes, 0);

/** Names joined by ", ", wrapped under one another. */
function wrapList(names: readonly string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, name] of names.entries()) {
    const word = i < names.length - 1 ? `${name},` : name;
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** A size in the language's units: « 12,3 Ko », "12.3 KB". */
export function formatBytes(n: number): string {
  return cli.size(n);
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
