/**
 * Free text from the public is data, never markup; the PDF page reaches
 * nothing outside the build: no network, no local file, no script.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToTemplate } from '../../src/render/markdown.js';
import { ARTICLE } from '../helpers/build.js';
import { enquete } from '../helpers/cli.js';
import { copyEdition, edit, withComments } from '../helpers/edition-copy.js';

const HOSTILE = {
  2: '<script>alert("x")</script><img src=x onerror=alert(1)>',
  3: '{{pct "usage.oui.share.all"}} {{{triple}}} {{> methodology}}',
  4: '=HYPERLINK("http://example.invalid","cliquez")',
  5: `Très long ${'blabla '.repeat(1430)}fin`,
  6: "L'IA 🤖 c'est 👍",
  7: 'الذكاء الاصطناعي מעולה',
  8: '+1 pour ce commentaire @moi -moins',
};

describe.concurrent('hostile input', () => {
  it('free text comes out as text in every output, formulas neutralised in CSV', async () => {
    const { edition, out } = await copyEdition();
    await edit(path.join(edition, 'responses.csv'), (csv) => withComments(csv, HOSTILE));
    const { code, stderr } = await enquete(['build', edition, '--out', out, '--article', ARTICLE]);
    expect(code, stderr).toBe(0);

    const html = await readFile(path.join(out, ARTICLE, 'enquete.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img src=x|onerror=alert/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain(
      '{{pct &quot;usage.oui.share.all&quot;}} {{{triple}}} {{&gt; methodology}}',
    );
    expect(html).toContain('🤖');
    expect(html).toContain('الذكاء الاصطناعي מעולה');
    expect(html).toContain('fin</li>');

    const pdf = execFileSync(
      'pdftotext',
      ['-enc', 'UTF-8', path.join(out, ARTICLE, 'enquete.pdf'), '-'],
      {
        encoding: 'utf8',
      },
    );
    const flat = pdf.replace(/\s+/g, ' ');
    expect(flat).toContain('<script>alert("x")</script>');
    expect(flat).toContain('{{pct "usage.oui.share.all"}}');

    const csv = await readFile(path.join(out, 'free-text.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""cliquez"")"`);
    expect(csv).toContain(`"'+1 pour ce commentaire @moi -moins"`);
    expect(csv).not.toMatch(/,"=/);

    const figures = await readFile(path.join(out, 'figures.json'), 'utf8');
    expect(JSON.parse(figures).length).toBeGreaterThan(100);
  });

  it('the PDF page can reach nothing outside the build: no request, no local file, no script', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('LEAKED-FROM-SERVER');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const { edition, out } = await copyEdition();
      const hostname = (await readFile('/etc/hostname', 'utf8')).trim();
      const probe = [
        `<img src="http://127.0.0.1:${port}/pixel.png" alt="">`,
        `<link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">`,
        `<style>@import url("http://127.0.0.1:${port}/import.css"); body { background: url("file:///etc/hostname"); }</style>`,
        '<iframe src="file:///etc/hostname"></iframe>',
        '<object data="file:///etc/passwd"></object>',
        `<script>document.write('SCRIPT-RAN'); fetch('http://127.0.0.1:${port}/fetch');</script>`,
      ].join('\n');
      // Markdown shows typed HTML as text; an article written in HTML (.hbs) is where it could act.
      const markdown = await readFile(
        path.join(edition, 'articles', 'manipulateurs-cadres.md'),
        'utf8',
      );
      await writeFile(
        path.join(edition, 'articles', 'manipulateurs-cadres.hbs'),
        `${probe}\n${markdownToTemplate(markdown).template}`,
      );
      await edit(path.join(edition, 'edition.yaml'), (t) =>
        t.replace('articles/manipulateurs-cadres.md', 'articles/manipulateurs-cadres.hbs'),
      );
      const { code, stderr } = await enquete([
        'build',
        edition,
        '--out',
        out,
        '--article',
        ARTICLE,
      ]);
      expect(code, stderr).toBe(0);
      expect(hits).toEqual([]);
      expect(stderr).toMatch(
        /la page imprimée de « [a-z_]+ » a demandé \d+ ressources? hors de la fabrication, toutes refusées/,
      );
      const pdf = execFileSync(
        'pdftotext',
        ['-enc', 'UTF-8', path.join(out, ARTICLE, 'enquete.pdf'), '-'],
        {
          encoding: 'utf8',
        },
      );
      expect(pdf).not.toContain('SCRIPT-RAN');
      expect(pdf).not.toContain('LEAKED-FROM-SERVER');
      expect(pdf).not.toContain('root:x:0:0');
      if (hostname.length > 3) expect(pdf).not.toContain(hostname);
    } finally {
      server.close();
    }
  });
});
