#!/usr/bin/env node
/**
 * A parser merely streaming the export, counting its records: the floor of
 * reading it with that library, for bench/scale.mjs. Usage:
 *   node bench/parser-only.mjs csv-parse|papaparse|udsv responses.csv
 */
import { createReadStream } from 'node:fs';

const [parser, file] = process.argv.slice(2);
let records = 0;

if (parser === 'csv-parse') {
  const { parse } = await import('csv-parse');
  const stream = createReadStream(file).pipe(parse());
  stream.on('data', () => {
    records++;
  });
  await new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject));
} else if (parser === 'papaparse') {
  const { default: Papa } = await import('papaparse');
  await new Promise((resolve, reject) =>
    Papa.parse(createReadStream(file), {
      step: () => {
        records++;
      },
      complete: resolve,
      error: reject,
    }),
  );
} else if (parser === 'udsv') {
  const { inferSchema, initParser } = await import('udsv');
  let p = null;
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    p ??= initParser(inferSchema(chunk));
    p.chunk(chunk, p.stringArrs, () => {
      records++;
    });
  }
  p.end();
} else {
  console.error('usage: node bench/parser-only.mjs csv-parse|papaparse|udsv <file.csv>');
  process.exit(2);
}
process.stdout.write(`${records} records\n`);
