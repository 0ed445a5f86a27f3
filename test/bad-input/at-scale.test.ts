/**
 * Bad input at scale, with generated files: a 2 GB export, a 50 MB cell, a
 * row of 10⁵ fields, a last line cut short. Each gives a correct result or
 * a clear French message, never a stack trace, and `enquete figures` stays
 * under 500 MB (its peak resident memory, read by bench/peak-rss.mjs in the
 * command's own process).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../helpers/scratch.js';

const HEADER =
  '"Horodateur","Quelle est votre profession ?","Dans quel secteur exercez-vous ?","Utilisez-vous l\'intelligence artificielle dans votre pratique ?","À quelle fréquence utilisez-vous l\'IA ?","Pour quels usages ?","Quelle est votre satisfaction globale vis-à-vis des outils d\'IA ? (1 à 10)","Pensez-vous utiliser davantage l\'IA à l\'avenir ?","Quels freins rencontrez-vous ?","Commentaires libres"';

/** A response; each one's comment ends with its number, so none is a duplicate of another. */
const row = (i: number, comment = '', usage = 'Oui') =>
  `"2024/05/02 10:00:00 AM UTC+2","Radiologue","Hospitalier","${usage}","Rarement","Aide au diagnostic","7","Oui","Coût des solutions","${comment}${i}"\n`;

/** The 2024 edition with an export written by `write` (which appends to the file descriptor it is given). */
function edition(purpose: string, write: (fd: number) => void): string {
  const folder = path.join(scratch(purpose), '2024');
  cpSync('data/2024', folder, { recursive: true });
  const fd = openSync(path.join(folder, 'responses.csv'), 'w');
  try {
    writeSync(fd, `${HEADER}\n`);
    write(fd);
  } finally {
    closeSync(fd);
  }
  return folder;
}

/** `enquete figures` in its own process: exit code, figures, message, peak memory in MB. */
function figures(folder: string) {
  const r = spawnSync(
    process.execPath,
    ['bench/peak-rss.mjs', 'bin/enquete.js', 'figures', folder],
    { encoding: 'utf8', maxBuffer: 256 << 20 },
  );
  const peak = Number(/peak-rss-kb: (\d+)/.exec(r.stderr)?.[1]) / 1024;
  const all = r.status === 0 ? JSON.parse(r.stdout) : [];
  const count = (id: string) => all.find((f: { id: string }) => f.id === id)?.value;
  return { status: r.status, stderr: r.stderr, peak, count };
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

describe('bad input at scale', () => {
  // Writing and reading 2 GB takes a minute or two on a busy two-core machine.
  it('reads a 2 GB export in bounded memory', { timeout: 900_000 }, () => {
    const comment = 'Un long commentaire. '.repeat(100);
    const rows = 1_000_000;
    const folder = edition('2gb', (fd) => {
      for (let start = 0; start < rows; start += 10_000) {
        let chunk = '';
        for (let i = start; i < start + 10_000; i++) chunk += row(i, comment);
        writeSync(fd, chunk);
      }
    });
    expect(statSync(path.join(folder, 'responses.csv')).size).toBeGreaterThan(2e9);
    const r = figures(folder);
    noStackTrace(r.stderr);
    expect(r.status).toBe(0);
    expect(r.count('respondents.count.all')).toBe(rows);
    expect(r.count('commentaire.answered.count.all')).toBe(rows);
    expect(r.peak).toBeLessThan(500);
  });

  it('reads a 50 MB comment, and names a 50 MB answer by its start only', () => {
    const huge = 'x'.repeat(50 << 20);
    const inComment = edition('huge-comment', (fd) => {
      writeSync(fd, row(1));
      writeSync(fd, row(2, huge));
      writeSync(fd, row(3));
    });
    const read = figures(inComment);
    expect(read.status).toBe(0);
    expect(read.count('respondents.count.all')).toBe(3);
    expect(read.peak).toBeLessThan(500);

    const inAnswer = edition('huge-answer', (fd) => {
      writeSync(fd, row(1));
      writeSync(fd, row(2, '', huge));
    });
    const refused = figures(inAnswer);
    noStackTrace(refused.stderr);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('responses.csv:3');
    // The cell as the message quotes it: its 50 MB and two quotation marks.
    expect(refused.stderr).toMatch(/"x{100}.*… \(52\s428\s802 caractères en tout\)/);
    expect(refused.stderr.length).toBeLessThan(5000);
    expect(refused.peak).toBeLessThan(500);
  });

  it('says which line has 10⁵ fields', () => {
    const folder = edition('wide', (fd) => {
      writeSync(fd, row(1));
      writeSync(fd, `${Array.from({ length: 100_000 }, (_, k) => `"${k}"`).join(',')}\n`);
      writeSync(fd, row(3));
    });
    const r = figures(folder);
    noStackTrace(r.stderr);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('responses.csv:3');
    expect(r.stderr).toContain('10 champs, comme la ligne d’en-têtes');
    expect(r.stderr).toContain('100000 champs');
    expect(r.peak).toBeLessThan(500);
  });

  it('says where a cut last line begins, on 10⁵ rows', () => {
    const folder = edition('cut', (fd) => {
      let chunk = '';
      for (let i = 0; i < 100_000; i++) chunk += row(i, 'Un commentaire ');
      writeSync(fd, chunk);
    });
    const file = path.join(folder, 'responses.csv');
    truncateSync(file, statSync(file).size - 12);
    const r = figures(folder);
    noStackTrace(r.stderr);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('une cellule entre guillemets ouverte à la ligne 100001 ou avant');
    expect(r.peak).toBeLessThan(500);
  });
});
