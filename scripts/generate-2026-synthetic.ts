/**
 * Rebuild test/fixtures/editions/2026/responses.csv, the synthetic 2026 export.
 *   npm run generate:2026
 * A test checks the committed file is exactly what this writes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { generateSyntheticCsv } from './synthetic-2025/generate.js';
import { SYNTHETIC_2026 } from './synthetic-2026/generate.js';

const target = new URL('../test/fixtures/editions/2026/responses.csv', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, generateSyntheticCsv(SYNTHETIC_2026), 'utf8');
console.log(`wrote ${target.pathname}`);
