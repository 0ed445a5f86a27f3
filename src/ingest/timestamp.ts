/**
 * The two timestamp forms editors get: Google Forms' CSV download
 * ("2024/04/23 9:15:32 AM UTC+2", offset included) and a Google Sheets CSV
 * download ("23/04/2024 09:15:32", local time of the edition's time zone).
 */
const FORMS =
  /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?: ?([AP]M))? (?:UTC|GMT)([+-]\d{1,2})(?::?(\d{2}))?$/i;
const SHEETS = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/;

export interface ParsedTime {
  epochMs: number;
  /** The offset from UTC it was recorded in, in minutes (Paris in summer: 120). */
  offsetMinutes: number;
}

/** Returns null when the text is in neither form or names an impossible date. */
export function parseTimestamp(text: string, timeZone: string): ParsedTime | null {
  const forms = FORMS.exec(text.trim());
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
  const sheets = SHEETS.exec(text.trim());
  if (sheets) {
    const [, d, mo, y, h, mi, s] = sheets;
    const fields = [
      Number(y),
      Number(mo),
      Number(d),
      Number(h),
      Number(mi),
      Number(s ?? 0),
    ] as const;
    const offset = zoneOffsetMinutes(timeZone, Date.UTC(...fields));
    // Near a DST change the first guess can be an hour off: recompute at the guessed instant.
    const refined = zoneOffsetMinutes(timeZone, Date.UTC(...fields) - offset * 60_000);
    return build(...fields, refined);
  }
  return null;
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
