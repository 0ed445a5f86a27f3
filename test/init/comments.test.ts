/**
 * The comments a new edition inherits speak of its own year: edition.yaml's
 * "#" lines and the articles' `{{!-- … --}}`, and nothing else of the texts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import {
  renameInComment,
  renameInTemplateComments,
  renameInYamlComments,
} from '../../src/init/comments.js';
import { initEdition } from '../../src/init/init.js';
import { silentLog } from '../../src/log.js';
import { scratch } from '../helpers/scratch.js';

/** A text without its Handlebars comments. */
const withoutComments = (text: string) => text.replace(/\{\{!--[\s\S]*?--\}\}/g, '');

describe('enquete init: the year in the comments', () => {
  let folder: string;
  let config: string;
  beforeAll(async () => {
    folder = path.join(scratch('init-comments'), '2025');
    await initEdition(
      { folder, from: 'data/2024', responses: 'test/fixtures/editions/2025/responses.csv' },
      CHART_KINDS,
      silentLog,
    );
    config = await readFile(path.join(folder, 'edition.yaml'), 'utf8');
  });

  it('says 2025 in the comments of edition.yaml, and 2024 only where it means the previous edition', () => {
    expect(config).toContain("# L'édition 2025 de l'enquête");
    const comments = config.split('\n').filter((l) => l.trimStart().startsWith('#'));
    const stale = comments.filter((l) => /\b2024\b/.test(l));
    // What init notes of the comparison with 2024 (the commented comparability block) says 2024, rightly.
    expect(stale.length).toBeGreaterThan(0);
    for (const l of stale) expect(l).toMatch(/(depuis|en|avec|since|in|with) 2024/);
  });

  it('says 2025 in the comments of every article, and leaves their text as it was', async () => {
    for (const name of ['manipulateurs-cadres.md', 'radiologues.md']) {
      const before = await readFile(path.join('data/2024/articles', name), 'utf8');
      const after = await readFile(path.join(folder, 'articles', name), 'utf8');
      expect(before).toMatch(/\{\{!--[\s\S]*data\/2024[\s\S]*--\}\}/);
      const comment = /\{\{!--[\s\S]*?--\}\}/.exec(after)?.[0] ?? '';
      expect(comment).toContain('npx enquete figures data/2025');
      expect(comment).not.toMatch(/2024/);
      expect(withoutComments(after)).toBe(withoutComments(before));
    }
  });
});

describe('renaming the edition in comments', () => {
  it('replaces the id as a word of its own', () => {
    expect(
      renameInComment("L'édition 2024, data/2024, ia-2024/ ; 20245 et 12024", '2024', '2025'),
    ).toBe("L'édition 2025, data/2025, ia-2025/ ; 20245 et 12024");
    // An id without a digit is a word too common to replace in prose.
    expect(renameInComment('le printemps', 'printemps', 'automne')).toBe('le printemps');
  });

  it('changes the comments of a template only', () => {
    const text = '{{!-- édition 2024 --}}\nEn 2024, {{! 2024 }} {{pct "x.2024"}}';
    expect(renameInTemplateComments(text, '2024', '2025')).toBe(
      '{{!-- édition 2025 --}}\nEn 2024, {{! 2025 }} {{pct "x.2024"}}',
    );
  });

  it('changes every comment of a YAML document, never a value', () => {
    const doc = parseDocument(
      '# Édition 2024\nedition:\n  # id de 2024\n  id: "2024" # 2024\nsurvey: Enquête 2024\n',
    );
    renameInYamlComments(doc, '2024', '2025');
    expect(doc.toString()).toBe(
      '# Édition 2025\nedition:\n  # id de 2025\n  id: "2024" # 2025\nsurvey: Enquête 2024\n',
    );
  });
});
