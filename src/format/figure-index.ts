/** Figures by id, for templates: an unknown id is the template's mistake, named with its closest ids. */
import type { ChangeFigure, Figure, MeanFigure, ShareFigure } from '../analysis/figures.js';
import { figures as say } from '../messages/index.js';
import { formatDecimal } from './french.js';

export class UnknownFigureError extends Error {
  constructor(
    readonly figureId: string,
    readonly suggestions: string[],
    readonly reason = say.noSuchFigure,
  ) {
    super(`${reason}: "${figureId}"`);
    this.name = 'UnknownFigureError';
  }
}

export class FigureIndex {
  private readonly byId: Map<string, Figure>;
  constructor(
    readonly figures: readonly Figure[],
    /** Decimals of each question's means, decided once from the articles (render/precision.ts). */
    private readonly meanDecimals: ReadonlyMap<string, number> = new Map(),
  ) {
    this.byId = new Map(figures.map((f) => [f.id, f]));
  }

  /** How many decimals this figure's question's means print with, everywhere: 1 unless the articles ask for more. */
  decimals(id: unknown): number {
    const question = this.get(id).question;
    return (question === undefined ? undefined : this.meanDecimals.get(question)) ?? 1;
  }

  /** A mean (or a value on its scale, such as an interval's end) as it prints everywhere: "7,1", "7,35". */
  meanText(id: unknown, value: number = this.mean(id).value): string {
    return formatDecimal(value, this.decimals(id));
  }

  get(id: unknown): Figure {
    const key = String(id);
    const f = this.byId.get(key);
    if (!f) throw new UnknownFigureError(key, this.closest(key));
    return f;
  }

  share(id: unknown): ShareFigure & { value: number } {
    return this.valued(id, 'share') as ShareFigure & { value: number };
  }

  mean(id: unknown): MeanFigure & { value: number } {
    return this.valued(id, 'mean') as MeanFigure & { value: number };
  }

  /** A figure of a kind a helper needs, with a value (an empty segment has none). */
  private valued(id: unknown, ...kinds: ('share' | 'mean')[]): Figure {
    const f = this.get(id);
    if (!(kinds as string[]).includes(f.kind))
      throw new UnknownFigureError(f.id, [], say.notKind(kinds, f.kind));
    if (f.value === null) throw new UnknownFigureError(f.id, [], say.noValue);
    return f;
  }

  /** The change since the previous edition of figure `id` (its `<id>.change` figure), with a value. */
  change(id: unknown): ChangeFigure & { value: number } {
    const key = `${String(id)}.change`;
    const f = this.byId.get(key);
    if (!f) {
      if (!this.byId.has(String(id))) this.get(id);
      throw new UnknownFigureError(key, [], say.noChange(say.noPrevious));
    }
    if (f.value === null) throw new UnknownFigureError(f.id, [], say.noValue);
    return f as ChangeFigure & { value: number };
  }

  /** The id of the edition the change figures compare with. */
  previousEdition(): string {
    const f = this.figures.find((x): x is ChangeFigure => x.kind === 'change');
    if (!f) throw new UnknownFigureError('previousEdition', [], say.noPrevious);
    return f.previous;
  }

  /** A share or a mean, for comparing two of them. */
  estimate(id: unknown): (ShareFigure | MeanFigure) & { value: number } {
    return this.valued(id, 'share', 'mean') as (ShareFigure | MeanFigure) & { value: number };
  }

  /** Two shares or two means, to compare one group with another: a share and a mean do not compare. */
  comparable(a: unknown, b: unknown): [ShareFigure | MeanFigure, ShareFigure | MeanFigure] {
    const fa = this.estimate(a);
    const fb = this.estimate(b);
    if (fa.kind !== fb.kind)
      throw new UnknownFigureError(fb.id, [], say.notComparable(fb.kind, fa.kind, fa.id));
    return [fa, fb];
  }

  /** The number behind any figure: a share's ratio, a mean, a count. */
  number(id: unknown): number {
    const f = this.get(id);
    if (f.kind === 'date') throw new UnknownFigureError(f.id, [], say.aDate);
    if (f.value === null) throw new UnknownFigureError(f.id, [], say.noValue);
    return f.value;
  }

  private closest(id: string): string[] {
    return [...this.byId.keys()]
      .map((k) => ({ k, d: editDistance(id, k) }))
      .filter((x) => x.d <= Math.max(3, id.length / 3))
      .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
      .slice(0, 3)
      .map((x) => x.k);
  }
}

/** Levenshtein distance: how many single-character edits turn a into b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
