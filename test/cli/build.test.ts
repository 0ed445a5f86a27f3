/** The command as users run it: a real process, real files, real exit codes. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedBuild } from '../helpers/build.js';
import { enquete } from '../helpers/cli.js';
import { scratch } from '../helpers/scratch.js';

describe('enquete figures', () => {
  it('prints every figure as JSON with its base', async () => {
    const { code, stdout } = await enquete(['figures', 'data/2024']);
    expect(code).toBe(0);
    const figures = JSON.parse(stdout) as {
      id: string;
      kind: string;
      count?: number;
      base?: number;
    }[];
    expect(figures.find((f) => f.id === 'usage.oui.share.manipulateurs')).toMatchObject({
      kind: 'share',
      count: 24,
      base: 46,
    });
    for (const f of figures.filter((x) => x.kind === 'share'))
      expect(Number.isInteger(f.base)).toBe(true);
  });

  it('reads an unchanged config back as checked before, unless --no-cache, with the same figures', async () => {
    const cache = scratch('figures-cache');
    const configs = () => readdirSync(cache).filter((name) => name.startsWith('config-'));
    const unkept = await enquete(['figures', 'data/2024', '--no-cache'], { ENQUETE_CACHE: cache });
    expect(unkept.code).toBe(0);
    expect(configs()).toEqual([]);
    const first = await enquete(['figures', 'data/2024'], { ENQUETE_CACHE: cache });
    expect(configs()).toHaveLength(1);
    const second = await enquete(['figures', 'data/2024'], { ENQUETE_CACHE: cache });
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toBe(unkept.stdout);
  });

  it('stops quietly when its reader stops reading (as `| head` does)', () => {
    const errors = path.join(scratch('figures-pipe'), 'stderr.txt');
    // The shell's pipe: stdout goes to a reader that takes one line and leaves.
    const out = execFileSync(
      'sh',
      ['-c', 'node bin/enquete.js figures data/2024 2>"$1" | head -n 1; cat "$1"', 'sh', errors],
      { encoding: 'utf8' },
    );
    expect(out.split('\n')[0]).toBe('[');
    expect(out).not.toMatch(/EPIPE|\bat .*:\d+:\d+/);
  });

  it('fails with a clear message when its output cannot be written (a full disk)', () => {
    const errors = path.join(scratch('figures-full'), 'stderr.txt');
    const run = () =>
      execFileSync('sh', [
        '-c',
        'node bin/enquete.js figures data/2024 >/dev/full 2>"$1"',
        'sh',
        errors,
      ]);
    expect(run).toThrow(expect.objectContaining({ status: 1 }));
    const said = readFileSync(errors, 'utf8');
    expect(said).toContain('Impossible d’écrire les chiffres sur la sortie standard : ENOSPC');
    expect(said).not.toMatch(/\bat .*:\d+:\d+/);
  });
});

describe('enquete usage errors', () => {
  it('exits 2 with a hint on an unknown command, without a stack trace', async () => {
    const { code, stderr } = await enquete(['bulid', 'data/2024']);
    expect(code).toBe(2);
    expect(stderr).toContain('Commande inconnue « bulid »');
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('speaks French by default, English with --lang en or an English LANG, and refuses another language', async () => {
    const french = await enquete(['--help']);
    expect(french.stdout).toContain('Usage :');
    expect(french.stdout).toContain('--lang <fr|en>');
    const flagged = await enquete(['bulid', 'data/2024', '--lang', 'en']);
    expect(flagged.stderr).toContain('Unknown command "bulid"');
    expect(flagged.stderr).toContain('Run `npx enquete --help`');
    const shell = await enquete(['bulid', 'data/2024'], { LANG: 'en_US.UTF-8' });
    expect(shell.stderr).toContain('Unknown command "bulid"');
    const decided = await enquete(['bulid', 'data/2024', '--lang=fr'], { LANG: 'en_US.UTF-8' });
    expect(decided.stderr).toContain('Commande inconnue « bulid »');
    const other = await enquete(['check', 'data/2024', '--lang', 'de']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--lang de n’est pas une langue d’enquete.');
  });

  it('refuses a preview of an unknown article or on a port that is not one, at once', async () => {
    const article = await enquete(['preview', 'data/2024', '--article', 'nope', '--port', '0']);
    expect(article.code).toBe(2);
    expect(article.stderr).toContain('Aucun article « nope » dans cette édition.');
    const port = await enquete(['preview', 'data/2024', '--port', 'huit']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port huit n’est pas un numéro de port.');
    const folder = await enquete(['preview', 'data/nowhere']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('Pas de dossier d’édition « data/nowhere ».');
  });

  it('writes no colour or terminal control code to a pipe, NO_COLOR or not', async () => {
    for (const env of [{}, { NO_COLOR: '1' }] as Record<string, string>[]) {
      const { stderr } = await enquete(['bulid', 'data/2024'], env);
      expect(stderr).toContain('enquete : Commande inconnue');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for the escape character itself
      expect(stderr).not.toMatch(/\x1b/);
    }
  });
  it('exits 1 naming the missing config', async () => {
    const out = scratch('build');
    const { code, stderr } = await enquete(['build', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(path.join(out, 'edition.yaml'));
  });
});

describe('enquete build', () => {
  it('writes figures.json and the reconciliation of rows', async () => {
    const out = (await sharedBuild()).edition;
    const figures = JSON.parse(await readFile(path.join(out, 'figures.json'), 'utf8'));
    expect(figures.find((f: { id: string }) => f.id === 'respondents.count.all').value).toBe(144);
    const rec = JSON.parse(await readFile(path.join(out, 'reconciliation.json'), 'utf8'));
    expect(rec).toMatchObject({ rowsIn: 144, kept: 144, excluded: [] });
  });
});

describe('enquete build of an edition compared with the previous one (synthetic 2025)', () => {
  it('states the comparison in the methodology box and prints no personal data anywhere', async () => {
    const out = path.join(scratch('build'), '2025');
    const { code, stderr } = await enquete(['build', 'test/fixtures/editions/2025', '--out', out]);
    expect(code, stderr).toBe(0);
    const web = await readFile(path.join(out, 'evolution/enquete.html'), 'utf8');
    const text = web.replace(/<[^>]+>/g, ' ').replace(/[ \t\r\n]+/g, ' ');
    expect(text).toMatch(
      /par rapport à l’édition 2024, menée du 23\u00a0avril\u00a02024 au 22\u00a0août\u00a02024 auprès de 144 répondants retenus, contre 320 cette année/,
    );
    expect(text).toContain('méthode de Newcombe pour les parts, de Welch pour les moyennes');
    expect(text).toMatch(
      /ont été masqués\s;\sles données personnelles recueillies \(Adresse e-mail\)/,
    );
    // The rise of the manipulateurs is within the noise: the prose and the chart title do not call it one.
    expect(text).toContain('Chez les manipulateurs radio, pas d’évolution mesurable');
    expect(text).toMatch(
      /passe de 52\s%\sà 61\s%\s\(\+9\spoints\)\s:\sun écart qui reste dans la marge d’incertitude/,
    );
    // The questions that changed since 2024 are compared only on the editors' recorded decision, printed.
    expect(text).toMatch(
      /Comparabilité, question «\s?Utilisation de l’IA\s?» \(question reformulée .*\)\s:\sLa question précise désormais/,
    );
    for (const file of [
      'evolution/enquete.html',
      'evolution/newsletter.txt',
      'free-text.csv',
      'figures.json',
    ])
      expect(await readFile(path.join(out, file), 'utf8')).not.toMatch(
        /@exemple\.invalid|06 00 00 00 00/,
      );
    // Its theme: the logo inline and named, the accent, the publication's name in the e-mail.
    expect(web).toMatch(/<span class="logo"><svg [^>]*role="img" aria-label="Tech Imago"/);
    expect(web).toContain('--accent: #7a1f5c;');
    const mail = await readFile(path.join(out, 'evolution/newsletter.html'), 'utf8');
    expect(mail).toContain('Tech Imago — la lettre');
    expect(mail).toMatch(/class="masthead" style="[^"]*border-bottom-color: #7a1f5c/);
    const pdfText = execFileSync('pdftotext', [path.join(out, 'evolution/enquete.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(pdfText).toContain('Tech Imago');
  });
});
