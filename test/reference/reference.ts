/**
 * The plain reference the columnar ingest and analysis are checked against:
 * the whole export decoded at once, rows as objects, exclusions by comparing
 * answers, every figure by filtering the rows again. Slow and obvious on
 * purpose; only the cell reader (`readCell`) and the figure id grammar are
 * shared with the real code.
 */
import { parse } from 'csv-parse/sync';
import { figureId } from '../../src/analysis/figures.js';
import { studentQuantile, wilson } from '../../src/analysis/stats.js';
import {
  type EditionConfig,
  isClosed,
  OTHER_CODE,
  type Question,
  type Segment,
} from '../../src/edition/schema.js';
import { readCell } from '../../src/ingest/cells.js';
import { localDate } from '../../src/ingest/timestamp.js';
import type { Answer, Exclusion } from '../../src/ingest/types.js';

interface Row {
  line: number;
  answers: Record<string, Answer>;
}

/** A figure's numbers, keyed by id: what the columnar figures must equal. */
export type ReferenceFigures = Map<string, Record<string, unknown>>;

export interface ReferenceResult {
  rowsIn: number;
  kept: Row[];
  excluded: Exclusion[];
  figures: ReferenceFigures;
  /** Each free-text question's items: text, count, lines. */
  freeText: {
    question: string;
    kind: string;
    items: { text: string; count: number; lines: number[] }[];
  }[];
}

/** Null when the export has a problem (the real ingest must then fail too). */
export function referenceAnalysis(
  bytes: Uint8Array,
  config: EditionConfig,
): ReferenceResult | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter:
        text.split('\n')[0]?.includes(';') && !text.split('\n')[0]?.includes(',') ? ';' : ',',
      info: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch {
    return null;
  }
  const [head, ...body] = records;
  if (!head) return null;
  const header = head.record.map((h) => h.trim());
  const rows: Row[] = [];
  const data = body.filter((r) => !(r.record.length === 1 && r.record[0]?.trim() === ''));
  for (const r of data) {
    if (r.record.length !== header.length) return null;
    const answers: Record<string, Answer> = {};
    for (const q of config.questions) {
      const column = header.indexOf(q.header);
      if (column < 0) return null;
      const read = readCell(q, r.record[column] ?? '', config.edition.timezone);
      if (!read.ok) return null;
      answers[q.id] = read.answer;
    }
    rows.push({ line: r.info.lines, answers });
  }
  const tsId = timestampId(config);
  if (
    rows.some((r) => r.answers[tsId] === null && Object.values(r.answers).some((a) => a !== null))
  )
    return null;
  const { kept, excluded } = exclusions(rows, config);
  if (kept.length === 0) return null;
  return {
    rowsIn: data.length,
    kept,
    excluded,
    figures: figures(config, kept),
    freeText: freeText(config, kept),
  };
}

const timestampId = (config: EditionConfig) =>
  config.questions.find((q) => q.type === 'timestamp')?.id as string;

function exclusions(rows: Row[], config: EditionConfig): { kept: Row[]; excluded: Exclusion[] } {
  const { start, end } = config.edition.fieldPeriod;
  const tsId = timestampId(config);
  const kept: Row[] = [];
  const excluded: Exclusion[] = [];
  for (const r of rows) {
    const answers = Object.entries(r.answers).filter(([id]) => id !== tsId);
    if (answers.every(([, a]) => a === null)) {
      excluded.push({ line: r.line, reason: 'empty', detail: 'no question answered' });
      continue;
    }
    const at = r.answers[tsId];
    const ms = at?.kind === 'time' ? at.epochMs : Number.NaN;
    const day = localDate(ms, config.edition.timezone);
    if (day < start || day > end) {
      excluded.push({
        line: r.line,
        reason: 'outside_field_period',
        detail: `submitted ${day}, outside ${start} – ${end}`,
      });
      continue;
    }
    // The last kept row with the same answers, compared answer by answer.
    const key = JSON.stringify(answers);
    const twin = [...kept]
      .reverse()
      .find((k) => JSON.stringify(Object.entries(k.answers).filter(([id]) => id !== tsId)) === key);
    const twinAt = twin?.answers[tsId];
    const gap = twinAt?.kind === 'time' ? Math.abs(ms - twinAt.epochMs) : Number.POSITIVE_INFINITY;
    if (twin && gap <= config.source.duplicateWindowMinutes * 60_000) {
      excluded.push({
        line: r.line,
        reason: 'duplicate',
        detail: `same answers as line ${twin.line}, submitted ${Math.round(gap / 60_000)} min apart`,
      });
      continue;
    }
    kept.push(r);
  }
  return { kept, excluded };
}

