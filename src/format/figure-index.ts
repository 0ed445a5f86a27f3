/** Figures by id, for templates: an unknown id is the template's mistake, named with its closest ids. */
import type { Comparer, Comparison, Estimate } from '../analysis/compare.js';
import {
  type ChangeFigure,
  type Figure,
  figureId,
  type MeanFigure,
  type ShareFigure,
} from '../analysis/figures.js';
import type { Problem } from '../errors.js';
import { figures as say, templates as templateSays } from '../messages/index.js';
import { formatDecimal } from '../publication/french.js';

/** What a problem says, without its place: the template that asked is what locates it. */
export type Complaint = Omit<Problem, 'file' | 'line' | 'column' | 'where'>;

/**
 * A template asked the figures for something they cannot give: a figure that
 * does not exist, has no value, or a comparison no interval can decide. The
 * template's place is added where it is caught (render/).
 */
export class FigureProblem extends Error {
  constructor(
    readonly figureId: string,
    readonly complaint: Complaint,
  ) {
    super(`${complaint.found ?? complaint.expected}: "${figureId}"`);
    this.name = 'FigureProblem';
  }
}

export class UnknownFigureError extends FigureProblem {
  constructor(
    figureId: string,
    readonly suggestions: string[],
    readonly reason = say.noSuchFigure,
  ) {
    super(figureId, templateSays.unknownFigure(reason, suggestions));
    this.name = 'UnknownFigureError';
  }
}

/** A figure with no value: nobody in its group answered (a group the new year's data emptied). */
function emptyGroup(f: Figure): FigureProblem {
  const guard =
    f.question === undefined
      ? `respondents.count.${f.segment}`
      : `${f.question}.answered.count.${f.segment}`;
  return new FigureProblem(f.id, templateSays.emptyGroup(f.segment, guard));
}

export class FigureIndex {
  private readonly byId: Map<string, Figure>;
  constructor(
    readonly figures: readonly Figure[],
    /** Decimals of each question's means, decided once from the articles (render/precision.ts). */
    private readonly meanDecimals: ReadonlyMap<string, number> = new Map(),
    /** Compares two figures from their respondents (analysis/compare.ts). */
    private readonly comparer?: Comparer,
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

  /** The figure of this id, if there is one. */
  find(id: string): Figure | undefined {
    return this.byId.get(id);
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
    if (f.value === null) throw emptyGroup(f);
    return f;
  }

  /**
   * The change since the previous edition of figure `id` (its `<id>.change`
   * figure), with a value, and comparable: a change whose question or group
   * is no longer the same is refused unless edition.yaml records the
   * editor's decision for what changed (`comparability:`).
   */
  change(id: unknown): ChangeFigure & { value: number } {
    const key = figureId.change(String(id));
    const f = this.byId.get(key) as ChangeFigure | undefined;
    if (!f) {
      if (!this.byId.has(String(id))) this.get(id);
      throw new UnknownFigureError(key, [], say.noChange(say.noPrevious));
    }
    if (f.value === null) throw emptyGroup(f);
    const undecided = f.notes.filter((n) => n.decision === undefined);
    if (undecided.length > 0)
      throw new FigureProblem(f.id, templateSays.notComparable(f.previous, undecided));
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

  /**
   * Two shares or two means compared as their respondents allow (separate
   * groups, the same people, a group within another: analysis/compare.ts).
   * A share and a mean do not compare; nor do groups that only partly overlap.
   */
  compare(a: unknown, b: unknown): Comparison {
    const fa = this.estimate(a);
    const fb = this.estimate(b);
    if (fa.kind !== fb.kind)
      throw new UnknownFigureError(fb.id, [], say.notComparable(fb.kind, fa.kind, fa.id));
    if (!this.comparer) throw new Error('figures compared without the responses behind them');
    const c = this.comparer.compare(fa as Estimate, fb as Estimate);
    if ('refused' in c)
      throw new FigureProblem(fb.id, templateSays.refused(c.refused, fa.id, fb.id));
    return c;
  }

  /** The number behind any figure: a share's ratio, a mean, a count. */
  number(id: unknown): number {
    const f = this.get(id);
    if (f.kind === 'date') throw new UnknownFigureError(f.id, [], say.aDate);
    if (f.value === null) throw emptyGroup(f);
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
