/**
 * The texts an article is written in, other than its body: its title, dek
 * and chart titles, which edition.yaml holds, each with the place it starts
 * at in that file (for located problems, claims and the new-year checks).
 */
import type { Edition } from '../edition/load.js';
import type { Article } from '../edition/schema.js';
import type { TemplatePlace } from './audit.js';

export interface ArticleText extends TemplatePlace {
  text: string;
  /** Its key under the article in edition.yaml. */
  keyPath: PropertyKey[];
}

/** The article's title (plain text), dek and chart titles (templates), in that order. */
export function inlineTexts(edition: Edition, article: Article): ArticleText[] {
  const text = (value: string, keyPath: PropertyKey[], part: string): ArticleText => ({
    ...inlinePlace(edition, article, keyPath, part),
    text: value,
    keyPath,
  });
  return [
    text(article.title, ['title'], 'title'),
    text(article.dek, ['dek'], 'dek'),
    ...article.charts.map((c, j) => text(c.title, ['charts', j, 'title'], `chart:${c.id}`)),
  ];
}

/**
 * Where a text written inside edition.yaml starts: after its opening quote,
 * or on the line after `|` or `>`. A literal block (`|`) keeps its lines; any
 * other value written over several lines reaches Handlebars folded into one,
 * and its problems are placed at its start.
 */
export function inlinePlace(
  edition: Edition,
  article: Article,
  keyPath: PropertyKey[],
  part: string,
): TemplatePlace {
  const at = edition.locate(['articles', edition.config.articles.indexOf(article), ...keyPath]);
  const lines = edition.configText.split('\n');
  const line = at.line ?? 1;
  const column = at.column ?? 1;
  const opening = lines[line - 1]?.[column - 1];
  const place = { article: article.slug, file: edition.configFile, part };
  if (opening === '|' || opening === '>') {
    const indent = /^\s*/.exec(lines[line] ?? '')?.[0].length ?? 0;
    return { ...place, firstLine: line + 1, firstColumn: indent + 1, folded: opening === '>' };
  }
  const quoted = opening === '"' || opening === "'";
  return {
    ...place,
    firstLine: line,
    firstColumn: column + (quoted ? 1 : 0),
    folded: (at.endLine ?? line) > line,
  };
}
