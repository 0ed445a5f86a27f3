/**
 * The config's problems as an editor reads them: a YAML syntax error named
 * by its usual cause (a quote inside quotes, a tab, a missing space after
 * ":"), a value the schema refuses said with what its key accepts, never in
 * the parser's or the schema library's own words.
 */
import type { YAMLError } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { config as say, where } from '../messages/index.js';
import { editDistance } from '../text.js';
import { shadeFor } from './colour.js';
import { COLOUR_PATTERN, DATE_PATTERN, ID_PATTERN } from './schema.js';

type Words = Pick<Problem, 'expected' | 'found' | 'fix'>;

/** A key written "key:value", with no space after its colon. */
const NO_SPACE = /^(\s*(?:-\s+)?)([A-Za-z_$][\w$-]*):(?=[^\s:/])(.*)$/;

/**
 * The YAML errors worth saying: a tab in the indentation on each line it is
 * on; else each error whose cause is known, one per line; else the first,
 * which the others usually follow from.
 */
export function yamlProblems(errors: readonly YAMLError[], text: string, file: string): Problem[] {
  const lines = text.split('\n');
  const said = errors.map((e) => {
    const pos = e.linePos?.[0];
    const line = pos ? (lines[pos.line - 1] ?? '') : '';
    // The key written on the line, when there is one: a long value's column alone is hard to find.
    const key = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):/.exec(line)?.[1];
    const at = { file, line: pos?.line, column: pos?.col, ...(key && { where: where.key(key) }) };
    return { e, at, cause: yamlCause(e, text, line) };
  });
  const tabs = said.filter((s) => s.e.code === 'TAB_AS_INDENT');
  const known = said.filter(
    (s, i) => s.cause !== null && said.findIndex((o) => o.at.line === s.at.line) === i,
  );
  const chosen = tabs.length > 0 ? tabs : known.length > 0 ? known : said.slice(0, 1);
  return chosen.map((s) => ({ ...s.at, ...(s.cause ?? say.yaml.other()) }));
}

