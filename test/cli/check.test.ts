/** enquete check: what build verifies, without building or writing anything. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enquete } from '../helpers/cli.js';
import { copyEdition, edit } from '../helpers/edition-copy.js';

describe('enquete check', () => {
  it('passes the 2024 edition, renders every page of every article and writes nothing', async () => {
    const { root, edition } = await copyEdition();
    const before = (await readdir(root, { recursive: true })).sort();
    const { code, stderr } = await enquete(['check', edition]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(
      `${edition} vérifié : 2 articles (manipulateurs_cadres, radiologues), 11 pages rendues`,
    );
    expect(stderr).toContain('144 lignes (144 gardées). Rien n’a été écrit.');
    expect((await readdir(root, { recursive: true })).sort()).toEqual(before);
    expect(stderr).not.toContain('Chromium');
  });

  it('says the result as JSON for CI, and a problem with its file, line and fix', async () => {
    const ok = await enquete(['check', 'data/2024', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const result = JSON.parse(ok.stdout);
    expect(result).toMatchObject({
      ok: true,
      edition: '2024',
      articles: ['manipulateurs_cadres', 'radiologues'],
      pages: 11,
      reconciliation: { rowsIn: 144, kept: 144 },
    });
    expect(result.figures).toBeGreaterThan(900);

    const { edition } = await copyEdition();
    await edit(path.join(edition, 'articles/radiologues.md'), (t) =>
      t.replace('{{pct "usage.oui.share.radiologues"}}', '{{pct "usage.oui.share.radiolgues"}}'),
    );
    const bad = await enquete(['check', edition, '--json']);
    expect(bad.code).toBe(1);
    const failure = JSON.parse(bad.stdout);
    expect(failure.ok).toBe(false);
    expect(failure.error.kind).toBe('input');
    const [problem] = failure.error.problems;
    expect(problem.file).toBe(path.join(edition, 'articles/radiologues.md'));
    expect(problem.line).toBeGreaterThan(1);
    expect(problem.where).toContain('usage.oui.share.radiolgues');
    expect(problem.fix).toContain('usage.oui.share.radiologues');
  });

  it('refuses a missing folder as build does (exit 1) and an extra argument (exit 2)', async () => {
    expect((await enquete(['check', 'data/1999'])).code).toBe(1);
    expect((await enquete(['check', 'data/2024', 'extra'])).code).toBe(2);
  });
});
