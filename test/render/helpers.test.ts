/** The helpers templates print figures with, and wording that follows the data. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import type { Figure } from '../../src/analysis/figures.js';
import { InputError, type Problem } from '../../src/errors.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { silentLog } from '../../src/log.js';
import { compileTemplate, createEnvironment } from '../../src/render/environment.js';
import { decideMeanPrecision } from '../../src/render/precision.js';
import { shareFigure } from '../helpers/figures.js';

let figures: Figure[];
beforeAll(async () => {
  ({ figures } = await analyseEdition('data/2024', silentLog));
});

/** As the build does: the template's own decimals= asks decide each question's rounding first. */
/** The first problem of the InputError `fail` must throw. */
function problemOf(fail: () => unknown): Problem {
  try {
    fail();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems[0] as Problem;
  }
  return expect.unreachable();
}

const render = (source: string, list: Figure[] = figures) =>
  compileTemplate(
    createEnvironment(
      new FigureIndex(list, decideMeanPrecision([{ file: 'article.hbs', text: source }], list)),
    ),
    'article.hbs',
    source,
  ).render({});

/** The same figures with one share changed, as another year's data would give. */
function withShare(id: string, count: number, base: number): Figure[] {
  return figures.map((f) =>
    f.id === id && f.kind === 'share' ? { ...f, count, base, value: count / base } : f,
  );
}

describe('figure helpers', () => {
  it('print shares, counts, bases and means in French', () => {
    expect(render('{{share "usage.oui.share.manipulateurs"}}')).toBe('52\u00a0%');
    expect(render('{{share "usage.oui.share.cadres"}}')).toBe('8\u00a0sur\u00a014');
    expect(render('{{pct "usage.oui.share.cadres"}}')).toBe('57\u00a0%');
    expect(
      render('{{count "usage.oui.share.radiologues"}}/{{base "usage.oui.share.radiologues"}}'),
    ).toBe('60/74');
    // Handlebars escapes "=" as an entity, which the browser shows as "=".
    expect(render('{{n "usage.oui.share.manipulateurs"}}')).toBe('n\u00a0&#x3D;\u00a046');
    expect(render('{{mean "satisfaction.mean.utilisateurs" decimals=2}}')).toBe('7,35');
    expect(render('{{date "horodateur.first.date.all"}}')).toBe('23\u00a0avril\u00a02024');
  });

  it('print a mean with one rounding wherever it appears, as any template asks for it', () => {
    const both =
      '{{mean "satisfaction.mean.radiologues"}} / {{mean "satisfaction.mean.utilisateurs" decimals=2}}';
    // One ask for two decimals sets every mean of the question: no 7,6 beside 7,35.
    expect(render(both)).toBe('7,58 / 7,35');
    expect(render('{{mean "satisfaction.mean.radiologues"}}')).toBe('7,6');
    // An ask for no decimal is one too: 8, not 7,6.
    expect(render('{{mean "satisfaction.mean.radiologues" decimals=0}}')).toBe('8');
    expect(() =>
      decideMeanPrecision(
        [
          { file: 'a.hbs', text: '{{mean "satisfaction.mean.radiologues" decimals=2}}' },
          { file: 'b.hbs', text: 'x\n{{mean "satisfaction.mean.cadres" decimals=1}}' },
        ],
        figures,
      ),
    ).toThrow(InputError);
    const problem = problemOf(() =>
      decideMeanPrecision(
        [
          { file: 'a.hbs', text: '{{mean "satisfaction.mean.radiologues" decimals=2}}' },
          { file: 'b.hbs', text: 'x\n{{#if (mean "satisfaction.mean.cadres" decimals=1)}}{{/if}}' },
        ],
        figures,
      ),
    );
    expect(problem.file).toBe('b.hbs');
    expect(problem.where).toBe('line 2');
    expect(problem.expected).toContain('2 decimals, as asked in a.hbs line 1');
  });

  it('decide the wording from the data', () => {
    const t =
      '{{#if (above "usage.oui.share.cadres" "usage.oui.share.manipulateurs")}}plus{{else}}moins{{/if}}';
    expect(render(t)).toBe('plus');
    expect(render(t, withShare('usage.oui.share.cadres', 5, 14))).toBe('moins');
    const similar =
      '{{#if (similar "usage.oui.share.hospitaliers" "usage.oui.share.liberaux")}}proches{{else}}différents{{/if}}';
    expect(render(similar)).toBe('proches');
    expect(render(similar, withShare('usage.oui.share.liberaux', 20, 54))).toBe('différents');
  });

  it('escape what they print: free text never becomes markup', () => {
    const hostile = figures.map((f) =>
      f.id === 'respondents.count.all' ? { ...f, label: '<b>x</b>' } : f,
    );
    expect(render('{{words "usage.oui.share.manipulateurs"}}', hostile)).toBe(
      'un peu plus de la moitié',
    );
    expect(render('<p>{{x}}</p>'.replace('{{x}}', '{{pct "usage.oui.share.manipulateurs"}}'))).toBe(
      '<p>52\u00a0%</p>',
    );
  });

  it('name an unknown figure, with its line and the closest ids', () => {
    const p = problemOf(() => render('Bonjour\n  {{pct "usage.oui.share.manipulateur"}}'));
    expect(p).toMatchObject({
      file: 'article.hbs',
      line: 2,
      column: 10,
      where: 'figure "usage.oui.share.manipulateur"',
    });
    expect(p.fix).toContain('"usage.oui.share.manipulateurs"');
  });

  it('refuse a share of an empty segment instead of printing 0 %', () => {
    const empty = withShare('usage.oui.share.cadres', 0, 0).map((f) =>
      f.id === 'usage.oui.share.cadres' ? { ...f, value: null } : f,
    );
    expect(() => render('{{pct "usage.oui.share.cadres"}}', empty as Figure[])).toThrow(InputError);
  });
});

