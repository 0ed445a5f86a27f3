import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { editionJsonSchema } from '../../src/edition/schema.js';

describe('published JSON Schema', () => {
  it('is up to date with the config schema (npm run schema)', async () => {
    const committed = JSON.parse(await readFile('schema/edition.schema.json', 'utf8'));
    expect(committed).toEqual(editionJsonSchema(CHART_KINDS));
  });
});
