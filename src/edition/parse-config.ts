/**
 * An edition config's text checked: YAML syntax, then the schema, then the
 * cross-references (segments naming questions and answer codes). Config
 * problems stop the run at once, each located at its line and column.
 * Loaded only when a config is to be checked (load.ts): the schema library
 * takes a tenth of a second to load, which a config checked before spares.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { language, tasks } from '../messages/index.js';
import { schemaProblem, yamlProblems } from './config-problems.js';
import { type KeyLocator, locatorOf, yaml } from './locate.js';
import { checkReferences } from './references.js';
import { type ChartKindRule, type EditionConfig, editionSchemaFor } from './schema.js';

/** Pure: YAML text -> validated, fully defaulted config (or a located InputError). */
export function parseEditionConfig(
  text: string,
  file: string,
  kinds: readonly ChartKindRule[],
): EditionConfig {
  return parseConfig(text, file, kinds).config;
}

/** The config, and where each key is in its text (from the one parse of the document). */
export function parseConfig(
  text: string,
  file: string,
  kinds: readonly ChartKindRule[],
): { config: EditionConfig; locate: KeyLocator } {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0)
    throw new InputError(tasks.readConfig, yamlProblems(doc.errors, text, file));
  const locate = locatorOf(doc, lineCounter);

  const input: unknown = doc.toJS();
  const schema = editionSchemaFor(kinds);
  // Worded from the catalogue (config-problems.ts); the schema library's own words, in the
  // language of the other messages, only for a problem the catalogue has no sentence for.
  const { localeError } = language() === 'fr' ? z.locales.fr() : z.locales.en();
  const parsed = schema.safeParse(input, { error: localeError });
  if (!parsed.success) {
    const context = { file, schema, input, locate };
    throw new InputError(
      tasks.readConfig,
      parsed.error.issues.map((issue) => schemaProblem(issue, context)),
    );
  }
  // Said in the order of the file, as the editor reads it.
  const problems = checkReferences(parsed.data, kinds)
    .map((p) => ({ file, ...locate(p.path), ...p.problem }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (problems.length > 0) throw new InputError(tasks.checkConfig, problems);
  return { config: parsed.data, locate };
}
