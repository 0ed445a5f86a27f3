/** What a chart says in words (alt text) and as a table (print appendix, web disclosure, plain text). */
import type { Interval } from '../analysis/stats.js';
import type { FigureIndex } from '../render/figure-index.js';
import {
  formatBase,
  formatDecimal,
  formatInteger,
  formatPercent,
  frenchText,
} from '../render/french.js';
import type { ChartData, ChartRow } from './data.js';

export interface DataTable {
  columns: string[];
  rows: string[][];
}

const KIND_WORDS = {
  share_by_segment: 'Diagramme en barres',
  ranked_options: 'Diagramme en barres classées',
  mix_by_segment: 'Barres empilées à 100\u00a0%',
  mean_by_segment: 'Diagramme en barres des notes moyennes',
  scale_distribution: 'Histogramme des notes',
} as const;

export function altText(title: string, data: ChartData): string {
  const kind = KIND_WORDS[data.config.kind];
  const perGroupBase =
    data.config.kind !== 'ranked_options' && data.config.kind !== 'scale_distribution';
  const who = (r: ChartRow) => (perGroupBase ? `${r.group} (${formatBase(r.base)})` : r.group);
  if (data.config.kind === 'mix_by_segment') {
    const groups = [...new Set(data.rows.map((r) => r.group))];
    const parts = groups.map((g) => {
      const rows = data.rows.filter((r) => r.group === g);
      return `${who(rows[0] as ChartRow)} : ${rows.map((r) => `${r.part} ${r.text}`).join(', ')}`;
    });
    return frenchText(`${kind}. ${title}. ${parts.join(' ; ')}. ${data.baseNote}`);
  }
  const items = data.rows.map((r) => `${who(r)} : ${r.text}`);
  return frenchText(
    `${kind}, ${data.measure.toLocaleLowerCase('fr')}. ${title}. ${items.join(' ; ')}. ${data.baseNote}`,
  );
}

export function dataTable(data: ChartData, index: FigureIndex): DataTable {
  const ci = (id: string) => {
    const f = index.get(id);
    const interval: Interval | null = f.kind === 'share' || f.kind === 'mean' ? f.ci : null;
    if (!interval) return '–';
    return f.kind === 'share'
      ? `${formatPercent(interval[0])} – ${formatPercent(interval[1])}`
      : `${formatDecimal(interval[0], 1)} – ${formatDecimal(interval[1], 1)}`;
  };
  switch (data.config.kind) {
    case 'share_by_segment':
    case 'ranked_options':
    case 'scale_distribution': {
      const first = {
        share_by_segment: 'Groupe',
        ranked_options: 'Réponse',
        scale_distribution: 'Note',
      }[data.config.kind];
      return {
        columns: [first, 'Effectif', 'Base', 'Part', 'IC 95\u00a0%'],
        rows: data.rows.map((r) => [
          r.group,
          formatInteger(r.count ?? 0),
          formatInteger(r.base),
          formatPercent(r.value),
          ci(r.figureId),
        ]),
      };
    }
    case 'mean_by_segment':
      return {
        columns: ['Groupe', 'Moyenne', 'Base', 'IC 95\u00a0%'],
        rows: data.rows.map((r) => [
          r.group,
          formatDecimal(r.value, 2),
          formatInteger(r.base),
          ci(r.figureId),
        ]),
      };
    case 'mix_by_segment': {
      const groups = [...new Set(data.rows.map((r) => r.group))];
      return {
        columns: ['Groupe', ...data.parts, 'Base'],
        rows: groups.map((g) => {
          const rows = data.rows.filter((r) => r.group === g);
          return [
            g,
            ...rows.map((r) => `${formatInteger(r.count ?? 0)} (${formatPercent(r.value)})`),
            formatInteger(rows[0]?.base ?? 0),
          ];
        }),
      };
    }
  }
}
