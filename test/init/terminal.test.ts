/**
 * What `enquete init` says to the editor on the terminal: the report for a
 * person to read (no Markdown, French dates and question types, aligned
 * lists), the commands to run next exactly as they can be typed, and, on a
 * folder that is already there, advice that never risks what it holds.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { shellCommand } from '../../src/init/report.js';
import { plain, reportTerminal } from '../../src/init/terminal-report.js';
import { enquete } from '../helpers/cli.js';
import { scratch } from '../helpers/scratch.js';

const EXPORT_2025 = 'test/fixtures/editions/2025/responses.csv';
const NBSP = '\u00a0';

describe('enquete init on the terminal (French)', () => {
  let folder: string;
  let stdout: string;
  /** The terminal's text with its wrapped lines joined again, to read a sentence whole. */
  let flat: string;
  let markdown: string;
  beforeAll(async () => {
    // A folder name with a space: the commands printed must still run as they are.
    folder = path.join(scratch('init-terminal'), 'essai 2025');
    const run = await enquete(['init', folder, '--from', 'data/2024', '--responses', EXPORT_2025]);
    expect(run.code, run.stderr).toBe(0);
    stdout = run.stdout;
    flat = stdout.replace(/\n +/g, ' ');
    markdown = await readFile(path.join(folder, 'init-report.md'), 'utf8');
  });

  it('prints a report without Markdown, and still writes init-report.md in Markdown beside', () => {
    expect(stdout).not.toMatch(/^#|\*\*|`|^\s*\|/m);
    expect(stdout).toContain(
      `Édition 2025${NBSP}: préparée à partir de l’édition 2024\n══════════════════════════════════════════════════\n`,
    );
    expect(stdout).toContain(
      '\nCe qu’il vous reste à faire\n───────────────────────────\n  • Réécrivez ces lignes',
    );
    expect(markdown).toContain('## Ce qu’il vous reste à faire');
    expect(markdown).toContain('| `horodateur` | 1 | Horodateur | même intitulé |');
  });

  it('writes dates as French does, in both, and never an ISO date', () => {
    const period = `du 14${NBSP}avril${NBSP}2025 au 31${NBSP}juillet${NBSP}2025 (l’an dernier : du 23${NBSP}avril${NBSP}2024 au 22${NBSP}août${NBSP}2024)`;
    expect(flat).toContain(period.replaceAll(' :', `${NBSP}:`));
    expect(markdown).toContain(period);
    expect(flat).toContain(
      `publié le 15${NBSP}octobre${NBSP}2024 → le 15${NBSP}octobre${NBSP}2025`,
    );
    expect(`${stdout}${markdown}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('names the new questions’ types in French', () => {
    expect(flat).toContain(
      `(colonne 2, «${NBSP}Adresse e-mail${NBSP}»)${NBSP}: texte libre, privée`,
    );
    expect(flat).toContain(`artificielle${NBSP}?${NBSP}»)${NBSP}: choix unique, 3 réponses`);
    expect(markdown).toContain('**choix unique**');
    expect(`${stdout}${markdown}`).not.toMatch(/\b(single|multiple|yesno|scale)\b/);
  });

  it('lists the questions found aligned: each id, then where and how, under one another', () => {
    const rows = stdout.split('\n').filter((l) => / {2}colonne \d+, /.test(l));
    expect(rows.map((l) => l.trim().split(' ')[0])).toEqual([
      'horodateur',
      'profession',
      'secteur',
      'usage',
      'usages',
      'satisfaction',
      'avenir',
      'freins',
      'commentaire',
    ]);
    expect(new Set(rows.map((l) => l.indexOf('colonne'))).size).toBe(1);
  });

  it('wraps every line to the width, never before a colon or inside « »', () => {
    for (const l of stdout.split('\n')) {
      if (!l.startsWith('      npx ') && !/\S{60,}/.test(l))
        expect(l.length).toBeLessThanOrEqual(100);
      expect(l).not.toMatch(/^\s*[:;?!»]/);
      expect(l).not.toMatch(/«$/);
    }
  });

  it('ends with the next commands, one per line, runnable as printed from the project folder', async () => {
    const quoted = `'${folder}'`;
    expect(stdout).toContain(
      `  • Ensuite, depuis le dossier du projet${NBSP}:\n      npx enquete check ${quoted}\n      npx enquete build ${quoted}\n`,
    );
    expect(markdown).toContain(
      `\`npx enquete check ${quoted}\`, puis \`npx enquete build ${quoted}\``,
    );
    // `npx enquete` runs this project's own command (package.json's bin), here run directly.
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    expect(pkg.bin.enquete).toBe('bin/enquete.js');
    const printed = stdout.split('\n').find((l) => l.startsWith('      npx enquete check '));
    const command = (printed as string).trim().replace(/^npx enquete/, 'node bin/enquete.js');
    const ran = await promisify(execFile)('sh', ['-c', command], {
      env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '' },
    }).catch((e: { code: number; stderr: string }) => e);
    // It reads the folder (and finds the lines to rewrite: exit 1), not a usage error (2).
    expect('code' in ran ? ran.code : 0).toBe(1);
    expect(ran.stderr).toContain(path.join(folder, 'articles', 'manipulateurs-cadres.md'));
  });
});

