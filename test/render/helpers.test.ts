/**
 * The helpers templates print figures with, and wording that follows the
 * data: every comparison decided by its interval (Newcombe, paired Newcombe,
 * Welch, the group against the rest of a group containing it) and put on
 * record as a claim.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import type { Comparer } from '../../src/analysis/compare.js';
import type { Figure } from '../../src/analysis/figures.js';
import { InputError } from '../../src/errors.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { silentLog } from '../../src/log.js';
import { Audit } from '../../src/render/audit.js';
import { compileTemplate, createEnvironment } from '../../src/render/environment.js';
import { decideMeanPrecision } from '../../src/render/precision.js';
import { problemOf } from '../helpers/problems.js';

let figures: Figure[];
let comparer: Comparer;
beforeAll(async () => {
  ({ figures, comparer } = await analyseEdition('data/2024', silentLog));
});

/** As the build does: the template's own decimals= asks decide each question's rounding first. */
const template = (source: string, list: Figure[] = figures) =>
  compileTemplate(
    createEnvironment(
      new FigureIndex(
        list,
        decideMeanPrecision([{ file: 'article.hbs', text: source }], list),
        comparer,
      ),
    ),
    'article.hbs',
    source,
  );
const render = (source: string, list: Figure[] = figures) => template(source, list).render({});

/** The text rendered with an audit, as the build does first: its output, claims and problems. */
function audited(source: string, list: Figure[] = figures) {
  const audit = new Audit();
  const place = { article: 'a', file: 'article.hbs', firstLine: 1, part: 'body' };
  const text = template(source, list).render({}, { audit, place });
  return { text, claims: audit.claims, problems: audit.problems, printed: audit.printed };
}

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

  it('hold a figure against a number as a description of this sample, never against another figure', () => {
    const t = '{{#if (above "usage.oui.share.cadres" 0.5)}}plus de la moitié{{else}}non{{/if}}';
    expect(render(t)).toBe('plus de la moitié');
    expect(render(t, withShare('usage.oui.share.cadres', 5, 14))).toBe('non');
    // Two figures set against each other by their point values: refused, higher is the helper for it.
    const p = problemOf(() =>
      render('{{#if (above "usage.oui.share.cadres" "usage.oui.share.manipulateurs")}}x{{/if}}'),
    );
    expect(p.fix).toContain('higher');
  });

  it('say "similar" only when no difference is measurable, and never mean "the same"', () => {
    const similar =
      '{{#if (similar "usage.oui.share.hospitaliers" "usage.oui.share.liberaux")}}pas d’écart mesurable{{else}}écart{{/if}}';
    // 68 % and 67 %: the interval of the difference, −15 to +18 points, holds 0.
    expect(render(similar)).toBe('pas d’écart mesurable');
    expect(render(similar, withShare('usage.oui.share.liberaux', 20, 54))).toBe('écart');
    // A gap= belongs to equivalence, which is another helper.
    expect(
      problemOf(() =>
        render(
          '{{#if (similar "usage.oui.share.hospitaliers" "usage.oui.share.liberaux" gap=0.05)}}x{{/if}}',
        ),
      ).fix,
    ).toContain('within');
  });

  it('say "of the same order" only when the whole interval lies within the margin', () => {
    const within = (gap: number) =>
      render(
        `{{#if (within "usage.oui.share.hospitaliers" "usage.oui.share.liberaux" ${gap})}}oui{{else}}non{{/if}}`,
      );
    // The interval runs from −15,4 to +17,7 points: within 20 points, not within 5.
    expect(within(5)).toBe('non');
    expect(within(20)).toBe('oui');
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
      comparable: true,
      notes: [],
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
    const t = (x: string, y: string) =>
      render(
        `{{#if (higher "usage.oui.share.${x}" "usage.oui.share.${y}")}}plus{{else}}{{#if (lower "usage.oui.share.${x}" "usage.oui.share.${y}")}}moins{{else}}pas d’écart mesurable{{/if}}{{/if}}`,
      );
    expect(t('radiologues', 'manipulateurs')).toBe('plus'); // 81 % vs 52 %: +12 to +45 points
    expect(t('manipulateurs', 'radiologues')).toBe('moins');
    // 57 % of 14 vs 52 % of 46: −23 to +31 points.
    expect(t('cadres', 'manipulateurs')).toBe('pas d’écart mesurable');
  });

  it('refuse to compare a share with a mean, naming the figure', () => {
    const p = problemOf(() =>
      render('{{#if (higher "usage.oui.share.all" "satisfaction.mean.all")}}x{{/if}}'),
    );
    expect(p.where).toBe('figure "satisfaction.mean.all"');
    expect(p.found).toContain('compare two shares or two means');
  });
});

