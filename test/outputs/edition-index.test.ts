/**
 * The edition's index page: its standfirst is edition.yaml's
 * (edition.standfirst), else a sentence made from the edition's facts (who
 * conducted the survey, when, how many answered), never the sample's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Composed, editionBuildOf } from '../../src/compose/compose.js';
import { editionIndexRecipe } from '../../src/outputs/recipes/edition-index.js';
import { composedUndrawn, toolsPrintingNothing } from '../helpers/composed.js';

const tools = toolsPrintingNothing('the index page prints nothing');

let composed: Composed;
beforeAll(async () => {
  composed = await composedUndrawn();
});

/** The index page's standfirst, with edition.yaml's `standfirst` as given. */
async function standfirst(written: string | undefined): Promise<string> {
  const build = editionBuildOf(composed);
  const config = structuredClone(build.edition.config);
  config.edition.standfirst = written;
  const [page] = await editionIndexRecipe.files(
    { ...build, edition: { ...build.edition, config } },
    tools,
  );
  const html = String(page?.content);
  const header = html.slice(html.indexOf('<header class="edition-header">'));
  return /<p class="dek">([^<]*)<\/p>/.exec(header)?.[1] ?? '';
}

describe('the index page’s standfirst', () => {
  it('is edition.yaml’s, with French typography', async () => {
    expect(await standfirst('Ce que les radiologues font de l’IA : tout.')).toBe(
      'Ce que les radiologues font de l’IA\u00a0: tout.',
    );
  });

  it('is the 2024 edition’s own, not its sample', async () => {
    const written = composed.analysed.edition.config.edition.standfirst;
    expect(written).toMatch(/^Radiologues, manipulateurs radio, cadres de santé/);
    expect(await standfirst(written)).not.toContain('échantillon');
  });

  it('says who conducted the survey, when, and how many answered when edition.yaml says nothing', async () => {
    expect(await standfirst(undefined)).toBe(
      'Les résultats de l’enquête menée par Tech Imago et Docteur Imago du 23\u00a0avril\u00a02024 au 22\u00a0août\u00a02024, à laquelle 144\u00a0personnes ont répondu.',
    );
  });
});
