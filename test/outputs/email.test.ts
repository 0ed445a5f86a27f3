/**
 * The e-mail's plain-text part, laid out from a small page: headings
 * underlined, paragraphs apart, and each chart its title, a blank line, its
 * numbers one a line (a split chart's parts indented, wrapped under their
 * indent), its note, and a blank line before what follows.
 */
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/outputs/email.js';

const chart = (id: string, title: string, note: string) =>
  `<table role="presentation" class="chart" data-chart="${id}"><tr><td class="chart-title">${title}</td></tr><tr><td><img src="https://example.invalid/${id}.png" alt="Diagramme"></td></tr><tr><td class="chart-note">${note}</td></tr></table>`;

const page = `<p class="kicker">Enquête</p><h1>Le titre de l’article</h1>
<p>Premier paragraphe.</p>
<h2>Une partie</h2>
<p>Un paragraphe avant le graphique.</p>
${chart('usage', 'Les radiologues plus souvent utilisateurs', 'Base\u00a0: répondants de chaque groupe. Source\u00a0: Enquête.')}
<p>Le paragraphe suivant.</p>
${chart('freins', 'Les freins', 'Base\u00a0: répondants.')}
<p><a href="https://example.invalid/enquete.html">Lire l’enquête en ligne</a></p>`;

const lines = new Map([
  [
    'usage',
    [
      'Radiologues\u00a0: 81\u00a0% (60\u00a0sur\u00a074)',
      'Cadres de santé\u00a0: 8\u00a0sur\u00a014',
    ],
  ],
  [
    'freins',
    [
      'Manque de formation',
      `  Radiologues\u00a0: 60\u00a0% (41\u00a0sur\u00a068), ${'une note assez longue pour passer à la ligne '.repeat(2).trim()}`,
    ],
  ],
]);

describe('the plain-text part', () => {
  const text = plainText(page, lines);

  it('gives a chart its title, a blank line, its lines, its note, then a blank line', () => {
    expect(text).toContain(
      [
        'Un paragraphe avant le graphique.',
        '',
        'Les radiologues plus souvent utilisateurs',
        '',
        'Radiologues\u00a0: 81\u00a0% (60\u00a0sur\u00a074)',
        'Cadres de santé\u00a0: 8\u00a0sur\u00a014',
        'Base\u00a0: répondants de chaque groupe. Source\u00a0: Enquête.',
        '',
        'Le paragraphe suivant.',
      ].join('\n'),
    );
  });

  it('indents a part under its group, and wraps a long line under its indent', () => {
    const block = text.slice(
      text.indexOf('Manque de formation'),
      text.indexOf('Base\u00a0: répondants.'),
    );
    const [group, ...parts] = block.trimEnd().split('\n');
    expect(group).toBe('Manque de formation');
    expect(parts.length).toBeGreaterThan(1);
    for (const line of parts) {
      expect(line).toMatch(/^ {2}\S/);
      expect(line.length).toBeLessThanOrEqual(76);
    }
  });

  it('underlines the headings, the kicker just above the title', () => {
    expect(text).toContain(
      'Enquête\nLe titre de l’article\n=====================\n\nPremier paragraphe.',
    );
    expect(text).toContain('\n\n\nUne partie\n----------\n\nUn paragraphe');
  });

  it('keeps a link’s address, and no image', () => {
    expect(text).toMatch(/Lire l’enquête en ligne\s\[https:\/\/example\.invalid\/enquete\.html\]/);
    expect(text).not.toContain('.png');
    expect(text).not.toContain('Diagramme');
  });

  it('leaves a chart with no lines its title and note', () => {
    expect(plainText(chart('x', 'Titre', 'Note.'))).toBe('Titre\n\nNote.\n');
  });
});
