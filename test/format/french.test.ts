import { describe, expect, it } from 'vitest';
import {
  formatBase,
  formatDecimal,
  formatInteger,
  formatLongDate,
  formatPercent,
  formatShare,
  fractionWords,
  frenchSpacing,
} from '../../src/publication/french.js';
import { cssString } from '../../src/render/pages.js';

const intl = (n: number, o?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat('fr-FR', o).format(n);

describe('French number formats', () => {
  it('follow Intl fr-FR: decimal comma, no-break spaces', () => {
    expect(formatPercent(24 / 46)).toBe(intl(0.52, { style: 'percent' }));
    expect(formatPercent(24 / 46)).toBe('52\u00a0%');
    expect(formatInteger(1234)).toBe('1\u202f234');
    expect(formatDecimal(7.0833, 1)).toBe('7,1');
    expect(formatDecimal(7.354, 2)).toBe('7,35');
  });
  it('write a share "21 sur 24" under a base of 30, a percentage from 30 on', () => {
    expect(formatShare(21, 24)).toBe('21\u00a0sur\u00a024');
    expect(formatShare(8, 29)).toBe('8\u00a0sur\u00a029');
    expect(formatShare(9, 30)).toBe('30\u00a0%');
  });
  it('write bases and dates with no-break spaces', () => {
    expect(formatBase(46)).toBe('n\u00a0=\u00a046');
    expect(formatLongDate('2024-04-23')).toBe('23\u00a0avril\u00a02024');
    expect(formatLongDate('2024-08-01')).toBe('1er\u00a0août\u00a02024');
  });
});

describe('fractionWords', () => {
  it('names the nearest fraction and which side of it the share lies', () => {
    expect(fractionWords(24 / 46)).toBe('un peu plus de la moitié');
    expect(fractionWords(44 / 65)).toBe('environ les deux tiers');
    expect(fractionWords(7 / 8)).toBe('près des neuf dixièmes');
    expect(fractionWords(0.3)).toBe("près d'un tiers");
    expect(fractionWords(0.97)).toBe('la quasi-totalité');
    expect(fractionWords(1)).toBe('la totalité');
    expect(fractionWords(0)).toBe('aucun');
  });
});

describe('frenchSpacing', () => {
  it('sets apostrophes and no-break spaces (colons, guillemets, "x sur y") in text only', () => {
    const html = `<p title="l'a : b">Base : « Oui » ; l'IA, l&#x27;an, 7,1 sur 10 ?</p><style>@page :first { a: b; }</style>`;
    expect(frenchSpacing(html)).toBe(
      `<p title="l'a : b">Base\u00a0: «\u00a0Oui\u00a0»\u202f; l’IA, l’an, 7,1\u00a0sur\u00a010\u202f?</p><style>@page :first { a: b; }</style>`,
    );
  });
});

describe('cssString', () => {
  it('keeps any title inside its CSS string', () => {
    expect(cssString('Le "titre" </style><script>')).toBe(
      '"Le \\22 titre\\22  \\3c /style\\3e \\3c script\\3e "',
    );
    expect(cssString('a\\b\nc')).toBe('"a\\5c b\\a c"');
  });
});
