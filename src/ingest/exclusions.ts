/**
 * Which read rows are not responses to count, and why. Nothing is dropped
 * silently: each excluded row is listed with its reason.
 */
import type { EditionConfig } from '../edition/schema.js';
import { localDate } from './timestamp.js';
import type { Exclusion, Response } from './types.js';

export function applyExclusions(
  responses: Response[],
  config: EditionConfig,
): { kept: Response[]; excluded: Exclusion[] } {
  const { start, end } = config.edition.fieldPeriod;
  const timeZone = config.edition.timezone;
  const windowMs = config.source.duplicateWindowMinutes * 60_000;
  const timestampId = config.questions.find((q) => q.type === 'timestamp')?.id as string;
  const kept: Response[] = [];
  const excluded: Exclusion[] = [];
  const lastSeen = new Map<string, Response>();

  for (const r of responses) {
    const answers = Object.entries(r.answers).filter(([id]) => id !== timestampId);
    if (answers.every(([, a]) => a === null)) {
      excluded.push({ line: r.line, reason: 'empty', detail: 'no question answered' });
      continue;
    }
    const at = r.answers[timestampId];
    if (at?.kind === 'time') {
      const day = localDate(at.epochMs, timeZone);
      if (day < start || day > end) {
        excluded.push({
          line: r.line,
          reason: 'outside_field_period',
          detail: `submitted ${day}, outside ${start} – ${end}`,
        });
        continue;
      }
    }
    const key = JSON.stringify(answers);
    const twin = lastSeen.get(key);
    const twinAt = twin?.answers[timestampId];
    if (
      twin &&
      at?.kind === 'time' &&
      twinAt?.kind === 'time' &&
      Math.abs(at.epochMs - twinAt.epochMs) <= windowMs
    ) {
      excluded.push({
        line: r.line,
        reason: 'duplicate',
        detail: `same answers as line ${twin.line}, submitted ${Math.round(Math.abs(at.epochMs - twinAt.epochMs) / 60_000)} min apart`,
      });
      continue;
    }
    lastSeen.set(key, r);
    kept.push(r);
  }
  return { kept, excluded };
}
