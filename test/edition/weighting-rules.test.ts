/**
 * What `weighting:` must be before anyone is weighed: each mistake found
 * at its key, with what was expected and how to fix it (in English here;
 * test/fixtures/bad pins the French through the real command).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { loadEdition } from '../../src/edition/load.js';
import { factsOf, type ReferenceProblem } from '../../src/edition/references.js';
import type { EditionConfig } from '../../src/edition/schema.js';
import { WEIGHTING_RULES } from '../../src/edition/weighting-rules.js';

let trial: EditionConfig;
beforeAll(async () => {
  trial = (await loadEdition('test/fixtures/editions/2024-weighted', CHART_KINDS)).config;
});

/** Every weighting rule's problems on the trial edition's config, changed. */
function problems(change: (c: EditionConfig) => void): ReferenceProblem[] {
  const config = structuredClone(trial);
  change(config);
  const facts = factsOf(config, CHART_KINDS);
  return Object.values(WEIGHTING_RULES).flatMap((rule) => rule(facts));
}
const margins = (c: EditionConfig) =>
  (c.weighting as { margins: Record<string, Record<string, number>> }).margins;

describe('the weighting rules', () => {
  it('find nothing wrong in the weighted trial edition', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it('refuse a question that is not one of the edition’s, naming those that are', () => {
    const [p, ...more] = problems((c) => {
      margins(c).metier = { a: 1 };
    });
    expect(more).toEqual([]);
    expect(p?.path).toEqual(['weighting', 'margins', 'metier']);
    expect(p?.problem.where).toBe('key "weighting › margins › metier"');
    expect(p?.problem.expected).toMatch(/^a question id \(horodateur, profession, /);
  });

  it('refuse a question of several answers, or of free text, naming its type', () => {
    const [multiple] = problems((c) => {
      margins(c).freins = { formation: 1 };
    });
    expect(multiple?.problem.found).toBe('question "freins" of type multiple choice');
    const [text] = problems((c) => {
      margins(c).commentaire = { oui: 1 };
    });
    expect(text?.problem.found).toBe('question "commentaire" of type free text');
    expect(text?.problem.fix).toContain('single-choice or yes/no');
  });

  it('refuse a private question: the box would print its answers', () => {
    const found = problems((c) => {
      const q = c.questions.find((x) => x.id === 'secteur');
      if (q) q.private = true;
    });
    expect(found.map((p) => p.path)).toEqual([['weighting', 'margins', 'secteur']]);
    expect(found[0]?.problem.found).toBe('question "secteur", marked private: true');
  });

  it('refuse an unknown answer code at its key, and say the codes left without a share', () => {
    const found = problems((c) => {
      margins(c).profession = { radiologue: 0.3, manipulateur: 0.45, cadres: 0.15, autre: 0.1 };
    });
    expect(found.map((p) => p.path)).toEqual([
      ['weighting', 'margins', 'profession', 'cadres'],
      ['weighting', 'margins', 'profession'],
    ]);
    expect(found[0]?.problem.expected).toBe(
      'an answer code of "profession" (radiologue, manipulateur, cadre, autre)',
    );
    expect(found[1]?.problem.found).toBe('no share for "cadre"');
    expect(found[1]?.problem.fix).toBe(
      'Add cadre: <its share>; write 0 for an answer nobody in the population gives.',
    );
  });

  it('refuse a negative share, or one above 1, at its key', () => {
    const found = problems((c) => {
      margins(c).secteur = { hospitalier: 0.7, liberal: -0.1, mixte: 0.3, autre: 0.1 };
    });
    expect(found.map((p) => p.path)).toEqual([['weighting', 'margins', 'secteur', 'liberal']]);
    expect(found[0]?.problem.expected).toBe('a share from 0 to 1 (0.30 for 30 %)');
    expect(found[0]?.problem.found).toBe('-0.1');
  });

  it('refuse shares that do not sum to 1 within 0.001, and take those that do', () => {
    const [p] = problems((c) => {
      margins(c).secteur = { hospitalier: 0.6, liberal: 0.25, mixte: 0.1, autre: 0 };
    });
    expect(p?.path).toEqual(['weighting', 'margins', 'secteur']);
    expect(p?.problem.found).toBe('a sum of 0.95');
    // Shares as published, rounded: 0.333 three times is 1 within 0.001.
    expect(
      problems((c) => {
        margins(c).avenir = { oui: 0.333, non: 0.333, ne_sait_pas: 0.333 };
      }),
    ).toEqual([]);
  });

  it('refuse bounds that leave out the average weight 1, or allow a weight of 0', () => {
    for (const bounds of [
      [0, 3],
      [1.2, 3],
      [0.3, 0.9],
    ] as [number, number][]) {
      const found = problems((c) => {
        (c.weighting as { bounds: [number, number] }).bounds = bounds;
      });
      expect(found.map((p) => p.path)).toEqual([['weighting', 'bounds']]);
    }
  });

  it('refuse a weighting with no question', () => {
    const found = problems((c) => {
      (c.weighting as { margins: object }).margins = {};
    });
    expect(found.map((p) => p.path)).toEqual([['weighting', 'margins']]);
  });
});
