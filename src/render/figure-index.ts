/** Figures by id, for templates: an unknown id is the template's mistake, named with its closest ids. */
import type { Figure, MeanFigure, ShareFigure } from '../analysis/figures.js';

export class UnknownFigureError extends Error {
  constructor(
    readonly figureId: string,
    readonly suggestions: string[],
    readonly reason = 'no such figure',
  ) {
    super(`${reason}: "${figureId}"`);
    this.name = 'UnknownFigureError';
  }
}

export class FigureIndex {
  private readonly byId: Map<string, Figure>;
  constructor(readonly figures: readonly Figure[]) {
    this.byId = new Map(figures.map((f) => [f.id, f]));
  }

  get(id: unknown): Figure {
    const key = String(id);
    const f = this.byId.get(key);
    if (!f) throw new UnknownFigureError(key, this.closest(key));
    return f;
  }

  share(id: unknown): ShareFigure & { value: number } {
    const f = this.get(id);
    if (f.kind !== 'share') throw new UnknownFigureError(f.id, [], `not a share but a ${f.kind}`);
    if (f.value === null)
      throw new UnknownFigureError(
        f.id,
        [],
        'nobody in this segment answered: the figure has no value',
      );
    return f as ShareFigure & { value: number };
  }

  mean(id: unknown): MeanFigure & { value: number } {
    const f = this.get(id);
    if (f.kind !== 'mean') throw new UnknownFigureError(f.id, [], `not a mean but a ${f.kind}`);
    if (f.value === null)
      throw new UnknownFigureError(
        f.id,
        [],
        'nobody in this segment answered: the figure has no value',
      );
    return f as MeanFigure & { value: number };
  }

  /** The number behind any figure: a share's ratio, a mean, a count. */
  number(id: unknown): number {
    const f = this.get(id);
    if (f.kind === 'date') throw new UnknownFigureError(f.id, [], 'a date, not a number');
    if (f.value === null)
      throw new UnknownFigureError(
        f.id,
        [],
        'nobody in this segment answered: the figure has no value',
      );
    return f.value;
  }

  private closest(id: string): string[] {
    const parts = id.split('.');
    return [...this.byId.keys()]
      .map((k) => ({ k, score: k.split('.').filter((p, i) => p === parts[i]).length }))
      .filter((x) => x.score >= Math.max(1, parts.length - 2))
      .sort((a, b) => b.score - a.score || a.k.localeCompare(b.k))
      .slice(0, 3)
      .map((x) => x.k);
  }
}
