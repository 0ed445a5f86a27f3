import { describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { fileInEdition } from '../../src/edition/load.js';
import { parseEditionConfig } from '../../src/edition/parse-config.js';
import { InputError, type Problem } from '../../src/errors.js';
import { TEST_CONFIG_YAML } from '../helpers/edition.js';

function problemsOf(yaml: string): Problem[] {
  try {
    parseEditionConfig(yaml, 'edition.yaml', CHART_KINDS);
  } catch (e) {
    if (e instanceof InputError) return [...e.problems];
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('edition config', () => {
  it('is read and fully defaulted', () => {
    const config = parseEditionConfig(TEST_CONFIG_YAML, 'edition.yaml', CHART_KINDS);
    expect(config.source).toEqual({
      file: 'responses.csv',
      metadata: [],
      duplicateWindowMinutes: 10,
    });
    expect(config.edition.timezone).toBe('Europe/Paris');
    expect(config.questions.find((q) => q.id === 'usage')).toMatchObject({
      options: [{ code: 'oui' }, { code: 'non' }],
    });
  });

  it('locates a YAML syntax error and names its cause, not in the parser’s words', () => {
    const [p] = problemsOf('edition:\n  id: "2024\n  survey: x\n');
    expect(p).toMatchObject({ file: 'edition.yaml', line: 4, column: 1 });
    expect(p?.found).toBe('a value opened with a quote that is never closed');
    expect(p?.fix).toContain('closing quote');
  });

  it.each([
    [
      'a double quote inside a double-quoted value',
      '  sample: "ils disent "oui""',
      'single quotes',
    ],
    ['a tab in the indentation', '\tsample: test', 'Replace the tab with spaces'],
    ['no space after a colon', '  sample:"test"', 'Add a space after the colon: sample: "test"'],
  ])('says the usual cause of a YAML error: %s', (_name, line, fix) => {
    const yaml = TEST_CONFIG_YAML.replace('  sample: test', line);
    const problems = problemsOf(yaml);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(yaml.split('\n').indexOf(line) + 1);
    expect(problems[0]?.fix).toContain(fix);
    expect(JSON.stringify(problems)).not.toMatch(/Unexpected|not allowed|Implicit/);
  });

  it.each([
    [
      'a date typed day first',
      ['2024-04-23', '23/04/2024'],
      'Write "2024-04-23" instead of "23/04/2024".',
    ],
    ['a hyphen in an id', ['id: radiologues', 'id: radio-logues'], 'Write "radio_logues"'],
    ['a number in quotes', ['min: 1,', 'min: "un",'], 'Write a number without quotes'],
  ])('says what a key accepts and how to write it: %s', (_name, [from, to], fix) => {
    const yaml = TEST_CONFIG_YAML.replace(from as string, to as string);
    if (yaml === TEST_CONFIG_YAML) throw new Error(`${from} is not in the test config`);
    const [p] = problemsOf(yaml);
    expect(p?.fix).toContain(fix);
    expect(`${p?.expected} ${p?.fix}`).not.toMatch(/schema|YYYY-MM-DD, e\.g\. 2024-04-23$/);
  });

  it('names the key, its line and the fix for a wrong value', () => {
    const yaml = TEST_CONFIG_YAML.replace('type: yesno', 'type: oui_non');
    const [p] = problemsOf(yaml);
    expect(p?.where).toBe('key "questions › usage › type"');
    expect(p?.expected).toContain('timestamp, single, multiple, yesno, scale, text');
    expect(p?.line).toBe(yaml.split('\n').findIndex((l) => l.includes('oui_non')) + 1);
  });

  it('names an unknown key', () => {
    const [p] = problemsOf(
      TEST_CONFIG_YAML.replace('  sample: test', '  sample: test\n  smaple: x'),
    );
    expect(p).toMatchObject({ where: 'key "edition › smaple"', found: 'unknown key "smaple"' });
    expect(p?.expected).toContain('sample');
    expect(p?.fix).toBe('Write "sample" instead of "smaple", or remove the key.');
  });

  it('refuses a segment naming an unknown question or answer code', () => {
    const found = problemsOf(
      TEST_CONFIG_YAML.replace('where: { usage: oui }', 'where: { usag: oui }').replace(
        'where: { profession: radiologue }',
        'where: { profession: radiolog }',
      ),
    );
    expect(found.map((p) => [p.where, p.found])).toEqual([
      ['segment "radiologues"', '"radiolog"'],
      ['segment "utilisateurs"', '"usag"'],
    ]);
    expect(found[0]?.fix).toContain('profession');
  });

  it('refuses appliesTo naming an unknown segment', () => {
    const [p] = problemsOf(
      TEST_CONFIG_YAML.replace('appliesTo: utilisateurs\n    other', 'appliesTo: users\n    other'),
    );
    expect(p).toMatchObject({ where: 'question "usages"', found: '"users"' });
  });
});

describe('a file the config names', () => {
  it('is a path under the edition folder, or null when it leads outside', () => {
    expect(fileInEdition('data/2024', 'articles/radiologues.hbs')).toBe(
      'data/2024/articles/radiologues.hbs',
    );
    expect(fileInEdition('data/2024', 'theme/../articles/a.hbs')).toBe('data/2024/articles/a.hbs');
    // A name that merely starts with two dots is inside.
    expect(fileInEdition('data/2024', '..logo.svg')).toBe('data/2024/..logo.svg');
    expect(fileInEdition('data/2024', '../2023/logo.svg')).toBeNull();
    expect(fileInEdition('data/2024', 'theme/../../logo.svg')).toBeNull();
    expect(fileInEdition('data/2024', '..')).toBeNull();
    expect(fileInEdition('data/2024', '/etc/passwd')).toBeNull();
  });
});
