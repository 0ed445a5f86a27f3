/**
 * The config's reference rules, each alone: the 2024 config passes every
 * one, and each rule finds the one mistake made for it, at its key.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { loadEdition } from '../../src/edition/load.js';
import { factsOf, REFERENCE_RULES } from '../../src/edition/references.js';
import type { Article, EditionConfig } from '../../src/edition/schema.js';

let config2024: EditionConfig;
beforeAll(async () => {
  config2024 = (await loadEdition('data/2024', CHART_KINDS)).config;
});

type RuleName = keyof typeof REFERENCE_RULES;

/** For each rule: a mistake made on a copy of the 2024 config, and the key it must be found at. */
const MISTAKES: Record<RuleName, { make(c: EditionConfig): void; at: PropertyKey[] }> = {
  uniqueQuestionIds: {
    make: (c) => {
      (c.questions[2] as { id: string }).id = 'profession';
    },
    at: ['questions', 2, 'id'],
  },
  uniqueColumnHeaders: {
    make: (c) => {
      (c.questions[2] as { header: string }).header = ` ${c.questions[1]?.header}  `;
    },
    at: ['questions', 2, 'header'],
  },
  uniqueSegmentIds: {
    make: (c) => {
      (c.segments[1] as { id: string }).id = 'radiologues';
    },
    at: ['segments', 1, 'id'],
  },
  allIsReserved: {
    make: (c) => {
      (c.segments[0] as { id: string }).id = 'all';
    },
    at: ['segments', 0, 'id'],
  },
  oneTimestamp: {
    make: (c) => {
      c.questions.splice(0, 1);
    },
    at: ['questions'],
  },
  appliesToKnownSegment: {
    make: (c) => {
      (c.questions[4] as { appliesTo?: string }).appliesTo = 'personne';
    },
    at: ['questions', 4, 'appliesTo'],
  },
  scaleGoesUp: {
    make: (c) => {
      const q = c.questions.find((x) => x.type === 'scale') as { min: number; max: number };
      q.max = q.min;
    },
    at: ['questions', 6, 'max'],
  },
  uniqueAnswerCodes: {
    make: (c) => {
      const q = c.questions[1] as { options: { code: string }[] };
      (q.options[1] as { code: string }).code = q.options[0]?.code as string;
    },
    at: ['questions', 1, 'options', 1, 'code'],
  },
  otherCodeIsReserved: {
    make: (c) => {
      ((c.questions[1] as { options: { code: string }[] }).options[0] as { code: string }).code =
        'autre';
    },
    at: ['questions', 1, 'options', 0, 'code'],
  },
  segmentConditions: {
    make: (c) => {
      (c.segments[0] as { where: Record<string, string> }).where = { profession: 'plombier' };
    },
    at: ['segments', 0, 'where', 'profession'],
  },
  comparabilityKeys: {
    make: (c) => {
      (c.comparability as Record<string, string>).nulle_part = 'Une décision sans objet.';
    },
    at: ['comparability', 'nulle_part'],
  },
  uniqueChartIds: {
    make: (c) => {
      const charts = c.articles[0]?.charts as { id: string }[];
      (charts[1] as { id: string }).id = charts[0]?.id as string;
    },
    at: ['articles', 0, 'charts', 1, 'id'],
  },
  chartQuestion: {
    make: (c) => {
      (c.articles[0]?.charts[0] as { question: string }).question = 'pointure';
    },
    at: ['articles', 0, 'charts', 0, 'question'],
  },
  chartKindDrawsQuestion: {
    make: (c) => {
      (c.articles[0]?.charts[0] as { question: string }).question = 'satisfaction';
    },
    at: ['articles', 0, 'charts', 0, 'kind'],
  },
  chartSegments: {
    make: (c) => {
      (c.articles[0]?.charts[0] as unknown as { segments: string[] }).segments = [
        'radiologues',
        'martiens',
      ];
    },
    at: ['articles', 0, 'charts', 0, 'segments'],
  },
  chartKindOwnCheck: {
    make: (c) => {
      const chart = c.articles[0]?.charts[0] as unknown as Record<string, unknown>;
      Object.assign(chart, { kind: 'change_by_segment' });
    },
    at: ['articles', 0, 'charts', 0, 'kind'],
  },
  chartAnswer: {
    make: (c) => {
      (c.articles[0]?.charts[0] as unknown as { answer: string }).answer = 'peut-etre';
    },
    at: ['articles', 0, 'charts', 0, 'answer'],
  },
  freeTextQuestion: {
    make: (c) => {
      (c.articles[1] as Article).freeText = [{ question: 'comentaire', segment: 'all' }];
    },
    at: ['articles', 1, 'freeText', 0],
  },
  freeTextSegment: {
    make: (c) => {
      (c.articles[1] as Article).freeText = [
        { question: 'commentaire', segment: 'all' },
        { question: 'commentaire', segment: 'radiologue' },
      ];
    },
    at: ['articles', 1, 'freeText', 1, 'segment'],
  },
  weightingQuestions: {
    make: (c) => {
      c.weighting = weighting({ freins: { formation: 1 } });
    },
    at: ['weighting', 'margins', 'freins'],
  },
  weightingCodes: {
    make: (c) => {
      c.weighting = weighting({ usage: { oui: 0.5, non: 0.3, peut_etre: 0.2 } });
    },
    at: ['weighting', 'margins', 'usage', 'peut_etre'],
  },
  weightingShares: {
    make: (c) => {
      c.weighting = weighting({ usage: { oui: 0.6, non: 0.6 } });
    },
    at: ['weighting', 'margins', 'usage'],
  },
  weightingBounds: {
    make: (c) => {
      c.weighting = { ...weighting({ usage: { oui: 0.6, non: 0.4 } }), bounds: [1.5, 3] };
    },
    at: ['weighting', 'bounds'],
  },
};

