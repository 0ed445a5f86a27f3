/**
 * The export's header row -> which column holds which question. Every
 * question must have its column, and every column must be a known question
 * or listed as metadata (`source.metadata`: a form's own columns, such as
 * Microsoft Forms' ID): a reworded question next year shows up here, named,
 * instead of as silently missing figures.
 */
import type { EditionConfig, Question } from '../edition/schema.js';
import type { Problem } from '../errors.js';
import { ingest as say, where } from '../messages/index.js';
import { normaliseText } from '../text.js';
import { type FormSource, formSource } from './form-columns.js';

export interface ColumnMap {
  /** Column index for each question id. */
  columnOf: Map<string, number>;
  /** Which form wrote the export, and how it writes each column's cells. */
  form: FormSource;
}

export function mapHeader(
  header: string[],
  config: EditionConfig,
  file: string,
  configFile: string,
): ColumnMap | Problem[] {
  const problems: Problem[] = [];
  const byHeader = new Map<string, Question>(
    config.questions.map((q) => [normaliseText(q.header), q]),
  );
  const metadata = new Set(config.source.metadata.map(normaliseText));
  const form = formSource(header);
  const columnOf = new Map<string, number>();
  const seen = new Map<string, number>();
  header.forEach((raw, i) => {
    const h = normaliseText(raw);
    if (metadata.has(h) && !byHeader.has(h)) return;
    const column = where.column(i + 1, raw);
    const before = seen.get(h);
    if (before !== undefined) {
      problems.push({
        file,
        line: 1,
        where: column,
        ...say.duplicateHeader(before + 1),
      });
      return;
    }
    seen.set(h, i);
    const q = byHeader.get(h);
    const role = form.form === 'microsoft' ? form.columns[i] : null;
    if (q) {
      columnOf.set(q.id, i);
    } else if (role) {
      problems.push({ file, line: 1, where: column, ...say.formColumn(role, configFile) });
    } else {
      problems.push({
        file,
        line: 1,
        where: column,
        ...say.unknownHeader(h === '', closest(h, [...byHeader.keys()]), configFile),
      });
    }
  });
  for (const q of config.questions) {
    if (!columnOf.has(q.id)) {
      problems.push({
        file,
        line: 1,
        where: where.question(q.id),
        ...say.missingColumn(q.header, configFile),
      });
    }
  }
  return problems.length > 0 ? problems : { columnOf, form };
}

/** A hint for a near-miss header: "(did you mean ...?)". */
function closest(h: string, known: string[]): string | undefined {
  const score = (a: string, b: string) => {
    const wa = new Set(a.toLowerCase().split(/\W+/u));
    const wb = new Set(b.toLowerCase().split(/\W+/u));
    return [...wa].filter((w) => wb.has(w)).length / Math.max(wa.size, wb.size);
  };
  const best = known.map((k) => ({ k, s: score(h, k) })).sort((a, b) => b.s - a.s)[0];
  return best && best.s >= 0.5 ? best.k : undefined;
}
