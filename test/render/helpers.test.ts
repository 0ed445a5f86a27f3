/** The helpers templates print figures with, and wording that follows the data. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import type { Figure } from '../../src/analysis/figures.js';
import { InputError } from '../../src/errors.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { silentLog } from '../../src/log.js';
import { compileTemplate, createEnvironment } from '../../src/render/environment.js';

let figures: Figure[];
beforeAll(async () => {
  ({ figures } = await analyseEdition('data/2024', silentLog));
});

const render = (source: string, list: Figure[] = figures) =>
  compileTemplate(createEnvironment(new FigureIndex(list)), 'article.hbs', source).render({});

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
    try {
      render('Bonjour\n  {{pct "usage.oui.share.manipulateur"}}');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const [p] = (e as InputError).problems;
      expect(p).toMatchObject({
        file: 'article.hbs',
        line: 2,
        column: 10,
        where: 'figure "usage.oui.share.manipulateur"',
      });
      expect(p?.fix).toContain('"usage.oui.share.manipulateurs"');
    }
  });

  it('refuse a share of an empty segment instead of printing 0 %', () => {
    const empty = withShare('usage.oui.share.cadres', 0, 0).map((f) =>
      f.id === 'usage.oui.share.cadres' ? { ...f, value: null } : f,
    );
    expect(() => render('{{pct "usage.oui.share.cadres"}}', empty as Figure[])).toThrow(InputError);
  });
});
