/**
 * A workbook (.xlsx, SpreadsheetML) written from a plain description of
 * its sheets: text, numbers and dates, each cell with its font, alignment,
 * bottom border and number format; row heights, column widths, merged
 * cells, a frozen pane and A4 landscape printing as wide as the page. That
 * is all the survey's workbook (workbook.ts) uses, and all this writes.
 *
 * Why not exceljs, which the project reads workbooks with: loading it and
 * writing the survey's workbook took 0.75 to 0.97 s of processor time on
 * every cold build, on a machine of two cores where the build waits for
 * processor time. This takes 0.16 to 0.19 s;
 * the zip is fflate's, its parts deflated by Node's zlib. The tests read
 * what it writes with SheetJS and LibreOffice, not with this.
 *
 * The bytes are the same for the same book and the same zlib: every part
 * and zip entry is dated by the book's date (the cache of workbooks keys
 * them by Node's zlib too: worker/cache.ts).
 */
import { deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';
import { escapeXml } from './xml-text.js';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points (11 when not given). */
  size?: number;
  /** An Excel number format: '0%', '0.0', 'dd/mm/yyyy'. */
  numFmt?: string;
  horizontal?: 'left' | 'center';
  vertical?: 'top' | 'middle';
  wrap?: boolean;
  /** A thin line under the cell. */
  bottomBorder?: boolean;
}

/** A date is a calendar day (its UTC date), shown by its number format. */
export type CellValue = string | number | Date | null;

export interface XlsxCell {
  value: CellValue;
  style?: CellStyle;
}

export interface XlsxRow {
  /** From column A; an absent or null-valued cell is left empty (a styled one keeps its style). */
  cells: (XlsxCell | undefined)[];
  /** Points; the reader's default when not given. */
  height?: number;
}

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
  /** Widths in characters, by column (0 for A); a column without one keeps the default. */
  widths: (number | undefined)[];
  /** Cells merged along a row: the row (0 for the first) and its first and last columns. */
  merges: { row: number; from: number; to: number }[];
  /** The columns to the left and the rows above that stay in view. */
  frozen?: { columns: number; rows: number };
}

export interface XlsxBook {
  title: string;
  creator: string;
  /** The file's creation and change date, and its zip entries' (a calendar day, taken in UTC). */
  date: Date;
  sheets: XlsxSheet[];
}