describe('change helpers', () => {
  const share = shareFigure;
  const change = (
    id: string,
    of: 'share' | 'mean' | 'count',
    from: number,
    to: number,
    ci: [number, number] | null,
  ): Figure[] => [
    {
      id,
      kind: 'mean',
      label: id,
      question: id,
      segment: 'all',
      value: to,
      base: 50,
      sd: 1,
      ci: null,
    },
    {
      id: `${id}.change`,
      kind: 'change',
      label: id,
      question: id,
      segment: 'all',
      of,
      value: to - from,
      from:
        of === 'share' ? { value: from, count: from * 100, base: 100 } : { value: from, base: 50 },
      to: { value: to },
      ci,
      previous: '2024',
    },
  ];
  const list = [
    ...change('up', 'share', 0.43, 0.52, [0.02, 0.16]),
    ...change('down', 'share', 0.6, 0.57, [-0.05, -0.01]),
    ...change('flat', 'share', 0.5, 0.59, [-0.02, 0.2]),
    ...change('note', 'mean', 7.35, 6.95, [-0.9, 0.1]),
    ...change('big', 'mean', 5, 7.5, [1.2, 3.8]),
    ...change('n', 'count', 144, 160, null),
  ];
  const words = (id: string) =>
    render(
      `{{#if (rose "${id}")}}hausse{{/if}}{{#if (fell "${id}")}}baisse{{/if}}{{#if (steady "${id}")}}stable{{/if}} {{change "${id}"}}`,
      list,
    );

  it('word a rise, a fall and a steady figure by the interval, not by the difference', () => {
    expect(words('up')).toBe('hausse +9\u00a0points');
    expect(words('down')).toBe('baisse \u22123\u00a0points');
    // +9 points, but the interval holds 0: the prose may not call it a rise.
    expect(words('flat')).toBe('stable +9\u00a0points');
  });

  it('print a mean in points of the scale, singular below 2, and a count as a number', () => {
    expect(words('note')).toBe('stable \u22120,4\u00a0point');
    expect(words('big')).toBe('hausse +2,5\u00a0points');
    expect(words('n')).toBe('hausse +16');
    expect(render('{{before "up"}} en {{previousEdition}}', list)).toBe('43\u00a0% en 2024');
    expect(render('{{before "note" decimals=2}}', list)).toBe('7,35');
  });

  it('name the missing previous edition when there is no change figure', () => {
    const p = problemOf(() => render('{{change "usage.oui.share.manipulateurs"}}'));
    expect(p.where).toBe('figure "usage.oui.share.manipulateurs.change"');
    expect(`${p.found} ${p.fix}`).toContain('previous');
  });

  it('say "higher" only when the interval of the difference leaves out 0', () => {
    const groups = [share('a', 60, 74), share('b', 24, 46), share('c', 8, 14)];
    const t = (x: string, y: string) =>
      render(
        `{{#if (higher "${x}" "${y}")}}plus{{else}}{{#if (lower "${x}" "${y}")}}moins{{else}}comparable{{/if}}{{/if}}`,
        groups,
      );
    expect(t('a', 'b')).toBe('plus'); // 81 % vs 52 %
    expect(t('b', 'a')).toBe('moins');
    expect(t('c', 'b')).toBe('comparable'); // 57 % of 14 vs 52 % of 46: within the noise
  });

  it('refuse to compare a share with a mean, naming the figure', () => {
    const p = problemOf(() =>
      render('{{#if (higher "usage.oui.share.all" "satisfaction.mean.all")}}x{{/if}}'),
    );
    expect(p.where).toBe('figure "satisfaction.mean.all"');
    expect(p.found).toContain('compare two shares or two means');
  });
});
