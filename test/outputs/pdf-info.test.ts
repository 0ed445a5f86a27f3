import { describe, expect, it } from 'vitest';
import { textString, withInfo } from '../../src/outputs/pdf-info.js';

const PDF =
  '%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type /Pages /Kids [] /Count 0>>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \ntrailer\n<</Size 3\n/Root 1 0 R>>\nstartxref\n105\n%%EOF\n';

describe('withInfo', () => {
  it('appends an information dictionary as an incremental update', () => {
    const info = {
      Title: 'Titre',
      Author: 'La rédaction',
      Subject: 'S',
      Keywords: 'k',
      Creator: 'c',
      Producer: 'p',
      date: '2024-10-15',
    };
    const out = Buffer.from(withInfo(Buffer.from(PDF, 'latin1'), info)).toString('latin1');
    expect(out.startsWith(PDF)).toBe(true);
    const added = out.slice(PDF.length);
    expect(added).toMatch(/^3 0 obj\n<<\/Title <FEFF/);
    expect(added).toContain('/CreationDate (D:20241015000000Z)');
    expect(added).toContain('trailer\n<</Size 4\n/Root 1 0 R\n/Info 3 0 R\n/Prev 105>>');
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(added)?.[1]);
    expect(out.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const objectAt = Number(/xref\n3 1\n(\d{10}) 00000 n \n/.exec(added)?.[1]);
    expect(out.slice(objectAt, objectAt + 8)).toBe('3 0 obj\n');
  });

  it('writes any text as UTF-16 hex', () => {
    expect(textString('é)')).toBe('<FEFF00E90029>');
  });

  it('refuses a PDF it cannot update', () => {
    expect(() =>
      withInfo(Buffer.from('%PDF-1.7 no trailer'), {
        Title: '',
        Author: '',
        Subject: '',
        Keywords: '',
        Creator: '',
        Producer: '',
        date: '2024-01-01',
      }),
    ).toThrow(/no classic trailer/);
  });
});