/** Excel's own cells are limited to this many characters; a longer text is cut (never the case in a survey's answers). */
const MAX_TEXT = 32_767;
/** Number formats Excel knows by number, which every reader maps back to the same format. */
const BUILT_IN_FORMATS: Record<string, number> = { '0': 1, '0.00': 2, '0%': 9, '0.00%': 10 };
const FIRST_CUSTOM_FORMAT = 164;
/** Days from Excel's day 0 (1899-12-30, in the 1900 date system) to 1970-01-01. */
const EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function xlsxBytes(book: XlsxBook): Uint8Array {
  const strings = new SharedStrings();
  const styles = new Styles();
  const sheets = book.sheets.map((sheet, i) => sheetXml(sheet, i === 0, strings, styles));
  const day = new Date(
    Date.UTC(book.date.getUTCFullYear(), book.date.getUTCMonth(), book.date.getUTCDate()),
  );
  const parts: [string, string][] = [
    ['[Content_Types].xml', contentTypes(book.sheets.length)],
    ['_rels/.rels', packageRels()],
    ['docProps/core.xml', coreProps(book, day)],
    ['docProps/app.xml', appProps()],
    ['xl/workbook.xml', workbookXml(book.sheets)],
    ['xl/_rels/workbook.xml.rels', workbookRels(book.sheets.length)],
    ['xl/styles.xml', styles.xml()],
    ['xl/sharedStrings.xml', strings.xml()],
    ...sheets.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ];
  // fflate dates the entries by the local clock's reading of the date: its noon, wherever this
  // runs (a midnight can be skipped by a change to summer time, and read as 01:00).
  const mtime = new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12);
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, xml] of parts) {
    const entry = new NativeDeflate(name, mtime);
    zip.add(entry);
    entry.push(encoder.encode(xml), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/**
 * A zip entry deflated by Node's zlib, given to fflate's zip whole (fflate's
 * documented way to bring one's own compression: a ZipPassThrough whose
 * `process` compresses). fflate's own deflate is JavaScript, which a build
 * runs once, before V8 has optimised it: in a fresh process, a book of
 * eight sheets took a median 0.14 s of processor time with it, 0.06 s with
 * this (README, Performance).
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string, mtime: Date) {
    super(filename);
    this.compression = 8;
    this.mtime = mtime;
  }

  /** Called once, with the whole entry (`push(bytes, true)`): one deflate stream. */
  override process(chunk: Uint8Array, final: boolean): void {
    // Two pushes would make two deflate streams one after the other: a corrupt entry.
    if (!final) throw new Error('a workbook part is pushed whole, in one final chunk');
    this.ondata(null, deflateRawSync(chunk, { level: 6 }), final);
  }
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

const ref = (row: number, column: number) => `${columnName(column)}${row + 1}`;

function sheetXml(
  sheet: XlsxSheet,
  first: boolean,
  strings: SharedStrings,
  styles: Styles,
): string {
  // A loop, not Math.max(...rows): a sheet of every free-text answer may have a million rows.
  const width = sheet.rows.reduce(
    (w, r) => Math.max(w, r.cells.length),
    Math.max(1, sheet.widths.length),
  );
  const rows = sheet.rows.map((row, r) => rowXml(row, r, strings, styles)).join('');
  const cols = sheet.widths
    .map((w, i) =>
      w === undefined ? '' : `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
    )
    .join('');
  const merges = sheet.merges.map(
    (m) => `<mergeCell ref="${ref(m.row, m.from)}:${ref(m.row, m.to)}"/>`,
  );
  return [
    XML,
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`,
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${ref(Math.max(0, sheet.rows.length - 1), width - 1)}"/>`,
    `<sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}>${pane(sheet.frozen)}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols === '' ? '' : `<cols>${cols}</cols>`,
    `<sheetData>${rows}</sheetData>`,
    merges.length === 0
      ? ''
      : `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`,
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    // A4 (9), landscape, as wide as one page and as long as it takes.
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    '</worksheet>',
  ].join('');
}

function pane(frozen: XlsxSheet['frozen']): string {
  if (!frozen || (frozen.columns === 0 && frozen.rows === 0)) return '';
  const { columns, rows } = frozen;
  const active = columns > 0 && rows > 0 ? 'bottomRight' : columns > 0 ? 'topRight' : 'bottomLeft';
  return (
    `<pane xSplit="${columns}" ySplit="${rows}" topLeftCell="${ref(rows, columns)}" activePane="${active}" state="frozen"/>` +
    `<selection pane="${active}" activeCell="${ref(rows, columns)}" sqref="${ref(rows, columns)}"/>`
  );
}

function rowXml(row: XlsxRow, r: number, strings: SharedStrings, styles: Styles): string {
  const cells = row.cells
    .map((cell, c) => (cell ? cellXml(cell, ref(r, c), strings, styles) : ''))
    .join('');
  const height = row.height === undefined ? '' : ` ht="${row.height}" customHeight="1"`;
  return `<row r="${r + 1}"${height}>${cells}</row>`;
}

function cellXml(cell: XlsxCell, at: string, strings: SharedStrings, styles: Styles): string {
  const s = cell.style ? styles.index(cell.style) : 0;
  const style = s === 0 ? '' : ` s="${s}"`;
  const { value } = cell;
  if (typeof value === 'string')
    return `<c r="${at}"${style} t="s"><v>${strings.index(value)}</v></c>`;
  const number =
    value instanceof Date ? value.getTime() / DAY_MS + EPOCH_DAYS : (value ?? Number.NaN);
  // A missing value (or one no cell can hold) leaves the cell empty, its style kept.
  if (!Number.isFinite(number)) return style === '' ? '' : `<c r="${at}"${style}/>`;
  return `<c r="${at}"${style}><v>${number}</v></c>`;
}

/** What XML 1.0 cannot hold: every character but tab, the newlines and the ranges it allows (a lone surrogate is not one). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as an element's content: what XML cannot hold dropped, the rest escaped. */
function xmlText(text: string): string {
  let kept = text.replace(NOT_XML, '').slice(0, MAX_TEXT);
  // Not half a character: a cut between the two halves of an emoji would leave a lone one.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return escapeXml(kept);
}

/** A cell's text: an `_x0041_` kept as written, which spreadsheets read as the character it codes. */
function cellText(text: string): string {
  return xmlText(text).replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
}

/** Every text once, by its index (the xl/sharedStrings.xml part). */
class SharedStrings {
  readonly #indices = new Map<string, number>();
  #uses = 0;

  index(text: string): number {
    this.#uses += 1;
    let i = this.#indices.get(text);
    if (i === undefined) {
      i = this.#indices.size;
      this.#indices.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = [...this.#indices.keys()]
      .map((t) => `<si><t xml:space="preserve">${cellText(t)}</t></si>`)
      .join('');
    return `${XML}<sst xmlns="${NS.main}" count="${this.#uses}" uniqueCount="${this.#indices.size}">${items}</sst>`;
  }
}

/** A style's identity, its fields in one order whatever order they were given in (asked once a styled cell). */
function styleKey(s: CellStyle): string {
  return [
    s.bold,
    s.italic,
    s.size,
    s.numFmt,
    s.horizontal,
    s.vertical,
    s.wrap,
    s.bottomBorder,
  ].join('|');
}

/** Every distinct style once, by its index (the cellXfs of xl/styles.xml); 0 is the default. */
class Styles {
  readonly #xfs = new Map<string, number>([[styleKey({}), 0]]);
  readonly #fonts = new Map<string, number>([[font({}), 0]]);
  readonly #formats = new Map<string, number>();
  readonly #entries: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  index(style: CellStyle): number {
    const key = styleKey(style);
    let i = this.#xfs.get(key);
    if (i === undefined) {
      i = this.#entries.length;
      this.#xfs.set(key, i);
      this.#entries.push(this.#xf(style));
    }
    return i;
  }

  #xf(style: CellStyle): string {
    const fontId = this.#font(style);
    const numFmtId = style.numFmt === undefined ? 0 : this.#format(style.numFmt);
    const borderId = style.bottomBorder ? 1 : 0;
    const alignment = [
      style.horizontal && `horizontal="${style.horizontal}"`,
      style.vertical && `vertical="${style.vertical === 'middle' ? 'center' : 'top'}"`,
      style.wrap && 'wrapText="1"',
    ].filter(Boolean);
    const applied = [
      numFmtId !== 0 && 'applyNumberFormat="1"',
      fontId !== 0 && 'applyFont="1"',
      borderId !== 0 && 'applyBorder="1"',
      alignment.length > 0 && 'applyAlignment="1"',
    ].filter(Boolean);
    const attributes = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${applied.map((a) => ` ${a}`).join('')}`;
    return alignment.length === 0
      ? `<xf ${attributes}/>`
      : `<xf ${attributes}><alignment ${alignment.join(' ')}/></xf>`;
  }

  #font(style: CellStyle): number {
    const xml = font(style);
    let i = this.#fonts.get(xml);
    if (i === undefined) {
      i = this.#fonts.size;
      this.#fonts.set(xml, i);
    }
    return i;
  }

  #format(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let i = this.#formats.get(code);
    if (i === undefined) {
      i = FIRST_CUSTOM_FORMAT + this.#formats.size;
      this.#formats.set(code, i);
    }
    return i;
  }

  xml(): string {
    const formats = [...this.#formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    const fonts = [...this.#fonts.keys()];
    return [
      XML,
      `<styleSheet xmlns="${NS.main}">`,
      formats.length === 0
        ? ''
        : `<numFmts count="${formats.length}">${formats.join('')}</numFmts>`,
      `<fonts count="${fonts.length}">${fonts.join('')}</fonts>`,
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>',
      '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.#entries.length}">${this.#entries.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '</styleSheet>',
    ].join('');
  }
}

function font(style: Pick<CellStyle, 'bold' | 'italic' | 'size'>): string {
  return `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}<sz val="${style.size ?? 11}"/><name val="Calibri"/><family val="2"/></font>`;
}

function contentTypes(sheets: number): string {
  const sheet = (i: number) =>
    `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  return [
    XML,
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...Array.from({ length: sheets }, (_, i) => sheet(i + 1)),
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
    '</Types>',
  ].join('');
}

function packageRels(): string {
  return [
    XML,
    `<Relationships xmlns="${NS.pkg}">`,
    `<Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.xml"/>`,
    `<Relationship Id="rId2" Type="${NS.pkg}/metadata/core-properties" Target="docProps/core.xml"/>`,
    `<Relationship Id="rId3" Type="${NS.rel}/extended-properties" Target="docProps/app.xml"/>`,
    '</Relationships>',
  ].join('');
}

function coreProps(book: XlsxBook, day: Date): string {
  const when = day.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    XML,
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xmlText(book.title)}</dc:title>`,
    `<dc:creator>${xmlText(book.creator)}</dc:creator>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

function appProps(): string {
  return `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>enquete</Application></Properties>`;
}

function workbookXml(sheets: XlsxSheet[]): string {
  const list = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  return `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView/></bookViews><sheets>${list}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const sheet = (i: number) =>
    `<Relationship Id="rId${i}" Type="${NS.rel}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return [
    XML,
    `<Relationships xmlns="${NS.pkg}">`,
    ...Array.from({ length: sheets }, (_, i) => sheet(i + 1)),
    `<Relationship Id="rId${sheets + 1}" Type="${NS.rel}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${sheets + 2}" Type="${NS.rel}/sharedStrings" Target="sharedStrings.xml"/>`,
    '</Relationships>',
  ].join('');
}
