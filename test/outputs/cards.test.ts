/** The social cards: text wrapped to the card, figures never cut, text escaped. */
import { describe, expect, it } from 'vitest';
import { chartCard, figureCard, wrap } from '../../src/outputs/cards.js';

const FRAME = {
  size: '1200x630' as const,
  publication: 'Tech Imago',
  accent: '#7a1f5c',
  source: 'Source : Enquête 2024.',
};

describe('cards', () => {
  it('wrap text to the width, never inside a figure, with an ellipsis past the last line', () => {
    const text =
      'Chez les manipulateurs radio, 52\u00a0% utilisent l’IA, contre 81\u00a0% des radiologues interrogés cette année';
    const lines = wrap(text, 40, { family: 'Source Sans 3' }, 500, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    // "52 %" is one word: its no-break space never becomes a line end.
    expect(lines.join('\n')).not.toMatch(/\d\n%/);
    expect(lines.find((l) => l.includes('52'))).toContain('52\u00a0%');
    expect(wrap(text, 40, { family: 'Source Sans 3' }, 2000, 3)).toEqual([text]);
  });
  it('escape the text they draw and carry the publication and source', () => {
    const svg = figureCard(FRAME, '7,35', 'sur 10 <script> & co');
    expect(svg).toContain('7,35');
    expect(svg).toContain('&#60;script&#62; &#38; co');
    expect(svg).toContain('Tech Imago');
    expect(svg).toContain('Source : Enquête 2024.');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
  });
  it('pick the drawing that reads largest in the space left', () => {
    const drawing = (width: number, height: number) => ({
      svg: `<svg width="${width}" height="${height}"><text>${width}</text></svg>`,
      width,
      height,
    });
    const svg = chartCard(FRAME, 'Titre', [drawing(330, 600), drawing(640, 200)], 'Base : n.');
    expect(svg).toContain('<text>640</text>');
    expect(svg).not.toContain('<text>330</text>');
  });
});
