/** CRC-32: Node's where it has one, and the table's that stands in for it, on the standard check value. */
import { describe, expect, it } from 'vitest';
import { crc32, crc32ByTable } from '../src/crc32.js';

const CHECK = new TextEncoder().encode('123456789');

describe('crc32', () => {
  it('gives the standard check value, whole or continued part by part', () => {
    for (const f of [crc32, crc32ByTable]) {
      expect(f(CHECK)).toBe(0xcbf43926);
      expect(f(CHECK.subarray(4), f(CHECK.subarray(0, 4)))).toBe(0xcbf43926);
      expect(f(new Uint8Array())).toBe(0);
    }
  });

  it('agrees with the table on random bytes', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(crc32(bytes)).toBe(crc32ByTable(bytes));
  });
});
