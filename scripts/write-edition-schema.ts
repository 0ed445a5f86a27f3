/**
 * Publish the edition config's JSON Schema (schema/edition.schema.json) so an
 * editor's YAML plugin completes and checks edition.yaml.
 *   npm run schema
 * A test fails when the committed schema is out of date.
 */
import { writeFile } from 'node:fs/promises';
import { CHART_KINDS } from '../src/charts/kinds/index.js';
import { editionJsonSchema } from '../src/edition/schema.js';

const target = new URL('../schema/edition.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(editionJsonSchema(CHART_KINDS), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
