import { describe, expect, it } from 'vitest';
import type { ClosedQuestion } from '../../src/edition/schema.js';
import { readCell, readMultiple } from '../../src/ingest/cells.js';
import { testConfig } from '../helpers/edition.js';

const config = testConfig();
const q = (id: string) => config.questions.find((x) => x.id === id) as ClosedQuestion;

describe('multiple-choice cells', () => {
  it('keep a label containing a comma whole', () => {
    expect(readMultiple(q('usages'), 'Segmentation, mesures et post-traitement')).toEqual({
      ok: true,
      answer: { kind: 'choice', codes: ['segmentation'], other: null },
    });
  });
  it('tell the comma label from a shorter label that starts it', () => {
    expect(readMultiple(q('usages'), 'Segmentation, Aide au diagnostic')).toMatchObject({
      answer: { codes: ['diagnostic', 'segmentation_seule'], other: null },
    });
  });
  it('keep the rest of the cell as the "Autre" text, commas included', () => {
    expect(
      readMultiple(q('usages'), 'Aide au diagnostic, Tri des urgences, la nuit'),
    ).toMatchObject({
      answer: { codes: ['diagnostic', 'autre'], other: 'Tri des urgences, la nuit' },
    });
  });
  it('match labels whatever the case, apostrophes and spaces', () => {
    expect(readMultiple(q('usages'), 'aide  au\u00a0diagnostic')).toMatchObject({
      answer: { codes: ['diagnostic'] },
    });
  });
});

describe('multiple-choice cells joined as Microsoft Forms joins them (";" after each)', () => {
  const google = (cell: string) => readMultiple(q('usages'), cell);
  const microsoft = (cell: string) => readMultiple(q('usages'), cell, ';');
  it('read as the same cell joined by Google', () => {
    for (const [ms, g] of [
      ['Aide au diagnostic;', 'Aide au diagnostic'],
      [
        'Segmentation, mesures et post-traitement;Aide au diagnostic;',
        'Aide au diagnostic, Segmentation, mesures et post-traitement',
      ],
      ['Segmentation;Aide au diagnostic', 'Segmentation, Aide au diagnostic'],
      [
        'Aide au diagnostic;Tri des urgences, la nuit;',
        'Aide au diagnostic, Tri des urgences, la nuit',
      ],
    ] as const) {
      expect(microsoft(ms)).toEqual(google(g));
    }
  });
  it('keep typed text with a ";" whole, and its commas', () => {
    expect(microsoft('Aide au diagnostic;Tri; la nuit, surtout;')).toMatchObject({
      answer: { codes: ['diagnostic', 'autre'], other: 'Tri; la nuit, surtout' },
    });
  });
});

describe('single-choice and scale cells', () => {
  it('read a blank as no answer, never zero', () => {
    expect(readCell(q('usage'), '  ', 'Europe/Paris')).toEqual({ ok: true, answer: null });
    expect(
      readCell(config.questions.find((x) => x.id === 'note') as ClosedQuestion, '', 'Europe/Paris'),
    ).toEqual({ ok: true, answer: null });
  });
  it('keep a typed "Autre" profession as text', () => {
    expect(readCell(q('profession'), 'Physicien médical', 'Europe/Paris')).toMatchObject({
      answer: { codes: ['autre'], other: 'Physicien médical' },
    });
  });
  it('refuse an unknown answer to a closed question without "Autre"', () => {
    const r = readCell(q('usage'), 'Peut-être', 'Europe/Paris');
    expect(r).toMatchObject({ ok: false, expected: 'one of "Oui", "Non"', found: '"Peut-être"' });
  });
  it('refuse a score outside the scale', () => {
    const note = config.questions.find((x) => x.id === 'note');
    expect(readCell(note as never, '11', 'Europe/Paris')).toMatchObject({
      ok: false,
      expected: 'a whole number from 1 to 10',
    });
    expect(readCell(note as never, '7', 'Europe/Paris')).toEqual({
      ok: true,
      answer: { kind: 'number', value: 7 },
    });
  });
});
