/**
 * What editors' tools do to an export must not change a single figure:
 * each variant of the committed 2024 export gives exactly its figures.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFigures, type Figure } from '../../src/analysis/figures.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { parseEditionConfig } from '../../src/edition/parse-config.js';
import type { EditionConfig } from '../../src/edition/schema.js';
import { ingestBytes } from '../../src/ingest/ingest.js';
import { windows1252 } from '../helpers/encodings.js';

let config: EditionConfig;
let original: string;
let expected: Figure[];

const figuresOf = async (bytes: Uint8Array) =>
  buildFigures(config, (await ingestBytes(bytes, 'responses.csv', config)).responses);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Split a Google export (every field quoted, no line breaks inside cells) into rows of cells. */
const rows = (text: string) =>
  text.split('\r\n').map((line) =>
    line
      .slice(1, -1)
      .split('","')
      .map((c) => c.replaceAll('""', '"')),
  );
const join = (table: string[][], sep = ',', eol = '\r\n') =>
  table.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(sep)).join(eol);

beforeAll(async () => {
  config = parseEditionConfig(
    await readFile('data/2024/edition.yaml', 'utf8'),
    'edition.yaml',
    CHART_KINDS,
  );
  original = await readFile('data/2024/responses.csv', 'utf8');
  expected = await figuresOf(utf8(original));
});

describe('export variants that give the same figures', () => {
  it('with a byte order mark', async () => {
    expect(await figuresOf(utf8(`\ufeff${original}`))).toEqual(expected);
  });
  it('with LF line ends', async () => {
    expect(await figuresOf(utf8(original.replaceAll('\r\n', '\n')))).toEqual(expected);
  });
  it('separated by semicolons, as French Excel saves it', async () => {
    expect(await figuresOf(utf8(join(rows(original), ';')))).toEqual(expected);
  });
  it('re-saved in Windows-1252', async () => {
    expect(await figuresOf(windows1252(original))).toEqual(expected);
  });
  it('with Google Sheets timestamps', async () => {
    const table = rows(original).map((r, i) =>
      i === 0 ? r : [toSheets(r[0] as string), ...r.slice(1)],
    );
    expect(await figuresOf(utf8(join(table)))).toEqual(expected);
  });
  it('with trailing blank lines and spaces around values and separators', async () => {
    const table = rows(original).map((r) => r.map((c) => (c === '' ? c : ` ${c}  `)));
    const text = `${table.map((r) => r.map((c) => `"${c}"`).join(' , ')).join('\r\n')}\r\n\r\n   \r\n`;
    expect(await figuresOf(utf8(text))).toEqual(expected);
  });
  it('with its columns in another order', async () => {
    const table = rows(original);
    const order = (table[0] as string[]).map((_, i) => i).reverse();
    expect(await figuresOf(utf8(join(table.map((r) => order.map((i) => r[i] as string)))))).toEqual(
      expected,
    );
  });
});

/** "2024/04/23 9:15:32 AM UTC+2" -> "23/04/2024 09:15:32" (the same instant in Paris time). */
function toSheets(forms: string): string {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM) UTC\+2$/.exec(forms);
  if (!m) throw new Error(`unexpected timestamp ${forms}`);
  const [, y, mo, d, h, mi, s, ampm] = m;
  const hour = (Number(h) % 12) + (ampm === 'PM' ? 12 : 0);
  return `${d}/${mo}/${y} ${String(hour).padStart(2, '0')}:${mi}:${s}`;
}
