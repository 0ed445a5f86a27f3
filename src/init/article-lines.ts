/**
 * The lines of an edition's texts (article bodies, and the deks and chart
 * titles in edition.yaml) that use what a new year dropped: a figure of a
 * dropped question or segment, a chart that is gone. The editor rewrites
 * them; `enquete build` would stop on each in turn.
 */
import { parseFigureId, questionOf } from '../analysis/figures.js';
import { initReport as say } from '../messages/index.js';

export interface UsedLine {
  file: string;
  line: number;
  text: string;
  uses: string;
}

export function linesUsing(
  file: string,
  text: string,
  gone: {
    questions: ReadonlySet<string>;
    segments: ReadonlySet<string>;
    charts: ReadonlySet<string>;
  },
): UsedLine[] {
  const out: UsedLine[] = [];
  text.split('\n').forEach((content, k) => {
    const uses = new Set<string>();
    for (const m of content.matchAll(/\{\{\s*chart\s+["']([a-z0-9_]+)["']/g)) {
      if (gone.charts.has(m[1] as string)) uses.add(say.chartUsed(m[1] as string));
    }
    for (const m of content.matchAll(/["']([a-z0-9_.]+)["']/g)) {
      const figure = parseFigureId(m[1] as string);
      if (!figure) continue;
      if (gone.questions.has(questionOf(figure) ?? '') || gone.segments.has(figure.segment))
        uses.add(`"${m[1]}"`);
    }
    if (uses.size > 0)
      out.push({ file, line: k + 1, text: content.trim(), uses: [...uses].join(', ') });
  });
  return out;
}
