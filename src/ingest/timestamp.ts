/**
 * The timestamp forms editors get: Google Forms' CSV download
 * ("2024/04/23 9:15:32 AM UTC+2", offset included), a Google Sheets CSV
 * download or a spreadsheet's date cell ("23/04/2024 09:15:32", local time of
 * the edition's time zone), ISO 8601 as Microsoft Forms' text cells may hold
 * it ("2024-04-23T09:15:32", with an offset or in local time), and a
 * spreadsheet's serial date ("45405.38578703704": days since 30 December
 * 1899, the time of day as the fraction, local time).
 */
const FORMS =
  /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?: ?([AP]M))? (?:UTC|GMT)([+-]\d{1,2})(?::?(\d{2}))?$/i;
const SHEETS = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** Fractions of a second are dropped, as the other forms have none. */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?$/i;
const SERIAL = /^\d{5}(?:[.,]\d+)?$/;
/**
 * Serial dates are read from 1 January 2000 to 31 December 2099 only: a
 * number outside is a count or a code, not a date a survey was answered on.
 */
const SERIAL_FIRST = 36_526;
const SERIAL_END = 73_051;
/** Serial dates count days from 30 December 1899 (from March 1900 on: spreadsheets keep Lotus 1-2-3's 29 February 1900). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export interface ParsedTime {
  epochMs: number;
  /** The offset from UTC it was recorded in, in minutes (Paris in summer: 120). */
  offsetMinutes: number;
}

/**
 * A date written month first, as a spreadsheet set to American English
 * writes it ("4/23/2024 9:15:32", "4/5/2024 9:15:32 AM"): its second number
 * over 12, or the hour said AM or PM. Read day first, as the French
 * spreadsheet's form above, it would be refused or misread: it is refused,
 * with a message that says where the month-first order comes from.
 */
const MONTH_FIRST = /^(\d{1,2})\/(\d{1,2})\/\d{4},? \d{1,2}:\d{2}(?::\d{2})?( ?[AP]M)?$/i;

/** Whether `text` is a date and time as a spreadsheet in American English writes it. */
export function looksMonthFirst(text: string): boolean {
  const m = MONTH_FIRST.exec(text.trim());
  if (!m) return false;
  const [first, second] = [Number(m[1]), Number(m[2])];
  return first >= 1 && first <= 12 && second >= 1 && second <= 31 && (second > 12 || !!m[3]);
}

/** Returns null when the text is in none of these forms or names an impossible date. */
export function parseTimestamp(text: string, timeZone: string): ParsedTime | null {
  const cell = text.trim();
  const forms = FORMS.exec(cell);
  if (forms) {
    const [, y, mo, d, h, mi, s, ampm, offH, offM] = forms;
    let hour = Number(h);
    if (ampm) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
    }
    const sign = (offH as string).startsWith('-') ? -1 : 1;
    const offset = sign * (Math.abs(Number(offH)) * 60 + Number(offM ?? 0));
    return build(Number(y), Number(mo), Number(d), hour, Number(mi), Number(s), offset);
  }
  const sheets = SHEETS.exec(cell);
  if (sheets) {
    const [, d, mo, y, h, mi, s] = sheets;
    return localTime(
      [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0)],
      timeZone,
    );
  }
  const iso = ISO.exec(cell);
  if (iso) {
    const [, y, mo, d, h, mi, s, zulu, sign, offH, offM] = iso;
    const fields = [
      Number(y),
      Number(mo),
      Number(d),
      Number(h),
      Number(mi),
      Number(s ?? 0),
    ] as const;
    if (!zulu && !sign) return localTime(fields, timeZone);
    const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM ?? 0)) : 0;
    return build(...fields, offset);
  }
  if (SERIAL.test(cell)) return serialTime(Number(cell.replace(',', '.')), timeZone);
  return null;
}

type Fields = readonly [y: number, mo: number, d: number, h: number, mi: number, s: number];

