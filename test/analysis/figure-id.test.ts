/** Figure ids read back: parseFigureId undoes figureId, for every id the 2024 edition has. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import { type Figure, figureId, parseFigureId } from '../../src/analysis/figures.js';
import { silentLog } from '../../src/log.js';

let figures: Figure[];
beforeAll(async () => {
  ({ figures } = await analyseEdition('data/2024', silentLog));
});

describe('parseFigureId', () => {
  it('reads each kind of id figureId makes', () => {
    expect(parseFigureId(figureId.respondents('cadres'))).toEqual({
      measure: 'count',
      segment: 'cadres',
      change: false,
    });
    expect(parseFigureId(figureId.share('usage', 'oui', 'all'))).toEqual({
      question: 'usage',
      answer: 'oui',
      measure: 'share',
      segment: 'all',
      change: false,
    });
    expect(parseFigureId(figureId.change(figureId.mean('satisfaction', 'radiologues')))).toEqual({
      question: 'satisfaction',
      measure: 'mean',
      segment: 'radiologues',
      change: true,
    });
    expect(parseFigureId(figureId.otherDistinct('freins', 'all'))?.question).toBe('freins');
    expect(parseFigureId(figureId.date('horodateur', 'first'))?.measure).toBe('date');
  });

  it('names the question and segment of every figure of 2024', () => {
    for (const f of figures) {
      const parts = parseFigureId(f.id);
      expect(parts, f.id).not.toBeNull();
      expect(parts?.segment, f.id).toBe(f.segment);
      expect(parts?.question, f.id).toBe(f.question);
    }
  });

  it('refuses what is not a figure id', () => {
    for (const text of [
      'usage',
      'a.b',
      'usage.oui.share',
      'Usage.oui.share.all',
      'x.y.z.w.v',
      'usage.oui.mean.all.x',
    ])
      expect(parseFigureId(text), text).toBeNull();
  });
});
