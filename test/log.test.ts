/**
 * What a build says when it is done: a summary per article by default, every
 * file with --verbose; sizes and durations in each language's typography.
 */
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleLog, formatBuildSummary, formatWritten, type WrittenFile } from '../src/log.js';
import { CATALOGUES } from '../src/messages/index.js';

const OUT = path.join('/tmp', 'site', 'output', '2024');
const file = (rel: string, bytes: number): WrittenFile => ({ path: path.join(OUT, rel), bytes });
const WRITTEN = [
  file('radiologues/enquete.pdf', 300_000),
  file('radiologues/enquete.html', 200_000),
  file('radiologues/charts/freins.png', 20_000),
  file('radiologues/charts/usages.png', 20_000),
  file('radiologues/cards/chiffre-1-1200x630.png', 50_000),
  file('manipulateurs_cadres/enquete.pdf', 400_000),
  file('index.html', 12_000),
  file('figures.json', 90_000),
];

describe('the end of a build', () => {
  it('sums up each article’s folder: its files, their size, where; the edition’s own files last', () => {
    const summary = formatBuildSummary(WRITTEN, OUT, '/tmp/site');
    expect(summary.split('\n')).toEqual([
      'Wrote 8 files, 1.04 MB:',
      '  output/2024/radiologues/           5 files  576.2 KB',
      '      enquete.pdf, enquete.html, charts/ (2 files), cards/ (1 file)',
      '  output/2024/manipulateurs_cadres/   1 file  390.6 KB',
      '      enquete.pdf',
      '  output/2024/                       2 files   99.6 KB',
      '      index.html, figures.json',
      'Every file with its size: add --verbose.',
    ]);
  });

  it('lists every file with its size when asked (--verbose)', () => {
    const list = formatWritten(WRITTEN, '/tmp/site').split('\n');
    expect(list).toHaveLength(WRITTEN.length + 1);
    expect(list[0]).toBe('Wrote 8 files, 1.04 MB:');
    expect(list).toContain('  output/2024/radiologues/charts/freins.png               19.5 KB');
  });

  it('writes sizes and durations as French does: decimal comma, « o », « Ko », « Mo », no-break space', () => {
    const { cli } = CATALOGUES.fr;
    expect([cli.size(512), cli.size(12_600), cli.size(3_911_000)]).toEqual([
      '512\u00a0o',
      '12,3\u00a0Ko',
      '3,73\u00a0Mo',
    ]);
    expect([cli.duration(830.4), cli.duration(2920)]).toEqual(['830\u00a0ms', '2,92\u00a0s']);
    expect(CATALOGUES.en.cli.size(12_600)).toBe('12.3 KB');
  });

  it('puts a no-break space before the colon of an article’s progress line in French', () => {
    expect(CATALOGUES.fr.stages.ofArticle('Article web', 'radiologues')).toBe(
      'Article web\u00a0: radiologues',
    );
    expect(CATALOGUES.en.stages.ofArticle('Web article', 'radiologues')).toBe(
      'Web article: radiologues',
    );
  });
});

describe('a progress line', () => {
  /** A stream as the terminal or a pipe gives it, and what was written to it. */
  const stream = (terminal: boolean) => {
    const s = Object.assign(new PassThrough(), { isTTY: terminal });
    const written: string[] = [];
    s.on('data', (chunk: Buffer) => written.push(chunk.toString()));
    return { s, written };
  };

  it('is made and shown on a terminal only', async () => {
    for (const terminal of [true, false]) {
      const { s, written } = stream(terminal);
      let made = 0;
      consoleLog(s).progress(() => {
        made++;
        return '65 536 lignes lues';
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(made, String(terminal)).toBe(terminal ? 1 : 0);
      expect(written.join('').includes('65 536 lignes lues'), String(terminal)).toBe(terminal);
    }
  });
});
