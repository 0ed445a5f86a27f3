/** Figure ids read back: parseFigureId undoes figureId, and figureIdFrom redoes it, for every id of 2024. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import {
  type Figure,
  figureId,
  figureIdFrom,
  parseFigureId,
  questionOf,
} from '../../src/analysis/figures.js';
import { silentLog } from '../../src/log.js';

let figures: Figure[];
beforeAll(async () => {
  ({ figures } = await analyseEdition('data/2024', silentLog));
});

describe('parseFigureId', () => {
  it('reads each kind of id figureId makes', () => {
    expect(parseFigureId(figureId.respondents('cadres'))).toEqual({
      measure: 'respondents',
      segment: 'cadres',
      change: false,
    });
    expect(parseFigureId(figureId.share('usage', 'oui', 'all'))).toEqual({
      measure: 'share',
      question: 'usage',
      answer: 'oui',
      segment: 'all',
      change: false,
    });
    expect(parseFigureId(figureId.change(figureId.mean('satisfaction', 'radiologues')))).toEqual({
      measure: 'mean',
      question: 'satisfaction',
      segment: 'radiologues',
      change: true,
    });
    expect(parseFigureId(figureId.answered('usage', 'all'))?.measure).toBe('answered');
    expect(parseFigureId(figureId.missing('usage', 'all'))?.measure).toBe('missing');
    expect(parseFigureId(figureId.otherDistinct('freins', 'all'))?.measure).toBe('otherDistinct');
    expect(parseFigureId(figureId.date('horodateur', 'first'))).toMatchObject({ which: 'first' });
  });

  it('is undone by figureIdFrom, and names the question and segment, for every figure of 2024', () => {
    for (const f of figures) {
      const parts = parseFigureId(f.id);
      expect(parts, f.id).not.toBeNull();
      if (!parts) continue;
      expect(figureIdFrom(parts)).toBe(f.id);
      expect(parts.segment, f.id).toBe(f.segment);
      expect(questionOf(parts), f.id).toBe(f.question);
    }
  });

  it('refuses what is not a figure id', () => {
    const notIds = [
      'usage',
      'a.b',
      'usage.oui.share',
      'Usage.oui.share.all',
      'x.y.z.w.v',
      'usage.oui.mean.all.x',
      'usage.total.count.all',
      'horodateur.middle.date.all',
    ];
    for (const text of notIds) expect(parseFigureId(text), text).toBeNull();
  });
});
