/**
 * What a weighted edition prints (the weighted trial edition): percentages
 * and means weighted, bases and counts the respondents, no "8 sur 14" for a
 * weighted share, the weights' effective bases on record in the claims, and
 * the methodology box stating the weighting; the 2024 edition's box unchanged.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analysed, analyseEdition } from '../../src/analyse.js';
import { planChart } from '../../src/charts/draw.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { silentLog } from '../../src/log.js';
import { Audit } from '../../src/render/audit.js';
import { methodologyFacts } from '../../src/render/context.js';
import { compileTemplate, createEnvironment } from '../../src/render/environment.js';
import { tablesView } from '../../src/render/tables-view.js';
import { surveyTables } from '../../src/tables/tables.js';
import { enqueteHere } from '../helpers/in-process.js';

const WEIGHTED = 'test/fixtures/editions/2024-weighted';

let weighted: Analysed;
let index: FigureIndex;
let plain: Analysed;
beforeAll(async () => {
  weighted = await analyseEdition(WEIGHTED, silentLog);
  index = new FigureIndex(weighted.figures, new Map(), weighted.comparer);
  plain = await analyseEdition('data/2024', silentLog);
});

/** Text as the reader sees it: Handlebars escapes "=" and "'" in what helpers print. */
const decoded = (html: string) => html.replaceAll('&#x3D;', '=').replaceAll('&#x27;', "'");

/** A template rendered on the weighted figures, with an audit: its text (no-break spaces shown "·") and claims. */
function render(source: string) {
  const audit = new Audit();
  const place = { article: 'a', file: 'a.hbs', firstLine: 1, firstColumn: 1, part: 'body' };
  const text = compileTemplate(createEnvironment(index), 'a.hbs', source).render(
    {},
    { audit, place },
  );
  return { text: decoded(text).replaceAll('\u00a0', '·'), claims: audit.claims };
}

describe('the helpers of a weighted edition', () => {
  it('print weighted percentages and the respondents’ counts and bases', () => {
    const all = index.share('usage.oui.share.all');
    expect(all.value).not.toBeCloseTo(96 / 143, 3);
    expect(render('{{pct "usage.oui.share.all"}}').text).toBe(
      `${Math.round((all.value as number) * 100)}·%`,
    );
    expect(render('{{count "usage.oui.share.all"}} {{base "usage.oui.share.all"}}').text).toBe(
      '96 143',
    );
    expect(render('{{n "usage.oui.share.all"}}').text).toBe('n·=·143');
    expect(render('{{outof "usage.oui.share.cadres"}}').text).toBe('8·sur·14');
  });

  it('print a weighted share of fewer than 30 respondents with its base, never as a count', () => {
    const cadres = index.share('usage.oui.share.cadres');
    const pct = `${Math.round((cadres.value as number) * 100)}·%`;
    expect(render('{{share "usage.oui.share.cadres"}}').text).toBe(`${pct} (n·=·14)`);
    expect(render('{{share "usage.oui.share.radiologues"}}').text).toMatch(/^\d+·%$/);
    expect(
      render(
        '{{list "usage.oui.share.cadres" "les cadres" "usage.oui.share.radiologues" "les radiologues"}}',
      ).text,
    ).toMatch(new RegExp(`les cadres \\(${pct}, n·=·14\\)`));
  });

  it('put each comparison’s effective bases on record beside its respondents', () => {
    const { claims } = render(
      '{{#if (higher "usage.oui.share.radiologues" "usage.oui.share.manipulateurs")}}x{{/if}}',
    );
    const [claim] = claims;
    expect(claim?.bases).toEqual([74, 46]);
    expect(claim?.effectiveBases).toEqual([
      index.share('usage.oui.share.radiologues').effectiveBase,
      index.share('usage.oui.share.manipulateurs').effectiveBase,
    ]);
  });
});

describe('the charts of a weighted edition', () => {
  const chart = (id: string) => {
    const config = weighted.edition.config;
    const c = config.articles.flatMap((a) => a.charts).find((x) => x.id === id);
    if (!c) throw new Error(id);
    return planChart(c, config, index, 'Titre').chart;
  };

  it('label weighted bars with the estimate, the respondents as their base', () => {
    const lines = chart('utilisateurs_par_profession').lines.map((l) =>
      l.replaceAll('\u00a0', '·'),
    );
    const pct = (id: string) => Math.round((index.share(id).value as number) * 100);
    expect(lines).toContain(`Radiologues·: ${pct('usage.oui.share.radiologues')}·% (n·=·74)`);
    expect(lines).toContain(`Cadres de santé·: ${pct('usage.oui.share.cadres')}·% (n·=·14)`);
  });

  it('give their tables the respondents’ counts and bases and the weighted shares', () => {
    const { table } = chart('utilisateurs_par_profession');
    const radiologues = table.rows.find((r) => r[0] === 'Radiologues') as string[];
    const pct = Math.round((index.share('usage.oui.share.radiologues').value as number) * 100);
    expect(radiologues.slice(1, 4).map((c) => c.replaceAll('\u00a0', '·'))).toEqual([
      '60',
      '74',
      `${pct}·%`,
    ]);
    const stack = chart('frequence_par_profession').table;
    // A part of a stack: its weighted share, no respondents' count beside a weighted percentage.
    expect(stack.rows[0]?.[1]?.replaceAll('\u00a0', '·')).toMatch(/^\d+·%$/);
  });
});

