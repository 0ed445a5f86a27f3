/** Figures by id, for templates: an unknown id is the template's mistake, named with its closest ids. */
import type { Comparer, Comparison, Estimate } from '../analysis/compare.js';
import {
  type ChangeFigure,
  type Figure,
  figureId,
  type MeanFigure,
  type SeriesFigure,
  type SeriesPoint,
  type ShareFigure,
} from '../analysis/figures.js';
import { undecidedSteps } from '../analysis/series.js';
import type { Problem } from '../errors.js';
import { figures as say, templates as templateSays } from '../messages/index.js';
import { formatDecimal } from '../publication/french.js';
import { editDistance } from '../text.js';

export { editDistance };

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
    if (!f) throw this.unknown(key);
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
    if (!(kinds as string[]).includes(f.kind)) throw this.wrongKind(f, kinds);
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
    // Weighted one year and not the other: no editor's decision makes the two estimate the same thing.
    const weighting = f.notes.find((n) => n.difference.kind === 'weighting');
    if (weighting)
      throw new FigureProblem(
        f.id,
        templateSays.weightingDiffers(f.previous, weighting.difference),
      );
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

  /** Figure `id` over every edition that has it (its `<id>.series` figure), as it is. */
  series(id: unknown): SeriesFigure {
    const key = figureId.series(String(id));
    const f = this.byId.get(key) as SeriesFigure | undefined;
    if (f) return f;
    if (!this.byId.has(String(id))) this.get(id);
    throw new UnknownFigureError(key, [], say.noSeries(say.noPrevious));
  }

  /**
   * Figure `id` since the first edition that has it: its first point with a
   * value and this edition's. Refused when a step between them no longer
   * measures the same and the edition of that step records no decision of
   * the editor (`comparability:`).
   */
  since(id: unknown): { series: SeriesFigure; first: SeriesPoint; last: SeriesPoint } {
    const f = this.series(id);
    const last = f.points.at(-1) as SeriesPoint;
    if (last.value === null) throw emptyGroup(f);
    const from = f.points.findIndex((p) => p.value !== null);
    if (from === f.points.length - 1)
      throw new UnknownFigureError(f.id, [], say.noSeries(say.noPrevious));
    const steps = undecidedSteps({ ...f, points: f.points.slice(from + 1) });
    if (steps.length > 0)
      throw new FigureProblem(
        f.id,
        templateSays.seriesNotComparable(
          steps.flatMap((p) =>
            p.notes
              .filter((n) => n.decision === undefined)
              .map((n) => ({ ...n, edition: p.edition, previous: p.previous as string })),
          ),
        ),
      );
    return { series: f, first: f.points[from] as SeriesPoint, last };
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

  /**
   * An id no figure has: its closest ids, or, when its question is not one of
   * this edition's (a question dropped from the form), that question named.
   */
  private unknown(id: string): FigureProblem {
    const suggestions = this.closest(id);
    const question = id.split('.')[0] as string;
    const questions = new Set(this.figures.map((f) => f.question ?? f.id.split('.')[0]));
    if (suggestions.length > 0 || questions.has(question))
      return new UnknownFigureError(id, suggestions);
    return new FigureProblem(
      id,
      templateSays.noSuchQuestion(question, [
        ...new Set(this.figures.flatMap((f) => f.question ?? [])),
      ]),
    );
  }

  /** A figure of another kind than the helper prints: the helper that prints it named. */
  private wrongKind(f: Figure, kinds: ('share' | 'mean')[]): FigureProblem {
    const mean =
      f.kind === 'share' && f.question !== undefined
        ? this.byId.get(figureId.mean(f.question, f.segment))?.id
        : undefined;
    return new FigureProblem(f.id, templateSays.wrongKind(f.id, f.kind, kinds, mean));
  }

  /**
   * The ids closest to a mistyped one that keep its question, or its
   * segment with a question spelt nearly alike: a figure of another question
   * is never offered for a question that is not there.
   */
  private closest(id: string): string[] {
    const parts = id.split('.').filter((p, i, all) => !(p === 'change' && i === all.length - 1));
    const question = parts[0] as string;
    const segment = parts.at(-1);
    const related = (f: Figure) => {
      const q = f.question ?? (f.id.split('.')[0] as string);
      if (q === question) return true;
      const near = editDistance(q, question) <= Math.max(2, Math.floor(question.length / 4));
      return f.segment === segment && near;
    };
    return this.figures
      .filter(related)
      .map((f) => ({ k: f.id, d: editDistance(id, f.id) }))
      .filter((x) => x.d <= Math.max(3, id.length / 3))
      .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
      .slice(0, 3)
      .map((x) => x.k);
  }
}