/** A weighting block with these targets and the default bounds. */
function weighting(
  margins: Record<string, Record<string, number>>,
): NonNullable<EditionConfig['weighting']> {
  return { source: 'test', bounds: [0.3, 3], margins, apply: true };
}

describe('the reference rules', () => {
  it('are all tested here', () => {
    expect(Object.keys(MISTAKES).sort()).toEqual(Object.keys(REFERENCE_RULES).sort());
  });

  it('find nothing wrong in the 2024 config', () => {
    const facts = factsOf(config2024, CHART_KINDS);
    for (const [name, rule] of Object.entries(REFERENCE_RULES))
      expect(rule(facts), name).toEqual([]);
  });

  it.each(Object.keys(MISTAKES) as RuleName[])(
    '%s finds its mistake, at its key, alone',
    (name) => {
      const config = structuredClone(config2024);
      MISTAKES[name].make(config);
      const facts = factsOf(config, CHART_KINDS);
      const found = REFERENCE_RULES[name](facts);
      expect(found.map((p) => p.path)).toEqual([MISTAKES[name].at]);
      expect(found[0]?.problem.fix).toBeTruthy();
    },
  );
});

describe('the typed answers an article prints', () => {
  /** The problems of the free-text rules for these choices on the radiologues' article (in English here; fixtures/bad pins the French). */
  function problems(freeText: Article['freeText'], change: (c: EditionConfig) => void = () => {}) {
    const config = structuredClone(config2024);
    change(config);
    (config.articles[1] as Article).freeText = freeText;
    const facts = factsOf(config, CHART_KINDS);
    return [REFERENCE_RULES.freeTextQuestion, REFERENCE_RULES.freeTextSegment].flatMap((rule) =>
      rule(facts).map((p) => p.problem),
    );
  }

  it('may be a text question’s or the « Autre » answers of a question, from everyone or a segment', () => {
    expect(
      problems([
        { question: 'commentaire', segment: 'radiologues' },
        { question: 'freins', segment: 'all' },
      ]),
    ).toEqual([]);
  });

  it('says an unknown question is none, and which questions have typed answers', () => {
    const [p] = problems([{ question: 'comentaire', segment: 'all' }]);
    expect(p?.where).toBe('free text of article "radiologues"');
    expect(p?.expected).toBe(
      'the id of a question respondents typed answers to (profession, secteur, usages, freins, commentaire)',
    );
    expect(p?.found).toContain('"comentaire"');
  });

  it('refuses a question nobody typed in, naming its type', () => {
    const [p] = problems([{ question: 'satisfaction', segment: 'all' }]);
    expect(p?.found).toBe('question "satisfaction" of type scale, with no typed answer');
    expect(p?.fix).toContain('other: true');
    expect(problems([{ question: 'usage', segment: 'all' }])).toHaveLength(1);
  });

  it('refuses a private question', () => {
    const [p] = problems([{ question: 'commentaire', segment: 'all' }], (c) => {
      const q = c.questions.find((x) => x.id === 'commentaire');
      if (q) q.private = true;
    });
    expect(p?.found).toBe('question "commentaire", marked private: true');
  });

  it('says an unknown segment, and the known ones', () => {
    const [p] = problems([{ question: 'commentaire', segment: 'radiologue' }]);
    expect(p?.expected).toMatch(/^a segment id \(all, radiologues, /);
    expect(p?.found).toBe('"radiologue"');
  });
});
