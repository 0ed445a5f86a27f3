/**
 * What `enquete build` says, as an editor reads it in French: the progress
 * lines in French typography, then a short summary per article by default,
 * every file with its size with --verbose.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedBuild } from '../helpers/build.js';
import { enquete } from '../helpers/cli.js';
import { scratch } from '../helpers/scratch.js';

const NBSP = '\u00a0';

describe('enquete build, what it says', () => {
  it('ends with a summary: per article its folder, files and size, not the list of every file', async () => {
    const { edition, stderr } = await sharedBuild();
    const end = stderr.slice(stderr.indexOf('articles fabriqués'));
    const lines = end.split('\n').filter(Boolean);
    // Two lines per article, two for the edition's files, two for the archive page beside them.
    expect(lines.length).toBeLessThan(16);
    expect(lines[1]).toMatch(new RegExp(`^\\d+ fichiers écrits, \\d+,\\d\\d${NBSP}Mo${NBSP}:$`));
    for (const slug of ['manipulateurs_cadres', 'radiologues'])
      expect(end).toMatch(
        new RegExp(`\\n {2}${path.join(edition, slug)}/ +\\d+ fichiers +\\d+,\\d+${NBSP}[KM]o\\n`),
      );
    expect(end).toMatch(/\n {6}enquete\.pdf, enquete\.html, [\s\S]*?charts\/ \(\d+ fichiers\)/);
    expect(end).toMatch(
      new RegExp(
        `\\n {2}${path.dirname(edition)}/ +1 fichier +[\\d,]+${NBSP}Ko\\n {6}index\\.html\\n`,
      ),
    );
    expect(end).toContain(`Chaque fichier avec sa taille${NBSP}: ajoutez --verbose.`);
    expect(stderr).not.toMatch(/\bKB\b|\bMB\b|enquete\.pdf +\d/);
  });

  it('writes its progress lines in French typography', async () => {
    const { stderr } = await sharedBuild();
    expect(stderr).toContain(`  Article web${NBSP}: manipulateurs_cadres `);
    expect(stderr).toContain(`  Impression du PDF (Chromium)${NBSP}: radiologues `);
    expect(stderr).not.toMatch(/\S: (manipulateurs_cadres|radiologues)/);
    // Seconds with a decimal comma: the build's own time (a stage may take under a second).
    expect(stderr).toMatch(new RegExp(`Chromium, en \\d+,\\d\\d${NBSP}s\\.\\n`));
    expect(stderr).toMatch(new RegExp(`^  \\S.* \\d+(,\\d\\d${NBSP}s|${NBSP}ms)$`, 'm'));
    expect(stderr).not.toMatch(/\d\.\d\d ?s\b/);
  });

  it('lists every file with its size with --verbose', async () => {
    const out = path.join(scratch('build-verbose'), '2024');
    const { code, stderr } = await enquete([
      'build',
      'data/2024',
      '--article',
      'radiologues',
      '--out',
      out,
      '--verbose',
    ]);
    expect(code, stderr).toBe(0);
    const end = stderr.slice(stderr.indexOf('fichiers écrits'));
    expect(end).toMatch(
      new RegExp(
        `\\n {2}${path.join(out, 'radiologues', 'enquete.pdf')} +\\d+,\\d+${NBSP}[KM]o\\n`,
      ),
    );
    expect(end).toMatch(/\/radiologues\/charts\/[a-z-]+\.png +\d/);
    expect(end).not.toContain('--verbose');
  });
});
