/**
 * What a figure counts: its base is the segment's members who were asked
 * the question and answered it; blanks are non-response; multiple choice
 * sums past 100 %; empty groups have no value. Read through the figures,
 * as the templates and charts read them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFigures, type Figure } from '../../src/analysis/figures.js';
import { ingestBytes } from '../../src/ingest/ingest.js';
import { csv, testConfig } from '../helpers/edition.js';

const config = testConfig();
const T = '2024/05/02 10:00:00 AM UTC+2';
const at = (minute: number) => `2024/05/02 10:${String(minute).padStart(2, '0')}:00 AM UTC+2`;

let figures: Figure[];
const fig = (id: string) => {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

beforeAll(async () => {
  const { responses } = await ingestBytes(
    csv([
      [
        at(0),
        'Radiologue',
        'Oui',
        'Aide au diagnostic, Segmentation, mesures et post-traitement',
        '8',
        '',
      ],
      [at(20), 'Radiologue', 'Oui', 'Segmentation', '6', 'bien'],
      [at(40), 'Radiologue', '', '', '', ''],
      [
        at(59),
        'Manipulateur radio',
        'Oui',
        'Aide au diagnostic, Tri des urgences, en garde',
        '',
        '',
      ],
      ['2024/05/03 10:00:00 AM UTC+2', 'Physicien', 'Non', '', '', ''],
    ]),
    'test.csv',
    config,
  );
  figures = buildFigures(config, responses);
});

describe('shares', () => {
  it('take as base the segment members who answered', () => {
    expect(fig('usage.oui.share.radiologues')).toMatchObject({ count: 2, base: 2, value: 1 });
    expect(fig('usage.answered.count.radiologues').value).toBe(2);
    expect(fig('usage.missing.count.radiologues').value).toBe(1);
  });

  it('count only those a question applies to: non-users are not non-response', () => {
    expect(fig('usages.answered.count.all').value).toBe(3);
    expect(fig('usages.missing.count.all').value).toBe(0);
  });

  it('over respondents for multiple choice, summing past 100 %, labels with commas kept whole', () => {
    const codes = ['diagnostic', 'segmentation', 'segmentation_seule', 'autre'];
    const shares = codes.map((c) => fig(`usages.${c}.share.all`));
    expect(shares.map((s) => (s.kind === 'share' ? s.count : -1))).toEqual([2, 1, 1, 1]);
    expect(shares.reduce((a, s) => a + ((s.value as number | null) ?? 0), 0)).toBeGreaterThan(1);
    expect(fig('usages.autre_distinct.count.all').value).toBe(1);
  });

  it('of an empty segment have no value, never 0 %', () => {
    expect(fig('respondents.count.personne').value).toBe(0);
    expect(fig('usage.oui.share.personne')).toMatchObject({
      count: 0,
      base: 0,
      value: null,
      ci: null,
    });
    expect(fig('note.mean.personne')).toMatchObject({ value: null, base: 0 });
  });

  it('with a base of one are 0 or 100 % with a wide interval', () => {
    const s = fig('profession.manipulateur.share.all');
    expect(s).toMatchObject({ count: 1, base: 5 });
    const users = fig('note.8.share.utilisateurs');
    expect(users).toMatchObject({ count: 1, base: 2, value: 0.5 });
    const one = fig('usage.oui.share.utilisateurs');
    expect(one).toMatchObject({ count: 3, base: 3, value: 1 });
    expect(one.kind === 'share' && (one.ci?.[0] ?? 1)).toBeLessThan(0.5);
  });

  it('of a text question count who wrote something', () => {
    expect(fig('commentaire.answered.count.all').value).toBe(1);
    expect(fig('commentaire.missing.count.all').value).toBe(4);
  });
});

describe('means', () => {
  it('average the answered values only, blanks excluded', () => {
    expect(fig('note.mean.all')).toMatchObject({ kind: 'mean', value: 7, base: 2 });
    expect(fig('note.missing.count.all').value).toBe(1);
  });
});

describe('buildFigures', () => {
  it('gives every figure a unique id', () => {
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
  });
  it('gives each segment its row of shares', () => {
    expect(
      ['all', 'radiologues'].map((s) =>
        [fig(`usage.oui.share.${s}`), fig(`usage.non.share.${s}`)].map((f) =>
          f.kind === 'share' ? f.count : -1,
        ),
      ),
    ).toEqual([
      [3, 1],
      [2, 0],
    ]);
  });
  it('has no figure typed by hand: they follow the data', async () => {
    expect(T).toContain('2024');
    const more = await ingestBytes(csv([[T, 'Radiologue', 'Non', '', '', '']]), 'x.csv', config);
    expect(
      buildFigures(config, more.responses).find((f) => f.id === 'usage.oui.share.all'),
    ).toMatchObject({ count: 0, base: 1 });
  });
});
