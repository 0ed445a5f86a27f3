/**
 * The catalogue of messages: both languages have every message, none is
 * left untranslated, and no message is worded outside the catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { fr } from '../../src/messages/fr.js';
import { chooseLanguage, language, languageFrom, usage } from '../../src/messages/index.js';

type Tree = { [key: string]: unknown };

/** Every leaf of a catalogue: its path, and what it is (a sentence, or a function and its arity). */
function leaves(tree: Tree, at = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const here = at ? `${at}.${key}` : key;
    if (typeof value === 'function') out.set(here, `function/${value.length}`);
    else if (typeof value === 'string') out.set(here, 'string');
    else for (const [k, v] of leaves(value as Tree, here)) out.set(k, v);
  }
  return out;
}

function leafValue(tree: Tree, at: string): unknown {
  return at.split('.').reduce<unknown>((t, k) => (t as Tree)[k], tree);
}

/** Messages that are the same in both languages: a command line echoed, a code, a value passed through. */
const SAME = new Set([
  'cli.building',
  'cli.initRunning',
  'usage.badArguments',
  'theme.logo',
  'preview.desk.open',
]);

describe('the catalogue of messages', () => {
  const french = leaves(fr as unknown as Tree);
  const english = leaves(en as unknown as Tree);

  it('has every message in both languages, with the same arguments', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, kind] of english) expect(french.get(key), key).toBe(kind);
    expect(english.size).toBeGreaterThan(150);
  });

  it('translates every sentence: no French message is the English one', () => {
    const untranslated = [...english.keys()].filter((key) => {
      if (SAME.has(key)) return false;
      const a = leafValue(en as unknown as Tree, key);
      const b = leafValue(fr as unknown as Tree, key);
      if (typeof a === 'string') return a === b || b === '';
      // A function: called with sample arguments of each kind, its words must differ.
      const sample = (f: unknown) =>
        JSON.stringify(
          (f as (...args: unknown[]) => unknown)(...Array.from({ length: 6 }, () => SAMPLE)),
        );
      return sample(a) === sample(b);
    });
    expect(untranslated).toEqual([]);
  });

  it('is the only place a problem is worded: no expected/found/fix text in the code', () => {
    const worded: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'messages') walk(file);
        } else if (file.endsWith('.ts')) {
          readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/\b(expected|found|fix|message|hint):\s*['"`][A-Za-z]/.test(line))
                worded.push(`${file}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk('src');
    expect(worded).toEqual([]);
  });
});

/** Reads as the string "7", and any field of it as another such item (an object argument: { kind, answers… }). */
const ITEM: unknown = new Proxy(
  {},
  {
    get(_target, name): unknown {
      if (name === Symbol.toPrimitive) return () => '7';
      if (typeof name === 'string' && name in String.prototype)
        return (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[
          name
        ]?.bind('7');
      return typeof name === 'string' && name !== 'toJSON' ? ITEM : undefined;
    },
  },
);

/** Stands for any argument: reads as the string "7", the list of two items, or an object whose fields are items. */
const SAMPLE: unknown = new Proxy([ITEM, ITEM], {
  get(list, name): unknown {
    if (name === Symbol.toPrimitive) return () => '7';
    if (name === 'length') return 2;
    if (typeof name === 'string' && name in String.prototype && !(name in Array.prototype))
      return (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[
        name
      ]?.bind('7');
    const value = Reflect.get(list, name);
    if (value === undefined && typeof name === 'string' && name !== 'toJSON') return ITEM;
    return typeof value === 'function' ? value.bind(list) : value;
  },
});

describe('the language of messages', () => {
  it('is French by default, English for an English locale, and --lang decides over both', () => {
    expect(languageFrom(undefined, {})).toBe('fr');
    expect(languageFrom(undefined, { LANG: 'C.UTF-8' })).toBe('fr');
    expect(languageFrom(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(languageFrom(undefined, { LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(languageFrom(undefined, { LANG: 'en' })).toBe('en');
    expect(languageFrom(undefined, { LANG: 'en_US.UTF-8', LC_ALL: 'fr_FR.UTF-8' })).toBe('fr');
    expect(languageFrom(undefined, { LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('en');
    expect(languageFrom('en', { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(languageFrom('fr', { LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(languageFrom('de', {})).toBeNull();
  });
});

describe('the language', () => {
  it('is chosen once per process and never switched', () => {
    // The test setup chose English before this file was loaded.
    expect(language()).toBe('en');
    expect(() => chooseLanguage('en')).not.toThrow();
    expect(() => chooseLanguage('fr')).toThrow(/chosen once/);
    expect(usage.noCommand()).toEqual(en.usage.noCommand());
  });
});
