/**
 * In French, everything an editor reads is French: the bad-input fixtures'
 * French messages (pinned by test/bad-input from the real command) and the
 * mistakes an editor makes writing an edition, each run by the real command
 * in French (helpers/enquete-batch.mjs, on the bundled command). Each mistake's
 * message must also say what to change. Ids, keys, paths, values and helper
 * calls are the editor's own words, not English: they are left out of the
 * check (between {{ }}, ` `, " ", or written with dots, slashes, colons…).
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { enqueteBatch } from '../helpers/cli.js';
import { scratch } from '../helpers/scratch.js';

const FIXTURES = 'test/fixtures/bad';

/** Common English words that no French sentence has. */
const ENGLISH = [
  'the',
  'expected',
  'write',
  'use',
  'should',
  'must',
  'not',
  'found',
  'unexpected',
  'allowed',
  'string',
  'number',
  'received',
  'invalid',
  'required',
  'please',
  'remove',
  'add',
  'missing',
  'value',
  'key',
  'keys',
  'line',
  'column',
  'error',
  'cannot',
  'only',
  'with',
  'without',
  'which',
  'is',
  'are',
  'of',
  'and',
  'for',
  'at',
  'in',
  'to',
  'be',
  'if',
  'this',
  'that',
  'did',
  'you',
  'mean',
  'correct',
  'nothing',
  'tabs',
  'scalar',
  'mapping',
  'quote',
  'closing',
  'schema',
  'one',
  'implicit',
  'map',
  'node',
  'end',
];