describe('the methodology box', () => {
  const partial = Handlebars.compile(readFileSync('templates/partials/methodology.hbs', 'utf8'));
  const box = (a: Analysed, figureIndex: FigureIndex) =>
    partial({
      methodology: methodologyFacts({
        config: a.edition.config,
        figures: figureIndex,
        reconciliation: a.ingested.reconciliation,
        ...(a.weighting && { weighting: a.weighting }),
      }),
    })
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&#x27;/g, "'")
      .replace(/[\s\u00a0]+/g, ' ');

  it('states the weighting: the targets and their source, the bounds, who is not raked, the design effect', () => {
    const text = box(weighted, index);
    expect(text).toContain(
      "Les réponses sont pondérées pour que les répondants se répartissent, par profession et secteur d'exercice, comme la population visée (source : répartition fictive, pour les tests) : Profession : Radiologue 30 %, Manipulateur radio 45 %, Cadre de santé 15 %, Autre 10 % ; Secteur d'exercice : Hospitalier 60 %, Libéral 25 %, Mixte 10 %, Autre 5 %.",
    );
    expect(text).toContain('bornés entre 0,3 et 3 ; ils vont de 0,45 à 2,15.');
    expect(text).toContain(
      "2 répondants n'ont pas répondu à « Profession » ou à « Secteur d'exercice » : ils ne sont pas redressés et gardent le poids 1 d'un répondant moyen.",
    );
    expect(text).toContain(
      "l'effet de plan est de 1,26 sur l'ensemble, où les 144 répondants valent, pour la précision, un échantillon de 114 personnes.",
    );
    expect(text).toContain('les parts, pondérées, sont suivies du nombre de répondants');
    expect(text).not.toContain('Les données ne sont pas pondérées');
    expect(text).toContain(
      '« presque tous » décrivent les estimations pondérées, sans intervalle.',
    );
  });

  it('says the 2024 figures are not weighted, as published', () => {
    const text = box(plain, new FigureIndex(plain.figures, new Map(), plain.comparer));
    expect(text).toContain('Les données ne sont pas pondérées');
    expect(text).toContain(
      "les parts sont données en effectifs (« 21 sur 24 ») plutôt qu'en pourcentage",
    );
    expect(text).not.toContain('pondérées pour que');
    expect(text).toContain('« presque tous » décrivent les répondants, sans intervalle.');
  });
});

describe('the survey tables of a weighted edition', () => {
  const tablesOf = (a: Analysed, figureIndex: FigureIndex) =>
    surveyTables({
      config: a.edition.config,
      index: figureIndex,
      freeText: [],
      times: a.ingested.responses.timestamp.epochMs,
      respondents: a.ingested.responses.count,
    });

  it('show the weighted shares beside the respondents’ counts and bases, and say so in their legend', () => {
    const tables = tablesOf(weighted, index);
    expect(tables.weighted).toBe(true);
    const usage = tables.questions.find((q) => q.id === 'usage');
    const oui = usage?.topline.rows.find((r) => r.code === 'oui')?.cells[0];
    expect(oui).toMatchObject({ count: 96, base: 143 });
    expect(oui?.value).toBe(index.share('usage.oui.share.all').value);
    expect(tablesView(tables, 'free-text.csv').legend.join(' ')).toContain(
      'Pondération\u00a0: les parts et les moyennes sont pondérées',
    );
  });

  it('say nothing of weighting for the 2024 edition', () => {
    const tables = tablesOf(plain, new FigureIndex(plain.figures, new Map(), plain.comparer));
    expect(tables).not.toHaveProperty('weighted');
    expect(tablesView(tables, 'free-text.csv').legend.join(' ')).not.toContain('Pondération');
  });
});

describe('the weighted trial edition', () => {
  it('passes `enquete check`: every page rendered, nothing written', async () => {
    const { code, stderr } = await enqueteHere(['check', WEIGHTED]);
    expect(code, stderr).toBe(0);
  });
});
