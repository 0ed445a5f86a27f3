/** An edition composed as the build composes it, its charts planned but not drawn, for the recipes' tests. */
import { undrawnSvgs } from '../../src/charts/draw.js';
import { type Composed, composeArticles } from '../../src/compose/compose.js';
import { silentLog } from '../../src/log.js';
import { noChromium } from '../../src/outputs/chromium.js';
import type { Tools } from '../../src/outputs/recipe.js';

export function composedUndrawn(editionFolder = 'data/2024'): Promise<Composed> {
  return composeArticles({ editionFolder }, { svgs: undrawnSvgs }, silentLog);
}

/** Tools for a recipe that prints nothing: asking Chromium for a print fails, saying `why`. */
export function toolsPrintingNothing(why: string): Tools {
  return { chromium: noChromium(why), log: silentLog } as unknown as Tools;
}
