/** Whom a chart's base counts, as its note says it: each group named once. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartContext } from '../../src/charts/kind.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { who, withoutRepeats } from '../../src/charts/rows.js';
import { loadEdition } from '../../src/edition/load.js';
import type { EditionConfig, Question } from '../../src/edition/schema.js';

let config: EditionConfig;
beforeAll(async () => {
  config = (await loadEdition('data/2024', CHART_KINDS)).config;
});

/** `who` for a chart of `question` drawing `segment`, in a copy of the 2024 config changed by `change`. */
function whoOf(question: string, segment: string, change: (c: EditionConfig) => void = () => {}) {
  const copy = structuredClone(config);
  change(copy);
  const q = copy.questions.find((x) => x.id === question) as Question;
  return who({ config: copy, question: q } as ChartContext, segment);
}

describe('who a base counts', () => {
  it('names the segment and the group the question was put to', () => {
    expect(whoOf('usages', 'manipulateurs_cadres')).toBe(
      "(manipulateurs radio et cadres de santé, utilisateurs de l'IA)",
    );
  });

  it('names a segment within the asked group alone, by its conditions', () => {
    expect(whoOf('usages', 'radiologues_utilisateurs')).toBe("(radiologues utilisateurs de l'IA)");
  });

  it('names a group its label already says once, whatever the conditions', () => {
    // Before: "(radiologues utilisateurs de l'IA, utilisateurs de l'IA)".
    const looser = (c: EditionConfig) => {
      const s = c.segments.find((x) => x.id === 'radiologues_utilisateurs');
      if (s) s.where = { profession: 'radiologue' };
    };
    expect(whoOf('usages', 'radiologues_utilisateurs', looser)).toBe(
      "(radiologues utilisateurs de l'IA)",
    );
  });
});

describe('names without repeats', () => {
  it('drops a name read whole within another, whatever its case, spaces and apostrophes', () => {
    expect(withoutRepeats(['radiologues utilisateurs de l’IA', "Utilisateurs de  l'IA"])).toEqual([
      'radiologues utilisateurs de l’IA',
    ]);
  });

  it('keeps the first of the same name twice, and names sharing only part of a word', () => {
    expect(withoutRepeats(['radiologues', 'Radiologues', 'cadres'])).toEqual([
      'radiologues',
      'cadres',
    ]);
    expect(withoutRepeats(['libéraux', 'radiologues libéraux'])).toEqual(['radiologues libéraux']);
    expect(withoutRepeats(['utilisateurs', 'non-utilisateurs de l’IA'])).toEqual([
      'utilisateurs',
      'non-utilisateurs de l’IA',
    ]);
  });
});
