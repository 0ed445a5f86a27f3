/**
 * Google Forms' timestamp read straight from a cell's bytes
 * ("2024/04/23 9:15:32 AM UTC+2", or 24-hour "2024/04/23 14:15:32 UTC+2"):
 * a million of them read without making a string or running a regular
 * expression. Anything else (spaces to trim, another form, a day past the
 * 28th, whose month's length the text reader checks) is NaN, and the caller reads the text with `parseTimestamp`, which
 * gives the same instant for every cell read here (a property test holds
 * the two together).
 */

const ZERO = 0x30;
const SLASH = 0x2f;
const COLON = 0x3a;
const SPACE = 0x20;

/** Epoch milliseconds of the timestamp in `b[start, end)`, or NaN when it is not this simple form. */
export function formsTimestampBytes(b: Uint8Array, start: number, end: number): number {
  let p = start;
  /** Reads 1 to `most` digits at p; -1 when there are fewer than `least`. */
  const digits = (least: number, most: number): number => {
    let value = 0;
    let n = 0;
    while (n < most && p < end) {
      const d = (b[p] as number) - ZERO;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      p++;
      n++;
    }
    return n < least ? -1 : value;
  };
  const byte = (expected: number): boolean => b[p] === expected && p++ < end;
  const year = digits(4, 4);
  if (year < 0 || !byte(SLASH)) return Number.NaN;
  const month = digits(1, 2);
  if (month < 0 || !byte(SLASH)) return Number.NaN;
  const day = digits(1, 2);
  if (day < 0 || !byte(SPACE)) return Number.NaN;
  let hour = digits(1, 2);
  if (hour < 0 || !byte(COLON)) return Number.NaN;
  const minute = digits(2, 2);
  if (minute < 0 || !byte(COLON)) return Number.NaN;
  const second = digits(2, 2);
  if (second < 0 || !byte(SPACE)) return Number.NaN;
  const meridiem = (b[p] as number) | 0x20;
  if ((meridiem === 0x61 || meridiem === 0x70) && ((b[p + 1] as number) | 0x20) === 0x6d) {
    if (hour < 1 || hour > 12) return Number.NaN;
    hour = (hour % 12) + (meridiem === 0x70 ? 12 : 0);
    p += 2;
    if (!byte(SPACE)) return Number.NaN;
  }
  const zone = ((b[p] as number) << 16) | ((b[p + 1] as number) << 8) | (b[p + 2] as number);
  if (zone !== 0x555443 /* UTC */ && zone !== 0x474d54 /* GMT */) return Number.NaN;
  p += 3;
  const sign = b[p] === 0x2b ? 1 : b[p] === 0x2d ? -1 : 0;
  if (sign === 0) return Number.NaN;
  p++;
  const offsetHours = digits(1, 2);
  if (offsetHours < 0 || p !== end) return Number.NaN;
  if (
    year < 100 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 28 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second) - sign * offsetHours * 3_600_000;
}
