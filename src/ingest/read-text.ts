/**
 * Bytes of an export -> text. Exports arrive as Google's UTF-8 (with or
 * without BOM) or re-saved by Excel in Windows-1252; anything with NUL bytes
 * is not a text export at all.
 */
import { InputError } from '../errors.js';

export type Encoding = 'utf-8' | 'windows-1252';

export function decodeExport(
  bytes: Uint8Array,
  file: string,
): { text: string; encoding: Encoding } {
  if (bytes.length === 0 || isBlank(bytes)) {
    throw new InputError('Reading the responses', [
      {
        file,
        expected: 'a CSV export with a header row and at least one response',
        found: 'an empty file',
        fix: 'Download the responses again from Google Forms ("Download responses (.csv)").',
      },
    ]);
  }
  if (bytes.includes(0)) {
    throw new InputError('Reading the responses', [
      {
        file,
        expected: 'a text CSV file',
        found: 'binary content (NUL bytes): perhaps an .xlsx workbook or a zip archive',
        fix: 'Export the responses as CSV (Google Forms: "Download responses (.csv)"; Excel: "CSV UTF-8").',
      },
    ]);
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)),
      encoding: 'utf-8',
    };
  } catch {
    // Not valid UTF-8: the file was re-saved by Excel in the Windows code page.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function isBlank(bytes: Uint8Array): boolean {
  return bytes.every(
    (b) =>
      b === 0x20 ||
      b === 0x09 ||
      b === 0x0a ||
      b === 0x0d ||
      b === 0xef ||
      b === 0xbb ||
      b === 0xbf,
  );
}