describe('rankings and lists', () => {
  it('call a figure the highest only when it is ahead of each other one by its interval', () => {
    const t = (segment: string) =>
      render(
        `{{#if (highest "freins.formation.share.${segment}" "freins.cout.share.${segment}" "freins.disponibilite.share.${segment}" "freins.integration.share.${segment}")}}premier{{else}}parmi d’autres{{/if}}`,
      );
    // All respondents: 63 % against 48 %, 35 % and 34 % of the same 127 people (paired intervals).
    expect(t('all')).toBe('premier');
    // The 68 radiologues: 60 % against 53 % for cost, the paired interval −11 to +25 points holds 0.
    expect(t('radiologues')).toBe('parmi d’autres');
    // The radiologues' satisfaction, 7,58 against 7,08 and 6,88: no interval leaves out 0.
    expect(
      render(
        '{{#if (highest "satisfaction.mean.radiologues" "satisfaction.mean.manipulateurs" "satisfaction.mean.cadres")}}les plus satisfaits{{else}}non{{/if}}',
      ),
    ).toBe('non');
    expect(
      render(
        '{{#if (lowest "freins.integration.share.all" "freins.formation.share.all" "freins.cout.share.all")}}dernier{{else}}non{{/if}}',
      ),
    ).toBe('dernier');
  });

  it('list figures in the order of the data, each with its words, whatever order they are named in', () => {
    expect(
      render(
        '{{list "usages.segmentation.share.radiologues_utilisateurs" "la segmentation" "usages.comptes_rendus.share.radiologues_utilisateurs" "les comptes rendus" "usages.qualite_images.share.radiologues_utilisateurs" "la qualité des images"}}',
      ),
    ).toBe(
      'la qualité des images (42\u00a0%), les comptes rendus (27\u00a0%) et la segmentation (25\u00a0%)',
    );
    // Under 30 respondents, a count of its base, as everywhere.
    expect(
      render(
        '{{list "usage.oui.share.cadres" "les cadres" "usage.oui.share.manipulateurs" "les manipulateurs"}}',
      ),
    ).toBe('les cadres (8\u00a0sur\u00a014) et les manipulateurs (52\u00a0%)');
    expect(problemOf(() => render('{{list "usage.oui.share.cadres"}}')).expected).toContain(
      'followed by the words',
    );
  });
});

describe('key figures', () => {
  it('print each as a bold figure and its words, and record them as the page states them', () => {
    const audit = new Audit();
    const place = { article: 'a', file: 'article.hbs', firstLine: 1, firstColumn: 1, part: 'body' };
    const html = template(
      [
        '{{#keyFigures}}',
        '  {{#keyFigure (pct "usage.oui.share.manipulateurs")}}des manipulateurs l\'utilisent ({{n "usage.oui.share.manipulateurs"}}) :{{/keyFigure}}',
        '  {{#keyFigure (count "respondents.count.all")}}répondants{{/keyFigure}}',
        '{{/keyFigures}}',
      ].join('\n'),
    ).render({}, { audit, place });
    expect(html).toBe(
      '<ul class="key-figures">\n  <li><strong>52\u00a0%</strong> des manipulateurs l\'utilisent (n\u00a0&#x3D;\u00a046) :</li>\n  <li><strong>144</strong> répondants</li>\n</ul>\n',
    );
    // As the page prints them: entities read, French typography applied.
    expect(audit.keyFigures('a')).toEqual([
      { number: '52\u00a0%', sentence: 'des manipulateurs l’utilisent (n\u00a0=\u00a046)\u00a0:' },
      { number: '144', sentence: 'répondants' },
    ]);
  });
});

