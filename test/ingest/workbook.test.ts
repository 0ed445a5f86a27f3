/**
 * Workbook exports (.xlsx): the 2024 answers saved as Google Sheets and
 * Microsoft Forms save them give exactly the CSV's figures; cells become the
 * CSV's text; problems are placed in the sheet.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFigures, type Figure } from '../../src/analysis/figures.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { loadEdition } from '../../src/edition/load.js';
import { formatError, InputError } from '../../src/errors.js';
import { ingestEdition } from '../../src/ingest/ingest.js';
import { cellText, columnName } from '../../src/ingest/read-workbook.js';
import { windows1252 } from '../helpers/encodings.js';
import { scratch } from '../helpers/scratch.js';
import {
  type Answers,
  answers2024,
  bytes,
  CONFIG_2024,
  googleSheetsWorkbook,
  MICROSOFT_COLUMNS_EN,
  microsoftFormsConfig,
  microsoftFormsCsv,
  microsoftFormsWorkbook,
} from '../helpers/workbooks.js';

let answers: Answers;
let yaml2024: string;
let expected: Figure[];

/** The 2024 edition in a scratch folder, with this config and this export as responses.xlsx. */
async function editionWith(config: string, workbook: Buffer): Promise<string> {
  const folder = path.join(scratch('workbook'), '2024');
  await cp('data/2024', folder, { recursive: true });
  await writeFile(path.join(folder, 'edition.yaml'), config);
  await writeFile(path.join(folder, 'responses.xlsx'), workbook);
  return folder;
}

async function read(folder: string) {
  const edition = await loadEdition(folder, CHART_KINDS);
  const ingested = await ingestEdition(edition);
  return { ...ingested, figures: buildFigures(edition.config, ingested.responses) };
}

const asXlsx = (yaml: string) => yaml.replace('file: responses.csv', 'file: responses.xlsx');

/**
 * The figures of the CSV's questions; Microsoft's export has two more
 * columns, the e-mail and the name, private questions whose only figures are
 * how many in each segment gave one (nobody: « anonymous » is no address).
 */
function withoutPrivate(figures: Figure[]): Figure[] {
  const own = figures.filter(
    (f) => 'question' in f && (f.question === 'email' || f.question === 'nom'),
  );
  expect(own.length).toBeGreaterThan(0);
  for (const f of own) {
    expect(f.id).toMatch(/^(email|nom)\.(answered|missing)\.count\./);
    if (f.id.includes('.answered.')) expect(f.value).toBe(0);
  }
  return figures.filter((f) => !own.includes(f));
}

beforeAll(async () => {
  answers = await answers2024();
  yaml2024 = await readFile(CONFIG_2024, 'utf8');
  expected = (await read('data/2024')).figures;
});

describe('the 2024 answers as a workbook give the figures of the CSV', () => {
  it('saved by Google Sheets (date cells, numbers, ", " joins)', async () => {
    const folder = await editionWith(asXlsx(yaml2024), await googleSheetsWorkbook(answers));
    const got = await read(folder);
    expect(got.figures).toEqual(expected);
    expect(got.reconciliation).toMatchObject({ rowsIn: 144, kept: 144, excluded: [] });
    // Lines are the sheet's rows: the first response is row 2.
    expect(got.responses.lines[0]).toBe(2);
  });

  it('exported by Microsoft Forms in French (its own columns, ";" joins, serial dates)', async () => {
    const folder = await editionWith(
      microsoftFormsConfig(yaml2024),
      await microsoftFormsWorkbook(answers),
    );
    const got = await read(folder);
    expect(withoutPrivate(got.figures)).toEqual(expected);
    expect(got.reconciliation).toMatchObject({ rowsIn: 144, kept: 144 });
  });

  it('exported by Microsoft Forms in English', async () => {
    const folder = await editionWith(
      microsoftFormsConfig(yaml2024, MICROSOFT_COLUMNS_EN),
      await microsoftFormsWorkbook(answers, MICROSOFT_COLUMNS_EN),
    );
    expect(withoutPrivate((await read(folder)).figures)).toEqual(expected);
  });

  it('from the sheet edition.yaml names, another one first', async () => {
    const workbook = await googleSheetsWorkbook(answers, ['Résumé']);
    const config = asXlsx(yaml2024).replace(
      'file: responses.xlsx',
      'file: responses.xlsx\n  sheet: "Réponses au formulaire 1"',
    );
    expect((await read(await editionWith(config, workbook))).figures).toEqual(expected);
    // Without the key, the first sheet is read: the summary, which is no export.
    const error = await read(await editionWith(asXlsx(yaml2024), workbook)).catch((e) => e);
    expect((error as InputError).problems[0]).toMatchObject({ sheet: 'Résumé', line: 1 });
  });
});

