/**
 * What the templates said, on record. Each article's texts (its body, dek
 * and chart titles) are rendered once with an audit before any output is
 * made: every decision a wording helper takes is a claim (claims.json),
 * every figure printed is noted (what the new-year checks read), and a
 * figure that cannot be given is a problem located at the helper that asked,
 * all of them collected rather than the first one alone.
 */
import type { ComparisonMethod } from '../analysis/compare.js';
import type { Interval } from '../analysis/stats.js';
import type { Problem } from '../errors.js';
import type { Complaint } from '../format/figure-index.js';
import { where } from '../messages/index.js';

/** Which text a template is, and where it starts in its file. */
export interface TemplatePlace {
  /** The article's slug. */
  article: string;
  file: string;
  /** The file's line and column the template starts at (1 and 1 for an article's own file). */
  firstLine: number;
  firstColumn: number;
  /**
   * The template's lines are not the file's: a YAML value folded over several
   * lines reaches Handlebars as one. Its calls are then placed at its start.
   */
  folded?: boolean;
  /** The article's body, its dek, or a chart's title (`chart:<id>`). */
  part: string;
  /** Where a place of the template is in the file, when the two differ (an article in Markdown). */
  placeOf?: (at: { line: number; column: number }) => { line: number; column: number };
}

/** Where a helper was called: line and column in its file. */
export interface CallPlace extends TemplatePlace {
  line: number;
  column: number;
}

/** A place in a template (Handlebars' 1-based line, 0-based column) as a place in its file. */
export function placeIn(
  template: TemplatePlace,
  written: { line: number; column: number },
): CallPlace {
  const { placeOf, ...place } = template;
  const at = placeOf ? placeOf(written) : written;
  if (place.folded) return { ...place, line: place.firstLine, column: place.firstColumn };
  return {
    ...place,
    line: place.firstLine + at.line - 1,
    column: (at.line === 1 ? place.firstColumn : 1) + at.column,
  };
}

/** How a claim was decided: the named interval, or a threshold on one figure. */
export type ClaimMethod = ComparisonMethod | 'threshold' | 'count';

/** One decision a wording helper took, with what it was decided on. */
export interface Claim {
  article: string;
  file: string;
  line: number;
  column: number;
  /** The article's body, its dek, or a chart's title. */
  part: string;
  helper: string;
  /** The figures compared (ids), in the helper's order, and their values. */
  figures: string[];
  values: number[];
  /** The contrast tested (see compare.ts: the part against the rest where a group contains the other). */
  difference: number | null;
  ci: Interval | null;
  method: ClaimMethod;
  /** Respondents on each side. */
  bases: number[];
  /** Weighted figures: each side's effective base (Kish's), which the interval is computed on. */
  effectiveBases?: number[];
  /** A group against a group containing it: the rest of that group stood for it. */
  rest?: { side: 'a' | 'b'; base: number; value: number };
  /** Whether this comparison bears the claim out (the leader ahead of this one, the interval leaving out 0…). */
  verdict: boolean;
  /** What the helper answered: true only when every comparison of the call bears it out. */
  result: boolean;
  /** Claims of one helper call share this number. */
  call: number;
}

/** A key figure as the article states it: its number, and the sentence after it (plain text). */
export interface KeyFigure {
  number: string;
  sentence: string;
}

/** A figure a helper printed, and whether its base was printed with it. */
export interface PrintedFigure {
  place: CallPlace;
  helper: string;
  figure: string;
  /** The printed text shows the figure's base ("8 sur 14", "n = 46"). */
  showsBase: boolean;
}

export class Audit {
  private readonly byKey = new Map<string, Claim>();
  private readonly calls = new Map<string, number>();
  /** Figure problems by file, figure and complaint: one each, with every other place it recurs. */
  private readonly figureProblems = new Map<string, { problem: Problem; also: string[] }>();
  private readonly otherProblems: Problem[] = [];
  readonly printed: PrintedFigure[] = [];
  private readonly keyFiguresOf = new Map<string, KeyFigure[]>();

  /** Records a helper call's decisions (one per comparison), once however often the text is rendered. */
  claim(
    place: CallPlace,
    helper: string,
    entries: Omit<Claim, keyof CallPlace | 'helper' | 'call' | 'result' | 'part'>[],
  ) {
    const key = `${place.file}:${place.line}:${place.column}:${helper}:${entries.map((e) => e.figures.join('|')).join(',')}`;
    if (this.calls.has(key)) return;
    const call = this.calls.size + 1;
    this.calls.set(key, call);
    const result = entries.every((e) => e.verdict);
    entries.forEach((e, k) => {
      const { article, file, line, column, part } = place;
      this.byKey.set(`${key}#${k}`, {
        article,
        file,
        line,
        column,
        part,
        helper,
        ...e,
        result,
        call,
      });
    });
  }

  print(place: CallPlace, helper: string, figure: string, showsBase: boolean): void {
    this.printed.push({ place, helper, figure, showsBase });
  }

  keyFigure(article: string, figure: KeyFigure): void {
    this.keyFiguresOf.set(article, [...(this.keyFiguresOf.get(article) ?? []), figure]);
  }

  /** An article's key figures, in the order its text states them. */
  keyFigures(article: string): KeyFigure[] {
    return this.keyFiguresOf.get(article) ?? [];
  }

  /**
   * A figure the template asked for but cannot have: said once per file, with
   * the other places it recurs; in a dek or a chart title, naming it.
   */
  problem(
    place: CallPlace,
    figure: string,
    complaint: Complaint,
    what = where.figure(figure),
  ): void {
    const about =
      place.part === 'body' ? what : `${where.articlePart(place.article, place.part)}, ${what}`;
    const key = [place.file, figure, complaint.expected, complaint.found].join('\u0000');
    const at = `${place.line}:${place.column}`;
    const seen = this.figureProblems.get(key);
    if (!seen) {
      const { file, line, column } = place;
      this.figureProblems.set(key, {
        problem: { file, line, column, where: about, ...complaint },
        also: [],
      });
    } else if (`${seen.problem.line}:${seen.problem.column}` !== at && !seen.also.includes(at)) {
      seen.also.push(at);
    }
  }

  /** A problem found beside the texts (a chart, a rounding), for the same report. */
  add(...problems: Problem[]): void {
    this.otherProblems.push(...problems);
  }

  /** Every problem found, each figure's once with the other places it recurs. */
  get problems(): Problem[] {
    return [
      ...[...this.figureProblems.values()].map(({ problem, also }) =>
        also.length === 0
          ? problem
          : { ...problem, where: `${problem.where}, ${where.alsoAt(also)}` },
      ),
      ...this.otherProblems,
    ];
  }

  /**
   * Every claim, in the order of the articles, then of their files and
   * lines; calls numbered in that order, whatever order the texts were read in.
   */
  get claims(): Claim[] {
    const sorted = [...this.byKey.values()].sort(
      (a, b) =>
        a.article.localeCompare(b.article) ||
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        a.call - b.call,
    );
    const numbers = new Map<number, number>();
    for (const c of sorted) if (!numbers.has(c.call)) numbers.set(c.call, numbers.size + 1);
    return sorted.map((c) => ({ ...c, call: numbers.get(c.call) as number }));
  }
}
