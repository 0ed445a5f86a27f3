/**
 * A workbook is opened by its zip's central directory: every part is read,
 * whatever order the zip stores them in and however slowly the rows are
 * taken, and no temporary file is written. exceljs's own streaming reader
 * loses the parts still queued when the file's end is read (exceljs#3064);
 * the workbook below stores its sheets first and its sheet list last, as
 * exceljs and Excel do, the order that loses them.
 */
import { watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openWorkbook, partPath } from '../../src/ingest/open-workbook.js';
import { cellText } from '../../src/ingest/read-workbook.js';

/** Two sheets (« Résumé », then the 2024 header and three responses), stored before the shared strings and xl/workbook.xml. */
const TWO_SHEETS = 'test/fixtures/bad/workbook-sheet-missing/responses.xlsx';

/** The sheet's rows as text, taking each after a pause when `slow`. */
async function texts(sheet: string, slow: boolean): Promise<string[][]> {
  const book = await openWorkbook(TWO_SHEETS);
  const rows: string[][] = [];
  for await (const row of book.rows(sheet)) {
    if (slow) await sleep(2);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

describe('a workbook opened by its central directory', () => {
  it('gives its sheets in order and every text cell, read slowly and many at once', async () => {
    expect((await openWorkbook(TWO_SHEETS)).sheets).toEqual(['Résumé', 'Feuil1']);
    const once = await texts('Feuil1', false);
    expect(once).toHaveLength(4);
    expect(once[0]?.[0]).toBe('Horodateur');
    expect(once[1]?.[1]).not.toBe('');
    expect(await texts('Résumé', false)).toEqual([['Répondants', '3']]);
    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) => texts('Feuil1', i % 2 === 0)),
    );
    for (const rows of many) expect(rows).toEqual(once);
  });

  it('writes no temporary file', async () => {
    const made: string[] = [];
    const watcher = watch(tmpdir(), (_, name) => {
      if (name?.startsWith(`tmp-${process.pid}-`)) made.push(name);
    });
    try {
      await texts('Feuil1', false);
      await sleep(50);
    } finally {
      watcher.close();
    }
    expect(made).toEqual([]);
  });

  it('finds a sheet by its relation, relative to xl/ or from the root', () => {
    expect(partPath('worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(partPath('./worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(partPath('/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
  });
});
