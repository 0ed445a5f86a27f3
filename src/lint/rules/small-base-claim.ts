/**
 * A comparison or a change on fewer than 30 respondents on one side: its
 * wording must show the bases (« 5 sur 8 », « n = 14 ») near the claim, in
 * the same paragraph (or, for a heading, the paragraph it heads), so the
 * reader can weigh it. Chart titles are spared: every chart prints each
 * group's base.
 */
import { figureId, parseFigureId, type SeriesFigure } from '../../analysis/figures.js';
import type { Problem } from '../../errors.js';
import { lint as say, where } from '../../messages/index.js';
import { SMALL_BASE } from '../../publication/french.js';
import type { CallPlace } from '../../render/audit.js';

/** Where a claim or a printed figure is. */
type At = Pick<CallPlace, 'article' | 'file' | 'line' | 'column' | 'part'>;

import type { LintInput } from '../input.js';

/**
 * A base the reader must see: a figure's this year, as the previous edition
 * had it (`before`), or as the first edition that has it did (`first`).
 */
interface Side {
  figure: string;
  previous: boolean;
  first?: true;
  base: number;
}

export function smallBaseClaims({ audit, index, texts }: LintInput): Problem[] {
  const { paragraphOf, isHeading } = paragraphs(texts);
  const near = (shown: At, claim: At) => {
    if (shown.article !== claim.article || shown.file !== claim.file || shown.part !== claim.part)
      return false;
    const gap = paragraphOf(shown) - paragraphOf(claim);
    return gap === 0 || (gap === 1 && isHeading(claim));
  };
  const shown = (side: Side, at: At) =>
    audit.printed.some(
      (p) =>
        p.showsBase &&
        p.figure === side.figure &&
        (p.helper === 'before') === side.previous &&
        (p.helper === 'first') === (side.first === true) &&
        near(p.place, at),
    );
  const problems = new Map<string, Problem>();
  const check = (at: At, helper: string, sides: Side[]) => {
    if (at.part.startsWith('chart:')) return;
    const hidden = sides.filter((s) => s.base < SMALL_BASE && !shown(s, at));
    if (hidden.length === 0) return;
    problems.set(`${at.file}:${at.line}:${at.column}`, {
      file: at.file,
      line: at.line,
      column: at.column,
      where: where.figure((hidden[0] as Side).figure),
      ...say.smallBaseClaim(helper, hidden),
    });
  };
  const sidesOf = (id: string): Side[] => {
    const f = index.find(id);
    if (f?.kind === 'share' || f?.kind === 'mean')
      return [{ figure: id, previous: false, base: f.base }];
    if (f?.kind === 'series') return seriesSides(id.replace(/\.series$/, ''), f);
    if (f?.kind !== 'change') return [];
    const figure = id.replace(/\.change$/, '');
    return [
      { figure, previous: true, base: f.from.base ?? SMALL_BASE },
      { figure, previous: false, base: f.to.base ?? SMALL_BASE },
    ];
  };
  for (const c of audit.claims) {
    if (c.method === 'threshold') continue;
    // The bases actually compared: a group against the rest of a larger one compares with the rest.
    const sides = c.figures
      .flatMap(sidesOf)
      .map((s, k) =>
        parseFigureId(c.figures[0] ?? '')?.change ? s : { ...s, base: c.bases[k] ?? s.base },
      );
    check(c, c.helper, sides);
  }
  for (const p of audit.printed)
    if (p.helper === 'change') check(p.place, p.helper, sidesOf(figureId.change(p.figure)));
  return [...problems.values()];
}

/** A trend since the first edition (`risenSince`): its first point's base and this year's, in the claim's order. */
function seriesSides(figure: string, s: SeriesFigure): Side[] {
  const first = s.points.find((p) => p.value !== null);
  const last = s.points.at(-1);
  return [
    { figure, previous: false, first: true, base: first?.base ?? SMALL_BASE },
    { figure, previous: false, base: last?.base ?? SMALL_BASE },
  ];
}

/**
 * Which paragraph of its text a call is in (blocks of lines between blank
 * lines, in an article's body), and whether it is in a heading: on a heading
 * line, or in a block of headings chosen by a condition (`{{#if}}` on its own
 * line, then `## …`).
 */
function paragraphs(texts: LintInput['texts']) {
  const blocks = new Map<string, number[]>();
  const headings = new Map<string, Set<number>>();
  for (const t of texts) {
    if (t.part !== 'body') continue;
    let block = 0;
    const text = t.text.split('\n');
    const of = text.map((line) => (line.trim() === '' ? ++block : block));
    blocks.set(t.file, of);
    headings.set(t.file, new Set(of.filter((_, i) => HEADING.test(text[i] as string))));
  }
  const paragraphOf = (at: At) =>
    at.part === 'body' ? (blocks.get(at.file)?.[at.line - 1] ?? 0) : 0;
  return {
    paragraphOf,
    isHeading: (at: At) => at.part === 'body' && !!headings.get(at.file)?.has(paragraphOf(at)),
  };
}

const HEADING = /^\s*(<h[1-6]|#)/;
