/**
 * The one catalogue of the command's messages, in French (the default) and
 * English. The language belongs to the process: the command line chooses it
 * once, before anything is said (`--lang`, else the shell's locale), and it
 * never changes after; every message is then asked for by name, e.g.
 * `usage.noCommand()`, and worded in that language. (What readers see is
 * not here: it is the publication's, in src/publication/.)
 */
import { type Catalogue, en } from './en.js';
import { fr } from './fr.js';

export type { Catalogue, Duplicated } from './en.js';
export type Language = 'fr' | 'en';
export const CATALOGUES: Record<Language, Catalogue> = { fr, en };

let chosen: Language | undefined;

/**
 * Fix the process's language. Called once, before the first message: a
 * message read earlier (at a module's load, say) has fixed it from the
 * shell's locale, and a different choice now is a bug, said at once.
 */
export function chooseLanguage(language: Language): void {
  if (chosen !== undefined && chosen !== language)
    throw new Error(`The language was already ${chosen}: it is chosen once, before any message`);
  chosen = language;
}

/** The process's language: the one chosen, else the shell's, fixed by this first reading. */
export function language(): Language {
  chosen ??= languageFrom(undefined) ?? 'fr';
  return chosen;
}

/**
 * `--lang` when given, else the shell's locale (LC_ALL, LC_MESSAGES, LANG in
 * POSIX order): English when it is English, French otherwise.
 */
export function languageFrom(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Language | null {
  if (flag !== undefined) return flag === 'fr' || flag === 'en' ? flag : null;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'fr';
}

/** A section of the current catalogue, looked up at each use (so after the language is chosen). */
function section<K extends keyof Catalogue>(key: K): Catalogue[K] {
  return new Proxy({} as Catalogue[K] & object, {
    get: (_target, name) => (CATALOGUES[language()][key] as Record<string | symbol, unknown>)[name],
  });
}

export const cli = section('cli');
export const usage = section('usage');
export const environment = section('environment');
export const errors = section('errors');
export const stages = section('stages');
export const reconciliation = section('reconciliation');
export const tasks = section('tasks');
export const where = section('where');
export const config = section('config');
export const references = section('references');
export const charts = section('charts');
export const theme = section('theme');
export const templates = section('templates');
export const figures = section('figures');
export const ingest = section('ingest');
export const init = section('init');
export const initReport = section('initReport');
export const preview = section('preview');
export const weighting = section('weighting');

export function help(): string {
  return CATALOGUES[language()].help;
}
export const lint = section('lint');
