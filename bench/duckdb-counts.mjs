#!/usr/bin/env node
/**
 * What a data journalist would do with DuckDB instead of enquete: load the
 * export, then count every closed question's answers by every combination
 * of the columns the edition's segments are made of (which gives every
 * count `enquete figures` prints: a segment's count is a sum of these), a
 * multiple choice's cell split into its answers. Embedded DuckDB
 * (@duckdb/node-api, a development dependency), as many threads as cores.
 * Usage:
 *   node bench/duckdb-counts.mjs <edition folder>
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'yaml';

const folder = process.argv[2];
const config = parse(readFileSync(path.join(folder, 'edition.yaml'), 'utf8'));
const csv = path.join(folder, config.source.file);
const quote = (name) => `"${name.replaceAll('"', '""')}"`;
const header = (id) => quote(config.questions.find((q) => q.id === id).header);
const segmentColumns = [
  ...new Set((config.segments ?? []).flatMap((s) => Object.keys(s.where ?? {}))),
].map(header);

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(
  `CREATE TABLE responses AS SELECT * FROM read_csv(${quote(csv).replaceAll('"', "'")}, header = true, all_varchar = true)`,
);
let groups = 0;
for (const q of config.questions) {
  if (q.type === 'text' || q.type === 'timestamp') continue;
  const answer =
    q.type === 'multiple' ? `unnest(string_split(${quote(q.header)}, ', '))` : quote(q.header);
  const by = [...new Set(segmentColumns)].join(', ');
  const reader = await db.runAndReadAll(
    `SELECT ${by}, answer, count(*) AS n FROM (SELECT ${by}, ${answer} AS answer FROM responses) GROUP BY ALL`,
  );
  groups += reader.getRows().length;
}
const time = config.questions.find((q) => q.type === 'timestamp');
await db.runAndReadAll(
  `SELECT min(${quote(time.header)}), max(${quote(time.header)}) FROM responses`,
);
process.stdout.write(`${groups} groups\n`);
db.closeSync();
instance.closeSync();
