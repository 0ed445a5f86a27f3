/**
 * The helpers that follow a figure since the first edition (`first`,
 * `since`, `risenSince`, `fellSince`), on the synthetic series 2024, 2025,
 * 2026: what they print, the trend decided by the interval between the
 * first edition and this one and put on record like `rose`, a step that no
 * longer compares refused, and the branches not taken checked the same way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Figure, SeriesFigure } from '../../src/analysis/figures.js';
import { pointDifference } from '../../src/analysis/series.js';
import { InputError } from '../../src/errors.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { formatChange, formatPercent } from '../../src/publication/french.js';
import { Audit } from '../../src/render/audit.js';
import { compileTemplate, createEnvironment } from '../../src/render/environment.js';
import { checkEveryBranch } from '../../src/render/every-branch.js';
import { analysedWithIndex } from '../helpers/analysed.js';
import { problemOf } from '../helpers/problems.js';

let index: FigureIndex;
let index2024: FigureIndex;
beforeAll(async () => {
  ({ index } = await analysedWithIndex('test/fixtures/editions/2026'));
  ({ index: index2024 } = await analysedWithIndex('data/2024'));
});

const render = (source: string, on: FigureIndex = index) =>
  compileTemplate(createEnvironment(on), 'article.hbs', source).render({});

function audited(source: string, on: FigureIndex = index) {
  const audit = new Audit();
  const place = { article: 'a', file: 'article.hbs', firstLine: 1, part: 'body' };
  const text = compileTemplate(createEnvironment(on), 'article.hbs', source).render(
    {},
    { audit, place },
  );
  return { text, claims: audit.claims, problems: audit.problems };
}

const series = (id: string) => index.series(id);

describe('first and since', () => {
  it('print the first edition’s figure with its year, as that edition printed it', () => {
    // The published 2024 figures: 24 of 46 manipulateurs, 8 of 14 cadres, 144 respondents.
    expect(render('{{first "usage.oui.share.manipulateurs"}}')).toBe('52\u00a0% en 2024');
    expect(render('{{first "usage.oui.share.cadres"}}')).toBe('8\u00a0sur\u00a014 en 2024');
    expect(render('{{first "respondents.count.all"}}')).toBe('144 en 2024');
    expect(render('{{first "satisfaction.mean.utilisateurs"}}')).toBe('7,4 en 2024');
  });

  it('print the change since the first edition that has the figure, with its year', () => {
    const s = series('usage.oui.share.manipulateurs');
    const d = pointDifference(s, s.points[0] as never, s.points[2] as never);
    expect(render('{{since "usage.oui.share.manipulateurs"}}')).toBe(
      `${formatChange('share', d.value as number)} depuis 2024`,
    );
    expect(render('{{since "respondents.count.all"}}')).toBe('+216 depuis 2024');
    // Physicists were offered as an answer from 2025 on: their series starts there.
    expect(render('{{first "profession.physicien_medical.share.all"}}')).toMatch(/ en 2025$/);
  });
});

describe('risenSince and fellSince', () => {
  it('decide by the interval between the first edition and this one, and put it on record', () => {
    const id = 'usage.oui.share.manipulateurs';
    const { text, claims } = audited(
      `{{#if (risenSince "${id}")}}hausse{{else}}{{#if (fellSince "${id}")}}baisse{{else}}pas d’évolution mesurable{{/if}}{{/if}}`,
    );
    const s = series(id);
    const d = pointDifference(s, s.points[0] as never, s.points[2] as never);
    expect(claims[0]).toMatchObject({
      helper: 'risenSince',
      figures: [`${id}.series`],
      values: [24 / 46, s.points[2]?.value],
      difference: d.value,
      ci: d.ci,
      method: 'newcombe',
      bases: [46, s.points[2]?.base],
    });
    const rose = (d.ci as [number, number])[0] > 0;
    expect(claims[0]?.verdict).toBe(rose);
    expect(text).toBe(rose ? 'hausse' : 'pas d’évolution mesurable');
  });

  it('call a difference within the noise neither a rise nor a fall', () => {
    // A hand-made series: +9 points on small bases, its interval holding 0.
    const made: SeriesFigure = {
      id: 'x.oui.share.all.series',
      kind: 'series',
      label: 'x',
      question: 'x',
      segment: 'all',
      of: 'share',
      value: 11 / 20,
      points: [
        {
          edition: '2024',
          year: '2024',
          value: 0.46,
          count: 11,
          base: 24,
          ci: null,
          comparable: true,
          notes: [],
        },
        {
          edition: '2025',
          year: '2025',
          value: 11 / 20,
          count: 11,
          base: 20,
          ci: null,
          previous: '2024',
          comparable: true,
          notes: [],
        },
      ],
    };
    const own: Figure = {
      id: 'x.oui.share.all',
      kind: 'share',
      label: 'x',
      question: 'x',
      segment: 'all',
      answer: 'oui',
      value: 11 / 20,
      count: 11,
      base: 20,
      ci: null,
    };
    const words = render(
      '{{#if (risenSince "x.oui.share.all")}}hausse{{/if}}{{#if (fellSince "x.oui.share.all")}}baisse{{/if}} {{since "x.oui.share.all"}}',
      new FigureIndex([own, made]),
    );
    expect(words).toBe(' +9\u00a0points depuis 2024');
  });
});

describe('a series that does not compare', () => {
  it('is refused where a step changed meaning and no edition decided, naming the step and the YAML', () => {
    // 2026 reworded the future-use question and records no decision.
    const p = problemOf(() => render('{{since "avenir.oui.share.all"}}'));
    expect(p.where).toBe('figure "avenir.oui.share.all.series"');
    expect(p.found).toMatch(/^from 2025 to 2026: question reworded/);
    expect(p.fix).toContain('edition.yaml of 2026');
    expect(p.fix).toContain('comparability:\n        avenir: "…"');
    for (const helper of ['first', 'risenSince', 'fellSince'])
      expect(() => render(`{{#if (${helper} "avenir.oui.share.all")}}x{{/if}}`)).toThrow(
        InputError,
      );
  });

  it('is accepted across a step the editors decided on (2025 reworded the IA-use question)', () => {
    expect(series('usage.oui.share.all').points[1]?.comparable).toBe(false);
    expect(render('{{first "usage.oui.share.all"}}')).toBe(
      `${formatPercent(series('usage.oui.share.all').points[0]?.value as number)} en 2024`,
    );
  });

  it('has no series without a previous edition, and says how to name one', () => {
    const p = problemOf(() => render('{{since "usage.oui.share.all"}}', index2024));
    expect(p.where).toBe('figure "usage.oui.share.all.series"');
    expect(p.found).toContain('previous:');
  });

  it('is found in a branch this year’s data does not take', () => {
    const audit = new Audit();
    const place = { article: 'a', file: 'article.hbs', firstLine: 1, firstColumn: 1, part: 'body' };
    const text =
      '{{#if (atLeast "respondents.count.all" 100000)}}{{since "avenir.oui.share.all"}}{{/if}}';
    checkEveryBranch(text, place, new Set(['since', 'atLeast']), index, audit);
    expect(audit.problems.map((p) => p.where)).toEqual(['figure "avenir.oui.share.all.series"']);
    expect(audited(text).problems).toEqual([]);
  });
});