function isMember(r: Row, segment: Segment): boolean {
  return Object.entries(segment.where).every(([qid, wanted]) => {
    const a = r.answers[qid];
    return a?.kind === 'choice' && [wanted].flat().some((code) => a.codes.includes(code));
  });
}

function figures(config: EditionConfig, rows: Row[]): ReferenceFigures {
  const out: ReferenceFigures = new Map();
  const segments: Segment[] = [{ id: 'all', label: 'all', where: {} }, ...config.segments];
  for (const segment of segments) {
    const members = rows.filter((r) => isMember(r, segment));
    out.set(figureId.respondents(segment.id), { value: members.length });
    for (const q of config.questions) {
      if (q.type === 'timestamp') continue;
      const target = segments.find((s) => s.id === q.appliesTo);
      const asked = target ? members.filter((r) => isMember(r, target)) : members;
      const answered = asked.filter((r) => r.answers[q.id] !== null);
      out.set(figureId.answered(q.id, segment.id), { value: answered.length });
      out.set(figureId.missing(q.id, segment.id), { value: asked.length - answered.length });
      for (const code of answerCodes(q)) {
        const count = answered.filter((r) => {
          const a = r.answers[q.id];
          return (
            (a?.kind === 'choice' && a.codes.includes(code)) ||
            (a?.kind === 'number' && String(a.value) === code)
          );
        }).length;
        const base = answered.length;
        out.set(figureId.share(q.id, code, segment.id), {
          value: base > 0 ? count / base : null,
          count,
          base,
          ci: wilson(count, base),
        });
      }
      if (isClosed(q) && q.type !== 'yesno' && q.other) {
        const texts = new Set(
          answered
            .map((r) => r.answers[q.id])
            .flatMap((a) => (a?.kind === 'choice' && a.other ? [a.other] : [])),
        );
        out.set(figureId.otherDistinct(q.id, segment.id), { value: texts.size });
      }
      if (q.type === 'scale') {
        const values = answered.map((r) => (r.answers[q.id] as { value: number }).value);
        out.set(figureId.mean(q.id, segment.id), meanOf(values));
      }
    }
  }
  const tsId = timestampId(config);
  const days = rows
    .map((r) => r.answers[tsId])
    .flatMap((a) => (a?.kind === 'time' ? [localDate(a.epochMs, config.edition.timezone)] : []))
    .sort();
  out.set(figureId.date(tsId, 'first'), { value: days[0] });
  out.set(figureId.date(tsId, 'last'), { value: days.at(-1) });
  return out;
}

function answerCodes(q: Question): string[] {
  if (q.type === 'scale')
    return Array.from({ length: q.max - q.min + 1 }, (_, k) => String(q.min + k));
  if (!isClosed(q)) return [];
  const codes = q.options.map((o) => o.code);
  return q.type !== 'yesno' && q.other ? [...codes, OTHER_CODE] : codes;
}

function meanOf(values: number[]): Record<string, unknown> {
  const n = values.length;
  if (n === 0) return { value: null, base: 0, sd: null, ci: null };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { value: mean, base: n, sd: null, ci: null };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  // Student's t at n − 1 degrees of freedom, as the methodology states.
  const half = (studentQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { value: mean, base: n, sd, ci: [mean - half, mean + half] };
}

function freeText(config: EditionConfig, rows: Row[]): ReferenceResult['freeText'] {
  return config.questions.flatMap((q) => {
    if (q.type === 'text') {
      const items = rows.flatMap((r) => {
        const a = r.answers[q.id];
        return a?.kind === 'text' ? [{ text: a.text, count: 1, lines: [r.line] }] : [];
      });
      return items.length ? [{ question: q.id, kind: 'comment', items }] : [];
    }
    if (!isClosed(q) || q.type === 'yesno' || !q.other) return [];
    const texts = rows.flatMap((r) => {
      const a = r.answers[q.id];
      return a?.kind === 'choice' && a.other ? [{ text: a.other, line: r.line }] : [];
    });
    const items = [...new Set(texts.map((t) => t.text))]
      .map((text) => {
        const lines = texts.filter((t) => t.text === text).map((t) => t.line);
        return { text, count: lines.length, lines };
      })
      .sort((x, y) => y.count - x.count || x.text.localeCompare(y.text, 'fr'));
    return items.length ? [{ question: q.id, kind: 'other', items }] : [];
  });
}