/** The English words of a French message, its code and the editor's own words left out. */
function englishWords(text: string): string[] {
  const prose = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/"[^"\n]*"/g, ' ')
    .split(/\s+/)
    .filter((token) => !/[./_\\:@<>#={}"`\d[\]()-]/.test(token.replace(/[.,;:!?)]+$/, '')));
  const words = prose.join(' ').match(/\p{L}+/gu) ?? [];
  return words.filter((w) => ENGLISH.includes(w.toLowerCase()));
}

interface Mistake {
  name: string;
  /** What the editor did to the 2024 edition (its folder given). */
  make(edition: string): Promise<void>;
  /** What the message must say to change. */
  says: (string | RegExp)[];
  /** What it must not say. */
  never?: (string | RegExp)[];
}

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${String(from)} is not in ${file}`);
  await writeFile(file, changed);
}

const config = (edition: string) => path.join(edition, 'edition.yaml');

/** The first article's text file, whatever it is written in. */
async function firstArticle(edition: string): Promise<string> {
  const body = /^\s+body: (\S+)/m.exec(await readFile(config(edition), 'utf8'))?.[1];
  if (!body) throw new Error('no article body in edition.yaml');
  return path.join(edition, body);
}

async function appendToArticle(edition: string, text: string): Promise<void> {
  const file = await firstArticle(edition);
  await writeFile(file, `${await readFile(file, 'utf8')}\n\n${text}\n`);
}

const MISTAKES: Mistake[] = [
  {
    name: 'a date in French format',
    make: (e) => edit(config(e), /date: "2024-10-15"/, 'date: "15/10/2024"'),
    says: ['AAAA-MM-JJ', 'Écrivez "2024-10-15" au lieu de "15/10/2024".'],
  },
  {
    name: 'a hyphen in a segment id',
    make: (e) => edit(config(e), '{ id: cadres,', '{ id: cadres-sante,'),
    says: [
      /edition\.yaml:\d+:\d+, clé « segments › cadres-sante › id »/,
      'Écrivez « cadres_sante »',
    ],
  },
  {
    name: 'an undeclared chart',
    make: (e) => appendToArticle(e, '{{chart "usage_par_age"}}'),
    says: [
      /articles\/[\w-]+\.(md|hbs):\d+:\d+, graphique « usage_par_age »/,
      'Déclarez le graphique dans edition.yaml, sous « articles: », dans le « charts: » de cet article',
      /\(utilisateurs_par_profession, [\w, ]+\)/,
    ],
    never: ['{{#if}}', '{{ par }}'],
  },
  {
    name: '{{mean}} on a share',
    make: (e) => appendToArticle(e, 'Note : {{mean "usage.oui.share.radiologues"}}.'),
    says: [/\.(md|hbs):\d+:\d+/, 'écrivez {{pct "usage.oui.share.radiologues"}}'],
    never: ['Corrigez l’identifiant'],
  },
  {
    name: '{{pct}} on a mean',
    make: (e) => appendToArticle(e, 'Note : {{pct "satisfaction.mean.radiologues"}}.'),
    says: ['écrivez {{mean "satisfaction.mean.radiologues"}}'],
    never: ['Corrigez l’identifiant'],
  },
  {
    name: 'double quotes inside a double-quoted dek',
    make: (e) => edit(config(e), /dek: "/, 'dek: "Ils disent "oui" : '),
    says: [/edition\.yaml:\d+:\d+, clé « dek »\n/, 'écrivez des apostrophes', '« … »'],
    never: ['Unexpected'],
  },
  {
    name: 'a tab in the indentation',
    make: (e) => edit(config(e), '  publisher: ', '\tpublisher: '),
    says: [/edition\.yaml:\d+:1(, clé « [a-z]+ »)?\n/, 'Remplacez la tabulation par des espaces'],
    never: ['Tabs'],
  },
  {
    name: 'no space after ":"',
    make: (e) => edit(config(e), '  publisher: "', '  publisher:"'),
    says: ['Ajoutez une espace après les deux-points : publisher: "'],
  },
  {
    name: 'a misspelt key',
    make: (e) => edit(config(e), '  channels:', '  chanels:'),
    says: ['Écrivez « channels » au lieu de « chanels »'],
  },
  {
    name: 'a number in words',
    make: (e) => edit(config(e), 'duplicateWindowMinutes: 10', 'duplicateWindowMinutes: dix'),
    says: ['Écrivez un nombre sans guillemets'],
  },
];

/** The error part of what the command wrote, folders named as the fixtures name them. */
function message(stderr: string, edition: string): string {
  const start = stderr.search(/^enquete ?: /m);
  return stderr.slice(Math.max(start, 0)).replaceAll(edition, '<edition>').trimEnd();
}

describe('the bad-input fixtures, in French', () => {
  it('have no English word', async () => {
    const english: string[] = [];
    for (const name of await readdir(FIXTURES)) {
      const text = await readFile(path.join(FIXTURES, name, 'expected.txt'), 'utf8');
      for (const word of englishWords(text)) english.push(`${name}: ${word}`);
      if (text.includes('schema/edition.schema.json')) english.push(`${name}: the JSON Schema`);
    }
    expect(english).toEqual([]);
  });
});

describe('an editor’s mistakes, in French', () => {
  const said = new Map<string, { code: number; text: string }>();
  let initSaid = '';

  beforeAll(async () => {
    const root = scratch('french-only');
    const editions: string[] = [];
    for (const [i, mistake] of MISTAKES.entries()) {
      const edition = path.join(root, String(i));
      await cp('data/2024', edition, { recursive: true });
      await mistake.make(edition);
      editions.push(edition);
    }
    // Right after `enquete init`, the texts still cite the question the new form dropped.
    const next = path.join(root, '2025');
    const responses = 'test/fixtures/editions/2025/responses.csv';
    const runs = [
      ...editions.map((e) => ['check', e]),
      ['init', next, '--from', 'data/2024', '--responses', responses],
      ['check', next],
    ];
    const results = await enqueteBatch(runs);
    for (const [i, mistake] of MISTAKES.entries()) {
      const r = results[i] as { code: number; stderr: string };
      said.set(mistake.name, { code: r.code, text: message(r.stderr, editions[i] as string) });
    }
    initSaid = message((results.at(-1) as { stderr: string }).stderr, next);
  }, 120_000);

  it.each(MISTAKES.map((m) => [m.name, m] as const))(
    '%s: a French message that says what to change',
    (name, mistake) => {
      const { code, text } = said.get(name) as { code: number; text: string };
      expect(code, text).toBe(1);
      expect(englishWords(text), text).toEqual([]);
      expect(text).not.toContain('schema/edition.schema.json');
      for (const phrase of mistake.says)
        if (typeof phrase === 'string') expect(text).toContain(phrase);
        else expect(text).toMatch(phrase);
      for (const phrase of mistake.never ?? []) expect(text).not.toContain(phrase);
    },
  );

  it('a figure of a question the new form dropped, right after init: the question named, no other question offered', () => {
    expect(englishWords(initSaid), initSaid).toEqual([]);
    expect(initSaid).toMatch(
      /chiffre « frequence\.quotidien\.share\.manipulateurs »[^\n]*\n\s+attendu : un chiffre d’une question de cette édition/,
    );
    expect(initSaid).toContain('aucune question « frequence » dans edition.yaml');
    expect(initSaid).toContain('retirez ce chiffre et la phrase qui le cite');
    expect(initSaid).not.toMatch(/Vouliez-vous dire « (freins|avenir)/);
  });
});

describe('the English-word check', () => {
  it('finds English prose and leaves ids, keys, paths and helper calls alone', () => {
    expect(englishWords('attendu : write the date as YYYY-MM-DD')).toEqual(['write', 'the']);
    expect(englishWords('Unexpected scalar at node end')).toEqual([
      'Unexpected',
      'scalar',
      'at',
      'node',
      'end',
    ]);
    expect(
      englishWords(
        '<edition>/edition.yaml:12:3, clé « source.file » : écrivez {{mean "usage.oui.share.all"}} ou `enquete figures`, "the value"',
      ),
    ).toEqual([]);
  });
});
