/** An edition analysed as the build does, with its figures' index (rounding and comparisons). */
import { analyseEdition } from '../../src/analyse.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { silentLog } from '../../src/log.js';
import { meanPrecision } from '../../src/render/precision.js';

export async function analysedWithIndex(folder: string) {
  const analysed = await analyseEdition(folder, silentLog);
  const { decimals } = await meanPrecision(analysed.edition, analysed.figures);
  return { analysed, index: new FigureIndex(analysed.figures, decimals, analysed.comparer) };
}
