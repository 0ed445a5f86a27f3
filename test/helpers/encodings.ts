/** Text as Excel on Windows saves a CSV: Windows-1252, one byte per character. */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map(windows1252Byte));
}

/** The characters of the 2024 export beyond Latin-1 have these bytes in Windows-1252. */
const SPECIALS: Record<number, number> = { 8217: 0x92, 8230: 0x85, 339: 0x9c, 8364: 0x80 };

function windows1252Byte(ch: string): number {
  const code = ch.codePointAt(0) as number;
  if (code < 0x100) return code;
  const b = SPECIALS[code];
  if (b === undefined) throw new Error(`no Windows-1252 byte for U+${code.toString(16)}`);
  return b;
}
