/**
 * Rebuild test/fixtures/editions/2025/responses.csv, the synthetic 2025 export.
 *   npm run generate:2025
 * A test checks the committed file is exactly what this writes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { generateSynthetic2025Csv } from './synthetic-2025/generate.js';

const target = new URL('../test/fixtures/editions/2025/responses.csv', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, generateSynthetic2025Csv(), 'utf8');
console.log(`wrote ${target.pathname}`);