describe('Microsoft Forms’ export saved as CSV from Excel gives the figures of the CSV', () => {
  /** The Microsoft config, reading the CSV, with the export written as `bytes`. */
  async function readCsv(bytes: Uint8Array) {
    const config = microsoftFormsConfig(yaml2024).replace('responses.xlsx', 'responses.csv');
    const folder = await editionWith(config, Buffer.alloc(0));
    await writeFile(path.join(folder, 'responses.csv'), bytes);
    return read(folder);
  }

  it('as « CSV UTF-8 » (";" joins inside quoted cells, « anonymous » for no e-mail)', async () => {
    const text = `\ufeff${microsoftFormsCsv(answers, ',')}`;
    const got = await readCsv(new TextEncoder().encode(text));
    expect(withoutPrivate(got.figures)).toEqual(expected);
    expect(got.reconciliation).toMatchObject({ rowsIn: 144, kept: 144 });
  });

  it('as French Excel’s « CSV (séparateur : point-virgule) », in Windows-1252', async () => {
    const got = await readCsv(windows1252(microsoftFormsCsv(answers, ';')));
    expect(withoutPrivate(got.figures)).toEqual(expected);
  });
});

/** A one-sheet workbook of these rows, the 2024 header first. */
async function smallWorkbook(rows: unknown[][], name = 'Feuille 1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(answers.header);
  for (const row of rows) sheet.addRow(row);
  return bytes(workbook);
}

/** A 2024 response as the sheet holds it, with some cells changed (by column). */
const response = (changes: Record<number, unknown> = {}) =>
  (answers.rows[0] as string[]).map((c, i) => (i in changes ? changes[i] : c));

async function problemOf(workbook: Buffer, config = asXlsx(yaml2024)): Promise<InputError> {
  const folder = await editionWith(config, workbook);
  const error = await read(folder).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('problems in a workbook', () => {
  it('are placed at the row of the sheet, all of them', async () => {
    const error = await problemOf(
      await smallWorkbook([response(), response({ 6: 11 }), [], response({ 6: 'douze' })]),
    );
    expect(error.problems.map((p) => [p.sheet, p.line])).toEqual([
      ['Feuille 1', 3],
      ['Feuille 1', 5],
    ]);
    expect(formatError(error)).toContain('responses.xlsx, row 3 of sheet "Feuille 1", question');
  });

  it('name a value typed beyond the last header by its column letter', async () => {
    const row = response();
    row[answers.header.length + 1] = 'note';
    const error = await problemOf(await smallWorkbook([response(), row]));
    expect(error.problems).toMatchObject([
      { sheet: 'Feuille 1', line: 3, found: `a value in column L, which has no header` },
    ]);
  });

  it('place a header problem on the header’s row', async () => {
    const workbook = await smallWorkbook([response()]);
    const error = await problemOf(workbook, asXlsx(yaml2024).replace('"Horodateur"', '"Heure"'));
    expect(error.problems[0]).toMatchObject({ sheet: 'Feuille 1', line: 1 });
  });

  it('list the sheets when the one named is not there', async () => {
    const error = await problemOf(
      await smallWorkbook([response()], 'Réponses'),
      asXlsx(yaml2024).replace('file: responses.xlsx', 'file: responses.xlsx\n  sheet: "Feuil1"'),
    );
    expect(error.problems[0]).toMatchObject({
      expected: 'a sheet named "Feuil1" ("source.sheet")',
      found: 'the sheets "Réponses"',
    });
  });
});

describe('cells become the text a CSV of the sheet holds', () => {
  it('numbers, booleans, errors', () => {
    expect(cellText(7)).toBe('7');
    expect(cellText(7.5)).toBe('7.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });
  it('rich text as its text, a formula as its result', () => {
    expect(cellText({ richText: [{ text: 'Aide au ' }, { text: 'diagnostic' }] })).toBe(
      'Aide au diagnostic',
    );
    expect(cellText({ formula: 'A1', result: 'Oui' })).toBe('Oui');
    expect(cellText({ sharedFormula: 'B2', result: 8 })).toBe('8');
    expect(cellText({ formula: 'NOW()' })).toBe('');
  });
  it('a date cell as Google Sheets writes it, its time unless its format has none', () => {
    const wall = new Date(Date.UTC(2024, 3, 23, 9, 15, 31, 999.6));
    expect(cellText(wall, 'dd/mm/yyyy hh:mm:ss')).toBe('23/04/2024 09:15:32');
    expect(cellText(wall, 'dd/mm/yyyy')).toBe('23/04/2024');
    expect(cellText(wall, '"le" d mmm yyyy')).toBe('23/04/2024');
  });
  it('names columns as the spreadsheet does', () => {
    expect([1, 12, 26, 27, 52, 703].map(columnName)).toEqual(['A', 'L', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
