import { describe, expect, it } from 'vitest';
import { buildFigures } from '../../src/analysis/figures.js';
import {
  askedIn,
  crossTab,
  distribution,
  meanScore,
  nonResponse,
  shareChoosing,
} from '../../src/analysis/measures.js';
import { ALL, findSegment } from '../../src/analysis/segments.js';
import type { ClosedQuestion, Segment } from '../../src/edition/schema.js';
import { ingestBytes } from '../../src/ingest/ingest.js';
import { csv, testConfig } from '../helpers/edition.js';

const config = testConfig();
const q = (id: string) => config.questions.find((x) => x.id === id) as ClosedQuestion;
const seg = (id: string) => findSegment(config, id) as Segment;
const T = '2024/05/02 10:00:00 AM UTC+2';
const at = (minute: number) => `2024/05/02 10:${String(minute).padStart(2, '0')}:00 AM UTC+2`;

const { responses } = ingestBytes(
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
    [at(59), 'Manipulateur radio', 'Oui', 'Aide au diagnostic, Tri des urgences, en garde', '', ''],
    ['2024/05/03 10:00:00 AM UTC+2', 'Physicien', 'Non', '', '', ''],
  ]),
  'test.csv',
  config,
);

describe('shares', () => {
  it('take as base the segment members who answered', () => {
    const radiologues = askedIn(config, responses, q('usage'), seg('radiologues'));
    expect(shareChoosing(radiologues, 'usage', 'oui')).toMatchObject({
      count: 2,
      base: 2,
      value: 1,
    });
    expect(nonResponse(radiologues, 'usage')).toEqual({ asked: 3, answered: 2, missing: 1 });
  });

  it('count only those a question applies to: non-users are not non-response', () => {
    const asked = askedIn(config, responses, q('usages'), ALL);
    expect(asked).toHaveLength(3);
    expect(nonResponse(asked, 'usages').missing).toBe(0);
  });

  it('over respondents for multiple choice, summing past 100 %, labels with commas kept whole', () => {
    const users = askedIn(config, responses, q('usages'), ALL);
    const d = distribution(users, q('usages'));
    const byCode = Object.fromEntries(d.map((s) => [s.code, s.count]));
    expect(byCode).toEqual({ diagnostic: 2, segmentation: 1, segmentation_seule: 1, autre: 1 });
    expect(d.reduce((a, s) => a + (s.value ?? 0), 0)).toBeGreaterThan(1);
  });

  it('of an empty segment have no value, never 0 %', () => {
    const nobody = askedIn(config, responses, q('usage'), seg('personne'));
    expect(nobody).toHaveLength(0);
    expect(shareChoosing(nobody, 'usage', 'oui')).toEqual({
      count: 0,
      base: 0,
      value: null,
      ci: null,
    });
    expect(meanScore(nobody, 'note')).toBeNull();
  });

  it('of a question nobody answered have base 0', () => {
    const r = askedIn(config, responses, q('usage'), ALL);
    expect(shareChoosing(r, 'commentaire', 'x').base).toBe(1);
    const physicien = r.filter((x) => x.line === 6);
    expect(shareChoosing(physicien, 'usages', 'diagnostic')).toMatchObject({
      base: 0,
      value: null,
    });
  });

  it('with a base of one are 0 or 100 % with a wide interval', () => {
    const manip = askedIn(config, responses, q('usage'), {
      ...ALL,
      id: 'm',
      where: { profession: 'manipulateur' },
    });
    const s = shareChoosing(manip, 'usage', 'oui');
    expect(s).toMatchObject({ count: 1, base: 1, value: 1 });
    expect(s.ci?.[0]).toBeLessThan(0.25);
  });
});

describe('means', () => {
  it('average the answered values only, blanks excluded', () => {
    const users = askedIn(config, responses, q('usages'), ALL);
    expect(meanScore(users, 'note')).toMatchObject({ mean: 7, base: 2 });
  });
});

describe('crossTab', () => {
  it('gives one row per segment with each option share', () => {
    const rows = crossTab(config, responses, q('usage'), [ALL, seg('radiologues')]);
    expect(rows.map((r) => [r.segment.id, r.asked, r.cells.map((c) => c.count)])).toEqual([
      ['all', 5, [3, 1]],
      ['radiologues', 3, [2, 0]],
    ]);
  });
});

describe('buildFigures', () => {
  const figures = buildFigures(config, responses);
  it('gives every figure a unique id', () => {
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
  });
  it('gives shares their count and base, and means their base', () => {
    expect(figures.find((f) => f.id === 'usage.oui.share.radiologues')).toMatchObject({
      kind: 'share',
      count: 2,
      base: 2,
    });
    expect(figures.find((f) => f.id === 'note.mean.all')).toMatchObject({
      kind: 'mean',
      value: 7,
      base: 2,
    });
    expect(figures.find((f) => f.id === 'usage.missing.count.all')).toMatchObject({
      kind: 'count',
      value: 1,
    });
  });
  it('keeps figures of empty segments, without a value', () => {
    expect(figures.find((f) => f.id === 'usage.oui.share.personne')).toMatchObject({
      base: 0,
      value: null,
    });
  });
  it('has no figure typed by hand: they follow the data', () => {
    expect(T).toContain('2024');
    const more = ingestBytes(csv([[T, 'Radiologue', 'Non', '', '', '']]), 'x.csv', config);
    expect(
      buildFigures(config, more.responses).find((f) => f.id === 'usage.oui.share.all'),
    ).toMatchObject({ count: 0, base: 1 });
  });
});
