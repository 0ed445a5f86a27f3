/**
 * A workbook is opened by its zip's central directory: every part is read,
 * whatever order the zip stores them in and however slowly the rows are
 * taken, and no temporary file is written. exceljs's own streaming reader
 * loses the parts still queued when the file's end is read (exceljs#3064);
 * the workbook below stores its sheets first and its sheet list last, as
 * exceljs and Excel do, the order that loses them. The file is let go of
 * however the reading ends; a zip comment, a missing part are read or said.
 */
import { watch } from 'node:fs';
import { readdir, readFile, readlink, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { openWorkbook, partPath } from '../../src/ingest/open-workbook.js';
import type { RecordSink } from '../../src/ingest/read-export.js';
import { cellText, readWorkbook } from '../../src/ingest/read-workbook.js';
import { scratch } from '../helpers/scratch.js';

/** Two sheets (« Résumé », then the 2024 header and three responses), stored before the shared strings and xl/workbook.xml. */
const TWO_SHEETS = 'test/fixtures/bad/workbook-sheet-missing/responses.xlsx';
/** Its zip has no comment: its end record is its last 22 bytes. */
const NO_COMMENT = 22;

/** The sheet's rows as text, taking each after a pause when `slow`. */
async function texts(sheet: string, slow: boolean, file = TWO_SHEETS): Promise<string[][]> {
  const book = await openWorkbook(file, NO_COMMENT);
  try {
    const rows: string[][] = [];
    for await (const row of book.rows(sheet)) {
      if (slow) await sleep(2);
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    }
    return rows;
  } finally {
    await book.close();
  }
}

/** The records a workbook gives, through the reader the build uses; `failAt`: a row the sink refuses. */
async function records(file: string, failAt = 0): Promise<string[][]> {
  const got: string[][] = [];
  const sink: RecordSink = {
    header: (cells) => got.push(cells),
    row: (cells, line) => {
      if (line === failAt)
        throw new InputError('reading', [{ file, line, expected: 'y', found: 'x', fix: 'z' }]);
      got.push(cells);
    },
  };
  return readWorkbook(file, { sheet: 'Feuil1' }, sink, () => got);
}

/** The workbook's bytes with a part's name changed in the zip (same length), as if the part were missing. */
async function withoutPart(name: string): Promise<string> {
  const bytes = await readFile(TWO_SHEETS);
  const from = Buffer.from(name);
  const to = Buffer.from(`${name.slice(0, -1)}_`);
  let at = bytes.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  for (; at >= 0; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  const file = path.join(scratch('workbook-part'), 'responses.xlsx');
  await writeFile(file, bytes);
  return file;
}

/**
 * The workbook's bytes with a part's CRC-32 changed in its zip (its local
 * header and the central directory), its bytes left as they are: as if they
 * had been damaged in a way that still inflates.
 */
async function withWrongChecksum(name: string): Promise<string> {
  const bytes = await readFile(TWO_SHEETS);
  let changed = 0;
  // Local file headers and central directory records: where each holds its CRC, its name's length, its name.
  for (const { signature, crcAt, lengthAt, nameAt } of [
    { signature: 0x04034b50, crcAt: 14, lengthAt: 26, nameAt: 30 },
    { signature: 0x02014b50, crcAt: 16, lengthAt: 28, nameAt: 46 },
  ]) {
    for (let at = 0; at + nameAt < bytes.length; at++) {
      if (bytes.readUInt32LE(at) !== signature) continue;
      const length = bytes.readUInt16LE(at + lengthAt);
      if (bytes.toString('utf8', at + nameAt, at + nameAt + length) !== name) continue;
      bytes.writeUInt32LE((bytes.readUInt32LE(at + crcAt) ^ 0x00010000) >>> 0, at + crcAt);
      changed++;
    }
  }
  expect(changed).toBe(2);
  const file = path.join(scratch('workbook-crc'), 'responses.xlsx');
  await writeFile(file, bytes);
  return file;
}

/** How many of this process's open files are `file` (other tests' files may open and close meanwhile). */
async function openings(file: string): Promise<number> {
  const target = await realpath(file);
  const links = await Promise.all(
    (await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
  );
  return links.filter((link) => link === target).length;
}

describe('a workbook opened by its central directory', () => {
  it('gives its sheets in order and every text cell, read slowly and many at once', async () => {
    const book = await openWorkbook(TWO_SHEETS, NO_COMMENT);
    expect(book.sheets).toEqual(['Résumé', 'Feuil1']);
    await book.close();
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

  it('lets go of the file when a row fails, and when every row is read', async () => {
    expect(await records(TWO_SHEETS)).toHaveLength(4);
    expect(await openings(TWO_SHEETS)).toBe(0);
    const error = await records(TWO_SHEETS, 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ sheet: 'Feuil1', line: 3 });
    expect(await openings(TWO_SHEETS)).toBe(0);
  });

  it('reads a workbook whose zip ends with a long comment', async () => {
    const bytes = await readFile(TWO_SHEETS);
    const comment = Buffer.from('Enregistré par un outil qui signe ses fichiers. '.repeat(20));
    bytes.writeUInt16LE(comment.length, bytes.length - 2);
    const file = path.join(scratch('workbook-comment'), 'responses.xlsx');
    await writeFile(file, Buffer.concat([bytes, comment]));
    expect(await records(file)).toEqual(await records(TWO_SHEETS));
  });

  it('says a workbook is damaged when its sheet list or its sheet is missing', async () => {
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet2.xml']) {
      const error = await records(await withoutPart(part)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems[0]?.found).toContain(`${part} is missing`);
    }
  });

  it('says a workbook is damaged when a part’s bytes do not match their checksum', async () => {
    for (const part of [
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/worksheets/sheet2.xml',
    ]) {
      const error = await records(await withWrongChecksum(part)).catch((e: unknown) => e);
      expect(error, part).toBeInstanceOf(InputError);
      expect((error as InputError).problems[0]?.found).toContain(
        `${part}: its bytes do not match the zip's checksum`,
      );
    }
  });

  it('finds a sheet by its relation, relative to xl/ or from the root', () => {
    expect(partPath('worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(partPath('./worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(partPath('/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
  });
});
