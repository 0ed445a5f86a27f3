/** The finishing update of the printed PDF, and the marking of untagged content as artifacts. */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentTokens, markArtifacts } from '../../src/outputs/pdf-content.js';
import { finishPdf, textString, xmpPacket } from '../../src/outputs/pdf-finish.js';

/** A one-page PDF as Chromium writes one: classic xref, a compressed content stream, an /ID. */
function tinyPdf(content: string): Buffer {
  const stream = deflateSync(Buffer.from(content, 'latin1'));
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  const add = (b: Buffer) => parts.push(b);
  const length = () => parts.reduce((n, p) => n + p.length, 0);
  const obj = (n: number, body: Buffer | string) => {
    offsets[n] = length();
    add(Buffer.from(`${n} 0 obj\n`));
    add(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    add(Buffer.from('\nendobj\n'));
  };
  obj(1, '<</Type /Catalog /Pages 2 0 R /Lang (fr) /MarkInfo <</Marked true>>>>');
  obj(2, '<</Type /Pages /Kids [3 0 R] /Count 1>>');
  obj(3, '<</Type /Page /Parent 2 0 R /Contents 4 0 R>>');
  obj(
    4,
    Buffer.concat([
      Buffer.from(`<</Filter /FlateDecode\n/Length ${stream.length}>> stream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
  );
  obj(5, '<</Title (x) /CreationDate (D:20260101120000)>>');
  const xref = length();
  const rows = offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`);
  add(
    Buffer.from(
      `xref\n0 6\n0000000000 65535 f \n${rows.join('')}trailer\n<</Size 6\n/Root 1 0 R\n/Info 5 0 R\n/ID [<AB> <AB>]>>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

const INFO = {
  Title: 'Titre « enquête »',
  Author: 'La rédaction',
  Subject: 'S & co',
  Keywords: 'k',
  Creator: 'c',
  Producer: 'p',
  date: '2024-10-15',
  lang: 'fr',
};

describe('finishPdf', () => {
  const page =
    'q 1 1 1 rg 0 0 10 10 re f Q /P <</MCID 0>> BDC BT (corps) Tj ET EMC BT /F1 8 Tf (Page 1 / 2) Tj ET';
  const pdf = tinyPdf(page);
  const out = Buffer.from(finishPdf(pdf, INFO)).toString('latin1');
  const added = out.slice(pdf.length);

  it('keeps the printed bytes (but the dates) and appends one update pointing back', () => {
    expect(out.slice(0, 20)).toBe(pdf.toString('latin1').slice(0, 20));
    expect(out).toContain('/CreationDate (D:20241015000000)');
    expect(added).toMatch(
      /trailer\n<<\/Size 8\n\/Root 1 0 R\n\/Info 6 0 R\n\/ID \[<AB> <AB>\]\n\/Prev \d+>>/,
    );
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(added)?.[1]);
    expect(out.slice(xrefAt, xrefAt + 4)).toBe('xref');
    // Every entry of the new table points at its object.
    for (const m of added.matchAll(/(\d+) 1\n(\d{10}) 00000 n \n/g)) {
      expect(out.slice(Number(m[2]), Number(m[2]) + (m[1] as string).length + 6)).toBe(
        `${m[1]} 0 obj`,
      );
    }
  });

  it('adds the information dictionary, XMP metadata and the displayed title to the catalog', () => {
    expect(added).toMatch(/6 0 obj\n<<\/Title <FEFF/);
    expect(added).toMatch(
      /7 0 obj\n<<\/Type \/Metadata \/Subtype \/XML \/Length \d+>>\nstream\n<\?xpacket/,
    );
    expect(added).toMatch(
      /1 0 obj\n<<\/Type \/Catalog \/Pages 2 0 R \/Lang \(fr\) \/MarkInfo <<\/Marked true>>\n\/Metadata 7 0 R\n\/ViewerPreferences <<\/DisplayDocTitle true>>>>/,
    );
  });

  it('writes the XMP PDF/UA asks for, escaped', () => {
    const xmp = xmpPacket(INFO);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<rdf:li>fr</rdf:li>');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Titre « enquête »</rdf:li>');
    expect(xmp).toContain('S &#38; co');
  });

  it('refuses a PDF it cannot update', () => {
    expect(() => finishPdf(Buffer.from('%PDF-1.7 no trailer'), INFO)).toThrow(/no classic trailer/);
  });

  it('writes any text as UTF-16 hex', () => {
    expect(textString('é)')).toBe('<FEFF00E90029>');
  });
});

describe('markArtifacts', () => {
  it('wraps untagged text as pagination and painted paths as layout, leaving tagged content', () => {
    const marked = markArtifacts(
      'q 1 1 1 rg 0 0 10 10 re f Q /P <</MCID 0>> BDC BT (a \\) b) Tj ET 0 0 5 5 re f EMC BT (Page 1) Tj ET 0 0 1 1 re W n',
    );
    expect(marked).toBe(
      'q 1 1 1 rg /Artifact <</Type /Layout>> BDC\n0 0 10 10 re f\nEMC Q /P <</MCID 0>> BDC BT (a \\) b) Tj ET 0 0 5 5 re f EMC /Artifact <</Type /Pagination>> BDC\nBT (Page 1) Tj ET\nEMC 0 0 1 1 re W n',
    );
  });
  it('reads strings, hex strings, dictionaries and inline images as single tokens', () => {
    const tokens = [...contentTokens('(x (y) z) <00AF> <</A 1>> BI /W 1 ID \x00\xff EI Q')].map(
      (t) => t.text,
    );
    expect(tokens).toEqual([
      '(x (y) z)',
      '<00AF>',
      '<<',
      '/A',
      '1',
      '>>',
      'BI',
      '/W',
      '1',
      'ID',
      'Q',
    ]);
  });
});
