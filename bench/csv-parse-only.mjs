#!/usr/bin/env node
/**
 * The floor of reading an export: csv-parse merely streaming the file,
 * counting its records, with its default options. Usage:
 *   node bench/csv-parse-only.mjs responses.csv
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
const parser = createReadStream(process.argv[2]).pipe(parse());
parser.on('data', () => {
  records++;
});
await new Promise((resolve, reject) => parser.on('end', resolve).on('error', reject));
process.stdout.write(`${records} records\n`);
