/**
 * CRC-32 as zip, PNG and zlib define it: the PNG encoder's chunks
 * (charts/indexed-png.ts) and the check of a workbook's parts against their
 * zip's directory (ingest/open-workbook.ts). Node's own (zlib.crc32) where
 * Node has it (from 20.15), else computed here.
 */
import * as zlib from 'node:zlib';

type Crc32 = (bytes: Uint8Array, previous?: number) => number;

const native = (zlib as unknown as { crc32?: Crc32 }).crc32;

/** The CRC-32 of `bytes`, continuing `previous` (the CRC of the bytes before them; 0 to start). */
export const crc32: Crc32 = native ?? crc32ByTable;

const TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The same, a byte at a time through a table: for a Node without zlib.crc32 (exported for its test). */
export function crc32ByTable(bytes: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (const byte of bytes) c = (TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
