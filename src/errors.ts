/**
 * The two kinds of failure the user can do something about, and how they are
 * shown. Everything else is a bug: the CLI prints its stack only with --debug.
 *
 * - `InputError` (exit 1): a file the user gave is wrong. Problems in the
 *   *data* are collected and reported together; problems in *config or
 *   templates* stop at once. Each problem says where, what was expected, what
 *   was found and how to fix it.
 * - `UsageError` (exit 2): the command line itself is wrong.
 * - `EnvironmentError` (exit 1): the machine (Chromium, the disk) failed;
 *   it keeps the low-level error as `cause` for --debug.
 */
import { errors, usage } from './messages/index.js';

/** One located problem in an input file. */
export interface Problem {
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** 1-based column, when known (config syntax errors). */
  column?: number;
  /** The sheet of a workbook export; `line` is then its row number. */
  sheet?: string;
  /** A column header, a config key or a question id: what the line is about. */
  where?: string;
  expected: string;
  found?: string;
  fix: string;
}

/** What every error a user can act on has: an exit code, and the error it wraps (`cause`). */
export abstract class EnqueteError extends Error {
  abstract readonly exitCode: 1 | 2;
}

export class InputError extends EnqueteError {
  readonly exitCode = 1;
  /** Problems found but not listed: a file wrong throughout would otherwise print a million. */
  readonly omitted: number;
  constructor(
    /** What the user was doing: "Reading the responses". */
    readonly task: string,
    readonly problems: readonly Problem[],
    options?: ErrorOptions & { omitted?: number },
  ) {
    super(errors.problems(task, problems.length + (options?.omitted ?? 0)), options);
    this.omitted = options?.omitted ?? 0;
    this.name = 'InputError';
  }
}

export class UsageError extends EnqueteError {
  readonly exitCode = 2;
  readonly hint: string;
  constructor(text: { message: string; hint?: string }) {
    super(text.message);
    this.hint = text.hint ?? usage.defaultHint;
    this.name = 'UsageError';
  }
}

/** A failure of something outside the input files (the browser, the disk, a worker thread). */
export class EnvironmentError extends EnqueteError {
  readonly exitCode = 1;
  readonly fix: string;
  constructor(text: { message: string; fix: string }, options?: ErrorOptions) {
    super(text.message, options);
    this.fix = text.fix;
    this.name = 'EnvironmentError';
  }
}

/** Where a problem is: file:line:column, or in a workbook, the file and the sheet's row. */
export function problemPlace(p: Problem): string {
  if (p.sheet !== undefined) return `${p.file}, ${errors.inSheet(p.sheet, p.line)}`;
  return [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
}

export function formatProblem(p: Problem): string {
  const place = problemPlace(p);
  const about = p.where ? `, ${p.where}` : '';
  const width = Math.max(errors.expected.length, errors.found.length, errors.fix.length);
  const label = (l: string) => `\n    ${l.padEnd(width)} `;
  const found = p.found === undefined ? '' : `${label(errors.found)}${p.found}`;
  return `  ${place}${about}${label(errors.expected)}${p.expected}${found}${label(errors.fix)}${p.fix}`;
}

/** The text the CLI prints for an expected error (no stack trace). */
export function formatError(error: EnqueteError): string {
  if (error instanceof InputError) {
    const head = errors.failed(error.task, error.problems.length + error.omitted);
    const more = error.omitted > 0 ? [errors.more(error.omitted)] : [];
    return [head, ...error.problems.map(formatProblem), ...more].join('\n');
  }
  if (error instanceof UsageError) return `${error.message}\n${error.hint}`;
  if (error instanceof EnvironmentError) return `${error.message}\n  ${errors.fix} ${error.fix}`;
  return error.message;
}

export function isExpectedError(e: unknown): e is EnqueteError {
  return e instanceof EnqueteError;
}

/** The error as data, for `enquete check --json`. */
export function errorJson(error: EnqueteError): object {
  if (error instanceof InputError)
    return { kind: 'input', task: error.task, problems: error.problems, omitted: error.omitted };
  if (error instanceof UsageError)
    return { kind: 'usage', message: error.message, hint: error.hint };
  if (error instanceof EnvironmentError)
    return { kind: 'environment', message: error.message, fix: error.fix };
  return { kind: 'error', message: error.message };
}