/** What most likely caused a YAML error, from its code and the line it is on; null if unsure. */
function yamlCause(e: YAMLError, text: string, line: string): Words | null {
  const before = text[e.pos[0] - 1];
  const noSpace = NO_SPACE.exec(line);
  const inner = innerQuote(line);
  if (e.code === 'TAB_AS_INDENT') return say.yaml.tab();
  if (inner) return say.yaml.innerQuote(inner);
  switch (e.code) {
    case 'UNEXPECTED_TOKEN':
      return before === '"' || before === "'" ? say.yaml.innerQuote(before) : null;
    case 'MISSING_CHAR':
      if (/closing/i.test(e.message)) return say.yaml.unclosedQuote();
      return noSpace ? spaceAfterColon(noSpace) : null;
    case 'MULTILINE_IMPLICIT_KEY':
      return noSpace ? spaceAfterColon(noSpace) : null;
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const value = /^(\s*(?:-\s+)?[\w$-]+):\s+([^"'{[\s].*:\s.*)$/.exec(line);
      return value ? say.yaml.colonInValue(`${value[1]?.trim()}: "${value[2]?.trim()}"`) : null;
    }
    case 'BAD_INDENT':
      return say.yaml.indent();
    case 'DUPLICATE_KEY':
      return say.yaml.duplicateKey(/^\s*(?:-\s+)?([^:]+):/.exec(line)?.[1]?.trim() ?? '');
    case 'BAD_SCALAR_START':
      return say.yaml.reservedStart(text[e.pos[0]] ?? '');
    case 'BAD_DQ_ESCAPE':
      return say.yaml.backslash();
    default:
      return null;
  }
}

/**
 * The quote of a "key: value" line whose quoted value closes before the
 * line ends, text following: a quote inside the value ended it early.
 */
function innerQuote(line: string): '"' | "'" | null {
  const open = /^\s*(?:-\s+)?[\w$-]+:\s+(["'])/.exec(line);
  if (!open) return null;
  const quote = open[1] as '"' | "'";
  const rest = line.slice(open[0].length);
  const close =
    quote === '"' ? /(?<!\\)"/.exec(rest)?.index : /'(?!')/.exec(rest.replace(/''/g, '  '))?.index;
  if (close === undefined) return null;
  const after = rest.slice(close + 1).trim();
  return after !== '' && !after.startsWith('#') ? quote : null;
}

function spaceAfterColon(m: RegExpExecArray): Words {
  const [, indent = '', key = '', rest = ''] = m;
  return say.yaml.noSpace(`${key}:${rest}`.trim(), `${key}: ${rest}`.trim() || indent);
}

/** The schema, the config as read, and where a key is in its text: what wording an issue needs. */
export interface IssueContext {
  file: string;
  schema: z.ZodType;
  input: unknown;
  locate(keyPath: readonly PropertyKey[]): { line?: number; column?: number };
}

/** One problem of the schema's, located at its key, worded from the catalogue. */
export function schemaProblem(issue: z.core.$ZodIssue, context: IssueContext): Problem {
  // An unknown key is shown where it is written, not where its block starts.
  const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const key = keyName(at, context.input);
  return {
    file: context.file,
    ...context.locate(at),
    where: where.key(key),
    ...issueWords(issue, context),
  };
}

function issueWords(issue: z.core.$ZodIssue, context: IssueContext): Words {
  const key = keyName(issue.path, context.input);
  const last = String(issue.path.at(-1) ?? '');
  const input = issue.input === undefined ? valueAt(context.input, issue.path) : issue.input;
  const found = shown(input);
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeys(issue.keys, issue.path, context);
    case 'invalid_type':
      if (input === undefined || input === null) return say.missingValue(key, last);
      return say.wrongType(key, last, issue.expected, typeOf(input), found ?? '');
    case 'too_small':
      return { ...say.tooSmall(issue.origin, Number(issue.minimum), !!issue.exact), found };
    case 'too_big':
      return { ...say.tooBig(issue.origin, Number(issue.maximum), !!issue.exact), found };
    case 'invalid_format':
      return { ...formatWords(issue, input), found };
    case 'invalid_value':
      return {
        ...say.oneOf(issue.values.map(String), closestOf(String(input), issue.values.map(String))),
        found,
      };
    case 'invalid_union':
      return { ...unionWords(issue, context), found };
    case 'invalid_key':
    case 'invalid_element': {
      const inner = issue.issues[0];
      if (!inner) break;
      return issueWords(
        {
          ...inner,
          path: issue.path,
          input: issue.code === 'invalid_key' ? issue.input : inner.input,
        } as z.core.$ZodIssue,
        context,
      );
    }
    case 'custom':
      if (last === 'accent' && typeof input === 'string')
        return { expected: issue.message, found, fix: say.accentFix(shadeFor(input, '#ffffff')) };
      break;
  }
  return { expected: issue.message, found, fix: say.invalid(key) };
}

/** A string the schema's patterns refuse: an id, a date, a colour, an address. */
function formatWords(
  issue: z.core.$ZodIssueInvalidStringFormat,
  input: unknown,
): Omit<Words, 'found'> {
  const written = String(input);
  if (issue.format === 'url') return say.urlFormat();
  if (issue.pattern === String(ID_PATTERN)) return say.idFormat(asId(written));
  if (issue.pattern === String(DATE_PATTERN)) return say.dateFormat(asDate(written), written);
  if (issue.pattern === String(COLOUR_PATTERN)) return say.colourFormat();
  return { expected: issue.message, fix: say.invalid(keyName(issue.path)) };
}

/** A discriminated union's tag (a question's type, a chart's kind) that names none of its members. */
function unionWords(
  issue: z.core.$ZodIssueInvalidUnion,
  context: IssueContext,
): Omit<Words, 'found'> {
  const tagged = issue as z.core.$ZodIssueInvalidUnion & {
    discriminator?: string;
    options?: unknown[];
  };
  if (tagged.discriminator !== undefined) {
    const names = (tagged.options ?? []).map(String);
    return tagged.discriminator === 'type' ? say.questionType(names) : say.chartKind(names);
  }
  // A value of one of several forms (a code, or a list of codes): said as the form it came closest to.
  const branch =
    issue.errors.find((b) => b.length > 0 && b[0]?.code !== 'invalid_type') ?? issue.errors[0];
  const inner = branch?.[0];
  if (!inner) return { expected: issue.message, fix: say.invalid(keyName(issue.path)) };
  const { expected, fix } = issueWords(
    { ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue,
    context,
  );
  return { expected, fix };
}

function unknownKeys(keys: string[], keyPath: PropertyKey[], context: IssueContext): Words {
  const accepted = keysAt(context.schema, keyPath, context.input).filter((k) => !k.startsWith('$'));
  const first = keys[0] ?? '';
  const glued = /^([\w$-]+):(\S.*)$/.exec(first);
  const spaced =
    glued && accepted.includes(glued[1] as string) ? `${glued[1]}: ${glued[2]}` : undefined;
  return say.unknownKeys(keys, accepted, closestOf(first, accepted), spaced);
}

/** The keys an object of the schema takes at this path of the config (a union's member chosen by its tag). */
function keysAt(schema: z.ZodType, keyPath: readonly PropertyKey[], input: unknown): string[] {
  let node: ZodNode | undefined = unwrap(schema as unknown as ZodNode, input);
  let value = input;
  for (const k of keyPath) {
    if (!node) return [];
    const def = node._zod.def;
    value = valueAt(value, [k]);
    node = unwrap(
      def.type === 'object'
        ? def.shape?.[String(k)]
        : def.type === 'array'
          ? def.element
          : def.type === 'record'
            ? def.valueType
            : undefined,
      value,
    );
  }
  return node?._zod.def.type === 'object' ? Object.keys(node._zod.def.shape ?? {}) : [];
}

/** The few parts of a zod schema's definition the walk reads. */
interface ZodNode {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, ZodNode>;
      element?: ZodNode;
      valueType?: ZodNode;
      innerType?: ZodNode;
      in?: ZodNode;
      options?: ZodNode[];
      discriminator?: string;
      values?: unknown[];
    };
  };
}

/** Through optional, default and pipe to the schema inside; a union's member whose tag the value has. */
function unwrap(node: ZodNode | undefined, value: unknown): ZodNode | undefined {
  let n = node;
  for (let i = 0; n && i < 10; i++) {
    const def: ZodNode['_zod']['def'] = n._zod.def;
    if (def.innerType) n = def.innerType;
    else if (def.type === 'pipe') n = def.in;
    else if (def.type === 'union' && def.discriminator) {
      const tag = valueAt(value, [def.discriminator]);
      n = def.options?.find((o) =>
        o._zod.def.shape?.[def.discriminator as string]?._zod.def.values?.includes(tag),
      );
    } else return n;
  }
  return n;
}

function valueAt(input: unknown, keyPath: readonly PropertyKey[]): unknown {
  return keyPath.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    input,
  );
}