/** A wall-clock time of the edition's time zone (a form that writes no offset). */
function localTime(fields: Fields, timeZone: string): ParsedTime | null {
  const asUtc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
  const offset = zoneOffsetMinutes(timeZone, asUtc);
  // Near a DST change the first guess can be an hour off: recompute at the guessed instant.
  const refined = zoneOffsetMinutes(timeZone, asUtc - offset * 60_000);
  return build(...fields, refined);
}

/** A spreadsheet's serial date, to the nearest second, as a wall-clock time of the edition's time zone. */
function serialTime(serial: number, timeZone: string): ParsedTime | null {
  if (!(serial >= SERIAL_FIRST && serial < SERIAL_END)) return null;
  const wall = new Date(SERIAL_EPOCH_MS + Math.round(serial * 86_400) * 1000);
  return localTime(wallClockFields(wall), timeZone);
}

/** The fields of a wall-clock time kept in a Date's UTC fields (how spreadsheet libraries hand over a date cell). */
function wallClockFields(wall: Date): Fields {
  return [
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
  ];
}

/**
 * A spreadsheet's date cell, its wall-clock time in the Date's UTC fields, as
 * a Google Sheets CSV download writes it ("23/04/2024 09:15:32", to the
 * nearest second), which parseTimestamp reads in the edition's time zone; a
 * cell whose format shows no time of day is written as its date alone.
 */
export function sheetsText(wall: Date, withTime = true): string {
  const [y, mo, d, h, mi, s] = wallClockFields(new Date(Math.round(wall.getTime() / 1000) * 1000));
  const pad = (x: number) => String(x).padStart(2, '0');
  const date = `${pad(d)}/${pad(mo)}/${String(y).padStart(4, '0')}`;
  return withTime ? `${date} ${pad(h)}:${pad(mi)}:${pad(s)}` : date;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMin: number,
): ParsedTime | null {
  // Years below 100 would be read by Date.UTC as 19xx: not a date any form writes.
  if (
    y < 100 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > daysInMonth(y, mo) ||
    h > 23 ||
    mi > 59 ||
    s > 59
  )
    return null;
  return {
    epochMs: Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60_000,
    offsetMinutes: offsetMin,
  };
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/** ISO 8601 in the offset it was recorded in: 2024-04-23T09:15:32+02:00 (for people, not for counting). */
export function isoTimestamp(t: ParsedTime): string {
  const local = new Date(t.epochMs + t.offsetMinutes * 60_000);
  const pad = (x: number, n = 2) => String(Math.abs(x)).padStart(n, '0');
  const off = t.offsetMinutes;
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${off < 0 ? '-' : '+'}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

/** Offset of a time zone from UTC at an instant, in minutes (Europe/Paris in summer: 120). */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  return byQuarterHour(`offset:${timeZone}`, epochMs, () => lookUpOffset(timeZone, epochMs));
}

function lookUpOffset(timeZone: string, epochMs: number): number {
  const parts = formatter(
    `parts:${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  ).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(epochMs: number, timeZone: string): string {
  return byQuarterHour(`day:${timeZone}`, epochMs, () =>
    formatter(
      `day:${timeZone}`,
      () =>
        new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        }),
    ).format(new Date(epochMs)),
  );
}

/**
 * What Intl says of an instant, remembered per quarter hour: offsets from
 * UTC change only on whole quarter hours, so every instant of a quarter hour
 * has the same offset and falls on the same local day, and a million
 * timestamps need only a few thousand look-ups.
 */
function byQuarterHour<T extends string | number>(
  kind: string,
  epochMs: number,
  lookUp: () => T,
): T {
  let memo = quarterHours.get(kind) as Map<number, T> | undefined;
  if (!memo) {
    memo = new Map();
    quarterHours.set(kind, memo);
  }
  const quarter = Math.floor(epochMs / 900_000);
  let value = memo.get(quarter);
  if (value === undefined) {
    value = lookUp();
    memo.set(quarter, value);
  }
  return value;
}
const quarterHours = new Map<string, Map<number, string | number>>();

/** Intl formatters are slow to create and fine to share: one per time zone and use. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}
