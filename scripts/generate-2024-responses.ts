/**
 * Rebuild data/2024/responses.csv, the reconstructed 2024 export.
 *   npm run generate:2024
 * A test checks the committed file is exactly what this writes.
 */
import { writeFile } from 'node:fs/promises';
import { generateResponsesCsv } from './reconstruct-2024/generate.js';

const target = new URL('../data/2024/responses.csv', import.meta.url);
await writeFile(target, generateResponsesCsv(), 'utf8');
console.log(`wrote ${target.pathname}`);
