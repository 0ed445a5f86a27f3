/**
 * The tables' faster paths give what the plain ones gave: the responses per
 * week from each hour's offset rather than a date asked of Intl per
 * response, and the letters from a comparer that remembers the bases and
 * how many respondents two bases share rather than counting them again for
 * every answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import { type Comparer, ResponseComparer } from '../../src/analysis/compare.js';
import { freeText } from '../../src/analysis/free-text.js';
import { FigureIndex } from '../../src/format/figure-index.js';
import { silentLog } from '../../src/log.js';
import type { SurveyTables } from '../../src/tables/model.js';
import { perWeek, surveyTables } from '../../src/tables/tables.js';

/** The responses per week as they were first counted: one date asked of Intl per response. */
function plainPerWeek(times: ArrayLike<number>, timeZone: string) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' });
  const weeks = new Map<string, number>();
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (Number.isNaN(t)) continue;
    const date = new Date(`${day.format(t)}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    const week = date.toISOString().slice(0, 10);
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, count]) => ({ week, count }));
}

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('the responses per week', () => {
  // Summer time at midnight (São Paulo, Santiago), half an hour (Lord Howe), an offset
  // in seconds (Monrovia until 1972), a day skipped (Apia, 2011), quarter hours (Kathmandu, Chatham).
  const zones = [
    'Europe/Paris',
    'America/Sao_Paulo',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Africa/Monrovia',
    'Pacific/Apia',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'America/St_Johns',
    'UTC',
  ];
  const next = random(23);
  const spread = Array.from({ length: 4000 }, () =>
    Math.floor(Date.UTC(1960, 0, 1) + next() * (Date.UTC(2035, 0, 1) - Date.UTC(1960, 0, 1))),
  );
  // Every 7 minutes and some milliseconds over two weeks around changes of offset.
  const around = [
    Date.UTC(2024, 2, 31),
    Date.UTC(2024, 9, 27),
    Date.UTC(2018, 10, 4),
    Date.UTC(2011, 11, 29),
    Date.UTC(1972, 0, 7),
  ].flatMap((t) => Array.from({ length: 2880 }, (_, i) => t - 7 * DAY + i * 7 * MINUTE + i * 37));
  const times = Float64Array.from([...spread, ...around, Number.NaN, Date.UTC(1000, 5, 1)]);

  it.each(zones)('are the same counted from each hour’s offset, in %s', (zone) => {
    expect(perWeek(times, zone)).toEqual(plainPerWeek(times, zone));
  });
});

describe('the letters', () => {
  let fast: SurveyTables;
  let plain: SurveyTables;

  beforeAll(async () => {
    const a = await analyseEdition('data/2024', silentLog);
    const { config } = a.edition;
    // A comparer of its own for every comparison: nothing remembered from one to the next.
    const forgetful: Comparer = {
      compare: (x, y) => new ResponseComparer(config, a.ingested.responses).compare(x, y),
    };
    const tables = (comparer: Comparer) =>
      surveyTables({
        config,
        index: new FigureIndex(a.figures, new Map(), comparer),
        freeText: freeText(config, a.ingested.responses),
        times: a.ingested.responses.timestamp.epochMs,
        respondents: a.ingested.responses.count,
      });
    fast = tables(a.comparer);
    plain = tables(forgetful);
  });

  it('are the same, with the same cells, from a comparer that remembers what it counted', () => {
    const letters = (t: SurveyTables) =>
      t.questions.flatMap((q) =>
        [q.topline, ...q.crossTabs].flatMap((x) => x.rows.flatMap((r) => r.cells)),
      );
    expect(letters(fast).filter((c) => c.letters !== '').length).toBeGreaterThan(10);
    expect(fast).toEqual(plain);
  });
});
