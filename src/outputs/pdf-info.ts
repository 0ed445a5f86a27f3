/**
 * Chromium writes the PDF's title and language but not its author, subject
 * or keywords, and stamps it with the time of printing. This adds a new
 * document information dictionary as a PDF incremental update (ISO 32000-1,
 * 7.5.6): the printed bytes stay as they are, followed by one object, its
 * cross-reference entry and a trailer pointing back to the original one.
 */
export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
  /** YYYY-MM-DD: creation and modification date, so the same inputs give the same file. */
  date: string;
}

export function withInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const size = trailer && /\/Size (\d+)/.exec(trailer[1] as string);
  const root = trailer && /\/Root (\d+ \d+ R)/.exec(trailer[1] as string);
  if (!trailer || !size || !root)
    throw new Error('unexpected PDF from Chromium: no classic trailer to update');
  const number = Number(size[1]);
  const date = `D:${info.date.replaceAll('-', '')}000000Z`;
  const entries = (['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const)
    .map((key) => `/${key} ${textString(info[key])}`)
    .concat([`/CreationDate (${date})`, `/ModDate (${date})`]);
  const separator = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const object = `${separator}${number} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const objectOffset = pdf.length + separator.length;
  const xrefOffset = pdf.length + Buffer.byteLength(object, 'latin1');
  const update =
    `${object}xref\n${number} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${number + 1}\n/Root ${root[1]}\n/Info ${number} 0 R\n/Prev ${trailer[2]}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([withFixedDates(pdf, info.date), Buffer.from(update, 'latin1')]);
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
