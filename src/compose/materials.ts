/**
 * What every article of an edition is made with, worked out once: the
 * figures by id with their rounding and their comparer, the templates of
 * every page a recipe renders, the theme, the methodology box, the free text.
 */
import type { Analysed, PreviousEdition } from '../analyse.js';
import { type FreeTextGroup, freeText } from '../analysis/free-text.js';
import { FigureIndex } from '../format/figure-index.js';
import type { Log } from '../log.js';
import { stages } from '../messages/index.js';
import { recipePages } from '../outputs/run.js';
import { type MethodologyFacts, methodologyFacts } from '../render/context.js';
import { loadTemplates, type Templates } from '../render/pages.js';
import { type MeanPrecision, meanPrecision } from '../render/precision.js';
import { loadTheme, type ThemeView } from '../render/theme.js';

export interface Materials {
  index: FigureIndex;
  /** Each question's means' decimals, and where the articles asked for them. */
  precision: MeanPrecision;
  templates: Templates;
  theme: ThemeView;
  methodology: MethodologyFacts;
  freeText: FreeTextGroup[];
}

export async function gatherMaterials(analysed: Analysed, log: Log): Promise<Materials> {
  const { edition, ingested, figures, previous } = analysed;
  // One rounding per figure, decided from every template before anything is drawn or printed.
  const precision = await meanPrecision(edition, figures);
  const index = new FigureIndex(figures, precision.decimals, analysed.comparer);
  const theme = await loadTheme(edition);
  const templates = await log.stage(stages.prepareTemplates, () =>
    loadTemplates(index, recipePages(), theme),
  );
  const methodology = methodologyFacts({
    config: edition.config,
    figures: index,
    reconciliation: ingested.reconciliation,
    ...(previous && { previous: previousFacts(previous) }),
    ...(analysed.weighting && { weighting: analysed.weighting }),
  });
  const typed = freeText(edition.config, ingested.responses);
  return { index, precision, templates, theme, methodology, freeText: typed };
}

function previousFacts({ edition, ingested }: PreviousEdition) {
  const { id, fieldPeriod } = edition.config.edition;
  return { id, fieldPeriod, kept: ingested.reconciliation.kept };
}
