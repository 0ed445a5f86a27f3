/**
 * The workbook writer on its own (xlsx.ts): read back by SheetJS, not by
 * itself. The survey's workbook as a whole is workbook.test.ts's.
 */
import * as XLSX from '@e965/xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { columnName, type XlsxBook, xlsxBytes } from '../../src/outputs/xlsx.js';

const BOOK: XlsxBook = {
  title: 'Tableaux',
  creator: 'Enquête 2024',
  date: new Date('2024-09-03T00:00:00Z'),
  sheets: [
    {
      name: 'Méthode & « légende »',
      rows: [
        { cells: [{ value: 'Titre', style: { bold: true, size: 14 } }] },
        // A form's free text may hold what XML cannot: a control character, a lone surrogate.
        { cells: [{ value: 'bip\u0007 et \ud800 fin <b>&', style: { wrap: true } }], height: 30 },
        // Text that spreadsheets would read as a character's code, were it not escaped.
        { cells: [{ value: 'code _x0041_ ok' }, { value: `${'é'.repeat(32_766)}😀 cut` }] },
        {
          cells: [
            { value: 0.8108, style: { numFmt: '0%' } },
            null,
            { value: 7.1, style: { numFmt: '0.0' } },
          ].map((c) => c ?? undefined),
        },
        {
          cells: [
            { value: new Date('2024-04-22T00:00:00Z'), style: { numFmt: 'dd/mm/yyyy' } },
            { value: null, style: { bottomBorder: true } },
            { value: Number.NaN },
          ],
        },
      ],
      widths: [40, undefined, 9],
      merges: [{ row: 0, from: 0, to: 2 }],
      frozen: { columns: 1, rows: 1 },
    },
  ],
};

const read = (bytes: Uint8Array) =>
  XLSX.read(bytes, { type: 'buffer', cellNF: true, cellStyles: true });

describe('the workbook writer', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('writes text, numbers with their formats and dates, a missing number as an empty cell', () => {
    const sheet = read(xlsxBytes(BOOK)).Sheets['Méthode & « légende »'] as XLSX.WorkSheet;
    expect(sheet.A1).toMatchObject({ t: 's', v: 'Titre' });
    expect(sheet.A2).toMatchObject({ t: 's', v: 'bip et  fin <b>&' });
    expect(sheet.A3).toMatchObject({ t: 's', v: 'code _x0041_ ok' });
    // Excel's most for a cell: 32 767 characters, never half of one.
    expect(sheet.B3?.v).toBe('é'.repeat(32_766));
    expect(sheet.A4).toMatchObject({ t: 'n', v: 0.8108, z: '0%' });
    expect(sheet.B4).toBeUndefined();
    expect(sheet.C4).toMatchObject({ t: 'n', v: 7.1, z: '0.0' });
    expect(sheet.A5).toMatchObject({ t: 'n', z: 'dd/mm/yyyy' });
    expect(XLSX.SSF.format('yyyy-mm-dd', sheet.A5?.v as number)).toBe('2024-04-22');
    expect(sheet.C5?.v).toBeUndefined();
    expect(sheet['!merges']).toEqual([XLSX.utils.decode_range('A1:C1')]);
    expect(sheet['!cols']?.[0]).toMatchObject({ width: 40 });
    expect(sheet['!cols']?.[2]).toMatchObject({ width: 9 });
    expect(sheet['!rows']?.[1]).toMatchObject({ hpt: 30 });
    expect(sheet['!ref']).toBe('A1:C5');
  });

  it('gives the file its title, author and date', () => {
    const { Props } = read(xlsxBytes(BOOK));
    expect(Props).toMatchObject({ Title: 'Tableaux', Author: 'Enquête 2024' });
    expect(Props?.CreatedDate?.toISOString()).toBe('2024-09-03T00:00:00.000Z');
  });

  it('makes the same bytes for the same book, in any time zone', () => {
    // 2024-09-08: Chile's clocks go from midnight to 1 a.m.
    const book = { ...BOOK, date: new Date('2024-09-08T00:00:00Z') };
    const inZone = (zone: string) => {
      process.env.TZ = zone;
      return Buffer.from(xlsxBytes(book));
    };
    const utc = inZone('UTC');
    for (const zone of ['Pacific/Kiritimati', 'America/Santiago', 'Pacific/Pago_Pago'])
      expect(Buffer.compare(inZone(zone), utc), zone).toBe(0);
    // The zip's entries are dated the book's day (MS-DOS date of the first local header).
    const dos = Buffer.from(utc).readUInt16LE(12);
    expect([(dos >> 9) + 1980, (dos >> 5) & 15, dos & 31]).toEqual([2024, 9, 8]);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