describe('claims', () => {
  it('record each decision with its figures, interval, method and verdict, once per call', () => {
    const { claims } = audited(
      [
        '{{#if (higher "usage.oui.share.radiologues" "usage.oui.share.manipulateurs")}}plus{{/if}}',
        '{{#if (highest "freins.formation.share.radiologues" "freins.cout.share.radiologues" "freins.integration.share.radiologues")}}premier{{/if}}',
        '{{#if (lower "satisfaction.mean.manipulateurs" "satisfaction.mean.utilisateurs")}}moins{{/if}}',
        '{{#if (atLeast "usage.oui.share.radiologues" 0.75)}}large{{/if}}',
      ].join('\n'),
    );
    const independent = claims.find((c) => c.helper === 'higher');
    expect(independent).toMatchObject({
      article: 'a',
      file: 'article.hbs',
      line: 1,
      figures: ['usage.oui.share.radiologues', 'usage.oui.share.manipulateurs'],
      method: 'newcombe',
      bases: [74, 46],
      verdict: true,
      result: true,
    });
    expect(independent?.ci?.[0]).toBeCloseTo(0.117, 3);
    // One entry per comparison of a ranking; the call's result is false when one fails.
    const ranking = claims.filter((c) => c.helper === 'highest');
    expect(ranking.map((c) => [c.method, c.verdict, c.result])).toEqual([
      ['newcombe-paired', false, false],
      ['newcombe-paired', true, false],
    ]);
    expect(new Set(ranking.map((c) => c.call)).size).toBe(1);
    // The manipulateurs are 24 of the 96 users: compared with the 72 others.
    const partWhole = claims.find((c) => c.helper === 'lower');
    expect(partWhole).toMatchObject({
      method: 'welch-rest-of-group',
      rest: { side: 'b', base: 72 },
      verdict: false,
      line: 3,
    });
    expect(claims.find((c) => c.helper === 'atLeast')).toMatchObject({
      method: 'threshold',
      ci: null,
      verdict: true,
    });
  });

  it('refuse groups that only partly overlap, located', () => {
    const { problems } = audited(
      'x\n{{#if (higher "usage.oui.share.radiologues" "usage.oui.share.hospitaliers")}}plus{{/if}}',
    );
    expect(problems[0]).toMatchObject({ file: 'article.hbs', line: 2 });
    expect(problems[0]?.found).toContain('partly the same respondents');
  });

  it('gather every problem of a text, each figure once with the other places it recurs', () => {
    const { problems } = audited(
      '{{pct "usage.oui.share.manipulateur"}}\n{{pct "usage.oui.share.manipulateur"}} {{pct "avenir.oui.share.utilisateur"}}',
    );
    expect(problems.map((p) => [p.line, p.where])).toEqual([
      [1, 'figure "usage.oui.share.manipulateur", also at 2:1'],
      [2, 'figure "avenir.oui.share.utilisateur"'],
    ]);
  });
});

describe('comparable years', () => {
  const withNotes = (decision?: string): Figure[] => [
    ...figures,
    {
      id: 'usage.oui.share.all.change',
      kind: 'change',
      label: 'x',
      question: 'usage',
      segment: 'all',
      of: 'share',
      value: 0.05,
      from: { value: 0.6, count: 60, base: 100 },
      to: { value: 0.65, count: 130, base: 200 },
      ci: [-0.06, 0.16],
      previous: '2024',
      comparable: false,
      notes: [
        {
          about: 'usage',
          difference: { kind: 'reworded', from: 'IA ?', to: 'IA, chaque jour ?' },
          text: 'question reformulée',
          ...(decision === undefined ? {} : { decision }),
        },
      ],
    },
  ];
  it('refuse a change whose question changed, naming what changed and the YAML that decides it', () => {
    const p = problemOf(() => render('{{change "usage.oui.share.all"}}', withNotes()));
    expect(p.found).toBe('question reworded ("IA ?" in 2024, "IA, chaque jour ?" now)');
    expect(p.fix).toContain('comparability:\n        usage: "…"');
    expect(() => render('{{#if (rose "usage.oui.share.all")}}x{{/if}}', withNotes())).toThrow(
      InputError,
    );
  });
  it('word it once the editors recorded their decision', () => {
    expect(
      render(
        '{{#if (steady "usage.oui.share.all")}}pas d’évolution mesurable{{/if}}',
        withNotes('même usage'),
      ),
    ).toBe('pas d’évolution mesurable');
  });
});