function shown(input: unknown): string | undefined {
  return input === undefined ? undefined : JSON.stringify(input)?.slice(0, 80);
}

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isInteger(input) ? 'int' : 'number';
  return typeof input;
}

/** The accepted value closest to what was written, when it is a likely slip. */
function closestOf(written: string, accepted: readonly string[]): string | undefined {
  const near = accepted
    .map((a) => ({ a, d: editDistance(written.toLowerCase(), a.toLowerCase()) }))
    .filter((x) => x.d <= (written.length > 3 ? 2 : 1) && x.d < written.length / 2)
    .sort((x, y) => x.d - y.d);
  return near[0]?.a;
}

/** An id as the schema takes it, from what was typed ("Cadres-Santé" -> "cadres_sante"). */
function asId(written: string): string | undefined {
  const id = written
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return ID_PATTERN.test(id) ? id : undefined;
}

/** A date typed day first ("29/10/2024", "29-10-2024", "29.10.2024") as YYYY-MM-DD. */
function asDate(written: string): string | undefined {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(written);
  if (!m) return undefined;
  const [, d = '', mo = '', y = ''] = m;
  if (Number(mo) > 12 || Number(d) > 31) return undefined;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * A key's path as an editor reads it: « articles › secteurs › date », each list
 * element named by its slug, id or code (its rank, from 1, when it has none).
 */
export function keyName(keyPath: readonly PropertyKey[], input?: unknown): string {
  let node = input;
  return keyPath
    .map((k) => {
      node = (node as Record<PropertyKey, unknown> | undefined)?.[k];
      if (typeof k !== 'number') return String(k);
      // An element of a list is named as the editor wrote it: its slug, id or code, else its rank.
      const named = node as { slug?: unknown; id?: unknown; code?: unknown } | undefined;
      const name = [named?.slug, named?.id, named?.code].find((n) => typeof n === 'string');
      return typeof name === 'string' ? name : `#${k + 1}`;
    })
    .join(' › ');
}
