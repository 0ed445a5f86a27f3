/**
 * How a chart appears in each output. Titles, alt text and table cells are
 * escaped here; the SVG comes from vega, which escapes its own text.
 */
import Handlebars from 'handlebars';
import type { DataTable } from '../charts/describe.js';
import type { RenderedChart } from '../charts/draw.js';

export type Mode = 'print' | 'web' | 'newsletter';

const esc = (s: string) => Handlebars.escapeExpression(s);

export function chartMarkup(
  chart: RenderedChart,
  mode: Mode,
  imageBaseUrl: string,
  source: string,
): string {
  const note = `${esc(chart.baseNote)} Source&nbsp;: ${esc(source)}.`;
  if (mode === 'newsletter') {
    const width = Math.min(chart.width, 552);
    const height = Math.round((chart.height * width) / chart.width);
    return `<table role="presentation" class="chart" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="chart-title">${esc(chart.title)}</td></tr><tr><td><img src="${esc(imageBaseUrl + chart.pngFile)}" width="${width}" height="${height}" alt="${esc(chart.alt)}" class="chart-img"></td></tr><tr><td class="chart-note">${note}</td></tr></table>`;
  }
  const table =
    mode === 'web'
      ? `<details class="chart-data"><summary>Voir les données du graphique</summary>${tableMarkup(chart.table, chart.title)}</details>`
      : '';
  const svg = chart.svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
  return `<figure class="chart" id="graphique-${esc(chart.id)}"><figcaption class="chart-title">${esc(chart.title)}</figcaption><div class="chart-svg" role="img" aria-label="${esc(chart.alt)}">${svg}</div><p class="chart-note">${note}</p>${table}</figure>`;
}

export function tableMarkup(table: DataTable, caption: string): string {
  const head = table.columns
    .map((c, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${esc(c)}</th>`)
    .join('');
  const body = table.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td class="num">${esc(c)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table class="data"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