describe('enquete init on a folder that is there already', () => {
  it('touches nothing, and advises another name or setting the folder aside, never emptying it', async () => {
    const folder = path.join(scratch('init-terminal'), '2025');
    await enquete(['init', folder, '--from', 'data/2024', '--responses', EXPORT_2025]);
    const article = path.join(folder, 'articles', 'radiologues.md');
    await writeFile(article, 'Mon article, réécrit.\n');
    const again = await enquete([
      'init',
      folder,
      '--from',
      'data/2024',
      '--responses',
      EXPORT_2025,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('existe déjà et n’est pas vide');
    expect(again.stderr).toContain(`en le renommant (par exemple en ${folder}-ancien)`);
    expect(again.stderr).not.toMatch(/videz|supprimez|effacez/i);
    expect(await readFile(article, 'utf8')).toBe('Mon article, réécrit.\n');
  });

  it('refuses a file of that name too, and leaves it as it is', async () => {
    const file = path.join(scratch('init-terminal'), 'notes-2025.txt');
    await writeFile(file, 'mes notes');
    const run = await enquete(['init', file, '--from', 'data/2024', '--responses', EXPORT_2025]);
    expect(run.code).toBe(2);
    expect(await readFile(file, 'utf8')).toBe('mes notes');
  });
});

describe('the terminal form, piece by piece', () => {
  it('quotes for the shell only what needs it', () => {
    expect(shellCommand(['check', 'data/2025'])).toBe('npx enquete check data/2025');
    expect(shellCommand(['build', '/tmp/essai 2025'])).toBe("npx enquete build '/tmp/essai 2025'");
    expect(shellCommand(['check', "l'an $HOME"])).toBe("npx enquete check 'l'\\''an $HOME'");
  });

  it('takes Markdown marks out, keeps code as written, and glues French punctuation', () => {
    expect(plain('- **privée** : `private: true` « Autre »')).toBe(
      `- privée${NBSP}: private: true «${NBSP}Autre${NBSP}»`,
    );
  });

  it('renders a document: title, sections, items and sub-items under their own text', () => {
    const text = reportTerminal(
      {
        head: ['# Édition 2025', '', '- un fait'],
        sections: [
          {
            title: 'À faire',
            lines: ['- un item assez long pour passer à la ligne suivante', '  - un sous-item'],
          },
        ],
        closing: ['Fin.'],
      },
      40,
    );
    expect(text).toBe(
      [
        'Édition 2025',
        '════════════',
        '',
        '  • un fait',
        '',
        'À faire',
        '───────',
        '  • un item assez long pour passer à la',
        '    ligne suivante',
        '      – un sous-item',
        '',
        'Fin.',
        '',
      ].join('\n'),
    );
  });
});
