/**
 * One dot per segment on the scale's full range, with its 95 % interval as
 * a line: how far apart the groups' means really are, given their bases.
 */
import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { chartCommon, segmentList } from '../../edition/schema.js';
import { publication } from '../../publication/index.js';
import { type ChartData, defineChartKind, SCALE_QUESTION } from '../kind.js';
import { BAR_STEP, rangeRule, specBase, Y_AXIS } from '../marks.js';
import { meansData, meanTable } from '../rows.js';
import { ACCENT, INK } from '../theme.js';

const schema = z
  .object({ ...chartCommon, kind: z.literal('means_with_intervals'), segments: segmentList })
  .strict()
  .describe('One dot per segment: the mean of a scale question and its 95 % confidence interval.');

const words = publication.charts.means_with_intervals;

export const meansWithIntervals = defineChartKind({
  kind: 'means_with_intervals',
  schema,
  doc: {
    title: 'Des notes moyennes et leur marge d’incertitude',
    summary:
      'Un point par groupe de répondants, sur toute l’échelle de la note, et de part et d’autre un trait : l’intervalle de confiance à 95 % de la moyenne. Plus le groupe est petit, plus le trait est long. Deux traits qui se chevauchent largement disent que l’écart entre les groupes n’est pas mesurable : le graphique à choisir pour comparer des moyennes honnêtement.',
    fields: {
      segments:
        'les groupes de répondants (`segments:` dans `edition.yaml`), une ligne chacun, dans l’ordre où ils sont écrits',
    },
    example: {
      article: 'radiologues',
      chart: {
        id: 'satisfaction_par_secteur_marges',
        kind: 'means_with_intervals',
        question: 'satisfaction',
        segments: ['hospitaliers', 'liberaux', 'mixtes', 'utilisateurs'],
        title: 'La satisfaction selon le secteur, et sa marge d’incertitude',
      },
    },
  },
  accepts: SCALE_QUESTION,
  segmentKeys: ['segments'],
  data: (chart, context) => meansData(chart, context, words),
  spec: dotsAndIntervals,
  alt: words.alt,
  table: meanTable,
});

function dotsAndIntervals(data: ChartData, width: number): TopLevelSpec {
  const [min, max] = data.domain ?? [0, 10];
  const y = { field: 'axisLabel', type: 'nominal', sort: null, axis: Y_AXIS } as const;
  const scale = { domain: [min, max], nice: false, zero: false };
  return {
    ...specBase(data.rows.length * (BAR_STEP + 4), width),
    data: { values: data.rows },
    encoding: { y },
    layer: [
      rangeRule(
        scale,
        { title: data.measure, tickCount: max - min, format: 'd' },
        { strokeWidth: 2.5, strokeCap: 'round' },
      ),
      {
        mark: { type: 'point', filled: true, size: 130, color: ACCENT, opacity: 1 },
        encoding: { x: { field: 'value', type: 'quantitative', scale } },
      },
      {
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 7,
          fontWeight: 600,
          color: INK,
        },
        encoding: { x: { field: 'high', type: 'quantitative', scale }, text: { field: 'text' } },
      },
    ],
  } as unknown as TopLevelSpec;
}
