#!/usr/bin/env node
/**
 * Writes a Google Forms export of N responses made from the 2024 rows, for
 * the scale benchmarks: row i repeats 2024 row i mod 144 with a fresh
 * timestamp (spread evenly over the field period) and a comment of its own,
 * so no row is a duplicate of another and none is excluded. Deterministic:
 * the same N, the same bytes.
 *
 *   node bench/generate-export.mjs 1000000 /tmp/responses-1e6.csv
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const [rowsArg, out] = process.argv.slice(2);
const rows = Number(rowsArg);
if (!Number.isInteger(rows) || rows < 1 || !out) {
  console.error('usage: node bench/generate-export.mjs <rows> <out.csv>');
  process.exit(2);
}
/** 2024-04-23 08:00 to 2024-08-22 20:00, Paris summer time (UTC+2). */
const FIRST = Date.UTC(2024, 3, 23, 6, 0, 0);
const LAST = Date.UTC(2024, 7, 22, 18, 0, 0);

async function generateExport(n, file) {
  const [header, ...base] = parse(
    readFileSync(new URL('../data/2024/responses.csv', import.meta.url)),
    {
      bom: true,
    },
  );
  const step = (LAST - FIRST) / n;
  const stream = createWriteStream(file);
  const write = (text) =>
    stream.write(text) ? Promise.resolve() : new Promise((r) => stream.once('drain', r));
  await write(line(header));
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const row = [...base[i % base.length]];
    row[0] = formsTimestamp(FIRST + Math.floor(i * step));
    const comment = row.at(-1);
    row[row.length - 1] = comment
      ? `${comment} (réponse ${i + 1})`
      : `Réponse ${i + 1} : rien à ajouter.`;
    chunk += `\r\n${line(row)}`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise((resolve, reject) => stream.end((e) => (e ? reject(e) : resolve())));
}

function line(cells) {
  return cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
}

/** "2024/04/23 7:55:42 AM UTC+2", as Google Forms writes it, in Paris summer time. */
function formsTimestamp(epochMs) {
  const d = new Date(epochMs + 2 * 3600_000);
  const h = d.getUTCHours();
  const pad = (x) => String(x).padStart(2, '0');
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${h % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'} UTC+2`;
}

await generateExport(rows, out);
