/**
 * The config's reference rules, each alone: the 2024 config passes every
 * one, and each rule finds the one mistake made for it, at its key.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { loadEdition } from '../../src/edition/load.js';
import { factsOf, REFERENCE_RULES } from '../../src/edition/references.js';
import type { EditionConfig } from '../../src/edition/schema.js';

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
};

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
