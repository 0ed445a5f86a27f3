/**
 * The workbook exports of the bad-input fixtures (test/fixtures/bad/workbook-*),
 * written with exceljs from the first rows of the 2024 export:
 *   npx tsx scripts/write-workbook-fixtures.ts [valid.xlsx]
 * The password-protected one (workbook-encrypted) is the valid workbook the
 * others are made from (written where the argument says), encrypted with the
 * password « motdepasse » by the npm package officecrypto-tool 0.0.19
 * (`await encrypt(bytes, { password })`, in a scratch folder: the project
 * does not depend on it) and kept as made; msoffcrypto-tool decrypts it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parseTimestamp } from '../src/ingest/timestamp.js';

const BAD = 'test/fixtures/bad';
const ROWS = 3;
/** Fixed, so that writing them again changes no byte of their contents. */
const MADE = new Date(Date.UTC(2024, 8, 1));
/** Microsoft Forms' own columns, in French. */
const MICROSOFT = ['ID', 'Heure de début', 'Heure de fin', 'Adresse de messagerie', 'Nom'];

const [header, ...rows] = parse(await readFile('data/2024/responses.csv'), {
  bom: true,
}) as [string[], ...string[][]];
type Cells = (string | number | Date | null)[];

/** A 2024 response as a spreadsheet holds it: the time a date cell, the score a number. */
function cells(row: string[]): Cells {
  return row.map((cell, i) => {
    if (cell === '') return null;
    if (i === 0) {
      const t = parseTimestamp(cell, 'Europe/Paris');
      if (!t) throw new Error(`not a timestamp: ${cell}`);
      return new Date(t.epochMs + t.offsetMinutes * 60_000);
    }
    return header[i]?.includes('(1 à 10)') ? Number(cell) : cell;
  });
}

function workbook(sheets: [string, unknown[][]][]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.created = MADE;
  book.modified = MADE;
  for (const [name, content] of sheets) {
    const sheet = book.addWorksheet(name);
    for (const row of content) sheet.addRow(row);
    sheet.getColumn(1).numFmt = 'dd/mm/yyyy hh:mm:ss';
  }
  return book;
}

const bytes = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
const first = rows.slice(0, ROWS).map(cells) as [Cells, Cells, Cells];
const valid = await bytes(workbook([['Feuil1', [header, ...first]]]));

const fixtures: Record<string, Buffer | string> = {
  // A download cut short: the zip's beginning, without its end.
  'workbook-truncated': valid.subarray(0, Math.floor(valid.length / 2)),
  'workbook-csv-renamed': (await readFile('data/2024/responses.csv', 'utf8'))
    .split('\r\n')
    .slice(0, ROWS + 1)
    .join('\r\n'),
  'workbook-no-sheet': await bytes(workbook([])),
  'workbook-empty-sheet': await bytes(workbook([['Feuil1', []]])),
  'workbook-sheet-missing': await bytes(
    workbook([
      ['Résumé', [['Répondants', ROWS]]],
      ['Feuil1', [header, ...first]],
    ]),
  ),
  // A score of 11 on row 3; a note typed beside row 4, in a column with no header.
  'workbook-data-problems': await bytes(
    workbook([
      [
        'Feuil1',
        [
          header,
          first[0],
          first[1].map((c, i) => (i === 6 ? 11 : c)),
          [...first[2], null, 'à rappeler'],
        ],
      ],
    ]),
  ),
  // Microsoft Forms' export read with the 2024 codebook, which knows none of its own columns.
  'workbook-microsoft-columns': await bytes(
    workbook([
      [
        'Sheet1',
        [
          [...MICROSOFT, ...header.slice(1)],
          [1, 45405.32, 45405.33, 'anonymous', null, ...first[0].slice(1)],
        ],
      ],
    ]),
  ),
};

for (const [name, content] of Object.entries(fixtures)) {
  await writeFile(path.join(BAD, name, 'responses.xlsx'), content);
  console.log(`wrote ${path.join(BAD, name, 'responses.xlsx')}`);
}
const validOut = process.argv[2];
if (validOut) {
  await writeFile(validOut, valid);
  console.log(`wrote ${validOut}, to encrypt for workbook-encrypted`);
}
