/**
 * What Chromium leaves out of the PDF, added after printing as one PDF
 * incremental update (ISO 32000-1, 7.5.6): the printed bytes stay as they
 * are, followed by the new objects, their cross-reference entries and a
 * trailer pointing back to the original one.
 *
 * - the document information (Chromium writes the title only, and the
 *   time of printing: the dates become the article's);
 * - for PDF/UA-1, XMP metadata (dc:title, dc:creator, dc:description,
 *   dc:language, pdfuaid:part 1), the title displayed in the window
 *   (ViewerPreferences), and each page's untagged content (running header
 *   and footer, page background) marked as artifacts (pdf-content.ts).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { contentTokens, markArtifacts } from './pdf-content.js';
import { escapeXml } from './xml-text.js';

export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
  /** YYYY-MM-DD: creation and modification date, so the same inputs give the same file. */
  date: string;
  /** BCP 47: "fr". */
  lang: string;
}

export function finishPdf(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const file = readPdf(pdf);
  const next = file.size;
  const [infoNumber, xmpNumber] = [next, next + 1];
  const date = `D:${info.date.replaceAll('-', '')}000000Z`;
  const entries = (['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const)
    .map((key) => `/${key} ${textString(info[key])}`)
    .concat([`/CreationDate (${date})`, `/ModDate (${date})`]);
  const xmp = Buffer.from(xmpPacket(info), 'utf8');
  const catalog = file.object(file.root).dict;
  const objects = new Map<number, Buffer>([
    [infoNumber, Buffer.from(`<<${entries.join('\n')}>>`, 'latin1')],
    [xmpNumber, streamObject(`/Type /Metadata /Subtype /XML /Length ${xmp.length}`, xmp)],
    [
      file.root,
      Buffer.from(
        withKeys(catalog, [
          `/Metadata ${xmpNumber} 0 R`,
          // Chromium writes it for some pages and not others.
          ...(/\/DisplayDocTitle true/.test(catalog)
            ? []
            : ['/ViewerPreferences <</DisplayDocTitle true>>']),
        ]),
        'latin1',
      ),
    ],
  ]);
  for (const number of file.pageContents()) {
    const { dict, stream } = file.object(number);
    if (!stream) continue;
    const flate = /\/Filter\s*\/FlateDecode/.test(dict);
    const content = (flate ? inflateSync(stream) : stream).toString('latin1');
    const marked = deflateSync(Buffer.from(markArtifacts(content), 'latin1'));
    objects.set(number, streamObject(`/Filter /FlateDecode /Length ${marked.length}`, marked));
  }
  return appendUpdate(withFixedDates(pdf, info.date), file, objects, [
    `/Size ${next + 2}`,
    `/Root ${file.root} 0 R`,
    `/Info ${infoNumber} 0 R`,
    ...(file.id ? [`/ID ${file.id}`] : []),
  ]);
}

/** The XMP packet PDF/UA asks for: title, author, description, language, and the PDF/UA part. */
export function xmpPacket(info: PdfInfo): string {
  const x = escapeXml;
  const iso = `${info.date}T00:00:00Z`;
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(info.Title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${x(info.Author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(info.Subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${x(info.lang)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>${x(info.Keywords)}</pdf:Keywords>
   <pdf:Producer>${x(info.Producer)}</pdf:Producer>
   <xmp:CreatorTool>${x(info.Creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${iso}</xmp:CreateDate>
   <xmp:ModifyDate>${iso}</xmp:ModifyDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`;
}

function streamObject(dict: string, bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<<${dict}>>\nstream\n`, 'latin1'),
    bytes,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** A dictionary with entries added before its closing ">>" (keys it already has are replaced). */
function withKeys(dict: string, entries: string[]): string {
  let body = dict.slice(2, -2);
  for (const e of entries) {
    const key = (/^\/\w+/.exec(e) as RegExpExecArray)[0];
    if (new RegExp(`${key}\\b`).test(body))
      throw new Error(`unexpected PDF from Chromium: its catalog already has ${key}`);
    body += `\n${e}`;
  }
  return `<<${body}>>`;
}

/** The objects, their xref entries and the new trailer, after the printed bytes. */
function appendUpdate(
  pdf: Uint8Array,
  file: PdfFile,
  objects: Map<number, Buffer>,
  trailer: string[],
): Uint8Array {
  const parts: Buffer[] = [Buffer.from(pdf)];
  let offset = pdf.length;
  const add = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a) add(Buffer.from('\n'));
  const offsets = new Map<number, number>();
  for (const [number, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.set(number, offset);
    add(Buffer.concat([Buffer.from(`${number} 0 obj\n`), body, Buffer.from('\nendobj\n')]));
  }
  const xrefAt = offset;
  const rows = [...offsets].map(([n, at]) => `${n} 1\n${String(at).padStart(10, '0')} 00000 n \n`);
  add(
    Buffer.from(
      `xref\n${rows.join('')}trailer\n<<${[...trailer, `/Prev ${file.startxref}`].join('\n')}>>\nstartxref\n${xrefAt}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

interface PdfFile {
  size: number;
  root: number;
  id?: string;
  startxref: number;
  object(number: number): { dict: string; stream?: Buffer };
  /** The content stream objects of every page. */
  pageContents(): number[];
}

/**
 * Chromium's PDF as written: one classic cross-reference table, plain
 * objects (no object streams), direct stream lengths. Anything else is
 * refused rather than guessed at.
 */
function readPdf(pdf: Uint8Array): PdfFile {
  const bytes = Buffer.from(pdf);
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  const end = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const size = end && /\/Size (\d+)/.exec(end[1] as string);
  const root = end && /\/Root (\d+) 0 R/.exec(end[1] as string);
  if (!end || !size || !root)
    throw new Error('unexpected PDF from Chromium: no classic trailer to update');
  const startxref = Number(end[2]);
  const table = bytes.subarray(startxref, startxref + 64 + 20 * Number(size[1])).toString('latin1');
  const head = /^xref\s+0\s+(\d+)\s+/.exec(table);
  if (!head) throw new Error('unexpected PDF from Chromium: no cross-reference table at startxref');
  const offsets: number[] = [];
  for (let k = 0; k < Number(head[1]); k++) {
    const row = table.substr(head[0].length + 20 * k, 20);
    offsets.push(row[17] === 'n' ? Number(row.slice(0, 10)) : -1);
  }
  const object = (number: number) => {
    const at = offsets[number];
    if (at === undefined || at < 0)
      throw new Error(`unexpected PDF from Chromium: no object ${number}`);
    const text = bytes.subarray(at, at + OBJECT_HEAD).toString('latin1');
    const open = new RegExp(`^${number} 0 obj\\s*`).exec(text);
    if (!open || !text.startsWith('<<', open[0].length))
      throw new Error(`unexpected PDF from Chromium: object ${number} is not a dictionary`);
    const dict = leadingDictionary(text.slice(open[0].length));
    const stream = /^\s*stream\r?\n/.exec(text.slice(open[0].length + dict.length));
    if (!stream) return { dict };
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    if (!length)
      throw new Error(`unexpected PDF from Chromium: stream ${number} without a direct length`);
    const from = at + open[0].length + dict.length + stream[0].length;
    return { dict, stream: bytes.subarray(from, from + Number(length[1])) };
  };
  const id = /\/ID\s*(\[[^\]]*\])/.exec(end[1] as string)?.[1];
  return {
    size: Number(size[1]),
    root: Number(root[1]),
    ...(id && { id }),
    startxref,
    object,
    pageContents() {
      const contents: number[] = [];
      offsets.forEach((at, number) => {
        if (at < 0 || number === 0) return;
        const head = bytes.subarray(at, at + 64).toString('latin1');
        if (!/obj\s*<<\s*\/Type \/Page\b(?!s)/.test(head)) return;
        const { dict } = object(number);
        const refs = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '';
        for (const m of refs.matchAll(/(\d+) 0 R/g)) contents.push(Number(m[1]));
      });
      return contents;
    },
  };
}

/** How much of an object is read to find its dictionary: Chromium's are a few hundred bytes. */
const OBJECT_HEAD = 65536;

/** The dictionary the text starts with ("<<" … ">>"), read with the content tokenizer (nested dictionaries, strings). */
function leadingDictionary(text: string): string {
  let depth = 0;
  for (const token of contentTokens(text)) {
    if (token.text === '<<') depth++;
    else if (token.text === '>>' && --depth === 0) return text.slice(0, token.end);
  }
  throw new Error('unexpected PDF from Chromium: a dictionary never ends');
}

/**
 * Chromium's own information dictionary, near the start of the file, still
 * holds the time of printing: its digits are overwritten with the article's
 * date, byte for byte, so no offset moves and the file stays deterministic.
 */
function withFixedDates(pdf: Uint8Array, isoDate: string): Uint8Array {
  const out = Buffer.from(pdf);
  const head = out.subarray(0, Math.min(out.length, 8192)).toString('latin1');
  const digits = `${isoDate.replaceAll('-', '')}000000`;
  for (const m of head.matchAll(/\/(?:CreationDate|ModDate) \(D:(\d{14})/g)) {
    out.write(digits, (m.index as number) + m[0].length - 14, 'latin1');
  }
  return out;
}

/** A PDF text string in UTF-16BE with its byte order mark, written in hex: any text, no escaping pitfalls. */
export function textString(text: string): string {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}
