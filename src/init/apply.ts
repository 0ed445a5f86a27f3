/**
 * The plan written into last year's edition.yaml, edited in place with the
 * yaml library's document model so that its comments, order and quoting
 * survive: the editor recognises their own file, changed where it had to be.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { QuestionChanges } from '../analysis/comparability.js';
import { type EditionConfig, hasOther, isClosed, type Question } from '../edition/schema.js';
import { initReport as say } from '../messages/index.js';
import { renameInYamlComments } from './comments.js';
import type { InitPlan } from './plan.js';

type Doc = ReturnType<typeof parseDocument>;
type Setter = (keys: (string | number)[], value: unknown) => void;

export function applyPlan(text: string, config: EditionConfig, plan: InitPlan): string {
  const doc = parseDocument(text);
  const set: Setter = (keys, value) => doc.setIn(keys, quoted(value));
  moveEdition(doc, set, config, plan);
  const index = new Map(config.questions.map((q, i) => [q.id, i]));
  for (const m of plan.matches)
    updateQuestion(doc, set, index.get(m.question.id) as number, m, plan);
  for (const { question } of plan.added) doc.addIn(['questions'], questionNode(doc, question));
  for (const { question } of plan.appliesToRemoved)
    doc.deleteIn(['questions', index.get(question) as number, 'appliesTo']);
  trimCharts(doc, config, plan);
  deleteDropped(doc, config, plan, index);
  flowOptionMaps(doc.getIn(['questions']));
  // Last year's decisions were on comparing with the year before; this year's are the editors' to make.
  doc.delete('comparability');
  // The comments carried over speak of this year, not of last year's edition.
  renameInYamlComments(doc, plan.edition.id.from, plan.edition.id.to);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The edition's id, survey, field period, address, previous edition and article dates, a year on. */
function moveEdition(doc: Doc, set: Setter, config: EditionConfig, plan: InitPlan): void {
  const e = plan.edition;
  set(['edition', 'id'], e.id.to);
  set(['edition', 'survey'], e.survey.to);
  set(['edition', 'fieldPeriod', 'start'], e.fieldPeriod.to.start);
  set(['edition', 'fieldPeriod', 'end'], e.fieldPeriod.to.end);
  if (e.publishUrl) set(['edition', 'publishUrl'], e.publishUrl.to);
  set(['edition', 'previous'], e.previous);
  moveSource(doc, set, config, plan.source);
  config.articles.forEach((a, i) => {
    const to = e.articleDates.find((d) => d.article === a.slug)?.to;
    if (to) set(['articles', i, 'date'], to);
  });
}

/**
 * The new export, copied in under the usual name (responses.csv, or
 * responses.xlsx), its sheet (last year's when the workbook has it, else the
 * first, which needs no key) and the form's own columns read by no question.
 */
function moveSource(doc: Doc, set: Setter, config: EditionConfig, source: InitPlan['source']) {
  if (config.source.file !== source.file) set(['source', 'file'], source.file);
  if (config.source.sheet !== undefined && source.sheet !== config.source.sheet)
    doc.deleteIn(['source', 'sheet']);
  if (source.metadata.length > 0) {
    const node = doc.createNode(source.metadata.map(quoted));
    node.flow = true;
    doc.setIn(['source', 'metadata'], node);
  } else if (doc.hasIn(['source', 'metadata'])) doc.deleteIn(['source', 'metadata']);
}

/** A matched question's new header, renamed and added options, « Autre » field and widened scale. */
function updateQuestion(
  doc: Doc,
  set: Setter,
  i: number,
  m: InitPlan['matches'][number],
  plan: InitPlan,
): void {
  if (m.column.header !== m.question.header) set(['questions', i, 'header'], m.column.header);
  const changes = plan.options.get(m.question.id);
  if (changes) {
    for (const r of changes.renamed) {
      const j = changes.options.findIndex((o) => o.code === r.code);
      set(['questions', i, 'options', j, 'label'], r.to);
    }
    for (const a of changes.added) {
      const node = doc.createNode({ code: a.code, label: quoted(a.label) });
      node.flow = true;
      doc.addIn(['questions', i, 'options'], node);
    }
    if (changes.needsOther) set(['questions', i, 'other'], true);
  }
  const scale = plan.scales.find((s) => s.id === m.question.id);
  if (scale) {
    set(['questions', i, 'min'], scale.to.min);
    set(['questions', i, 'max'], scale.to.max);
  }
}

/** Charts that keep some of their segments lose the ones that are gone. */
function trimCharts(doc: Doc, config: EditionConfig, plan: InitPlan): void {
  config.articles.forEach((a, i) => {
    a.charts.forEach((c, j) => {
      const trimmed = plan.trimmedCharts.find((t) => t.article === a.slug && t.chart === c.id);
      if (!trimmed) return;
      for (const [key, value] of Object.entries(c)) {
        if (!Array.isArray(value)) continue;
        const left = value.filter((s) => !trimmed.segments.includes(s as string));
        if (left.length === value.length) continue;
        const node = doc.createNode(left);
        node.flow = true;
        doc.setIn(['articles', i, 'charts', j, key], node);
      }
    });
  });
}

/** Dropped charts, segments and questions, deleted last and from the end of each list, so that indices stay true. */
function deleteDropped(
  doc: Doc,
  config: EditionConfig,
  plan: InitPlan,
  index: Map<string, number>,
): void {
  const deleteFrom = (keys: (string | number)[], indices: number[]) => {
    for (const k of indices.sort((x, y) => y - x)) doc.deleteIn([...keys, k]);
  };
  config.articles.forEach((a, i) => {
    deleteFrom(
      ['articles', i, 'charts'],
      a.charts.flatMap((c, j) =>
        plan.droppedCharts.some((d) => d.article === a.slug && d.chart === c.id) ? [j] : [],
      ),
    );
  });
  const goneSegments = new Set(plan.droppedSegments.map((d) => d.segment.id));
  deleteFrom(
    ['segments'],
    config.segments.flatMap((s, k) => (goneSegments.has(s.id) ? [k] : [])),
  );
  deleteFrom(
    ['questions'],
    plan.dropped.map((q) => index.get(q.id) as number),
  );
}

/**
 * The questions that no longer read as last year, written above `articles:`
 * as a commented `comparability:` block: the editors uncomment it and say,
 * for each, why comparing still makes sense.
 */
export function noteComparability(
  text: string,
  previousId: string,
  changes: readonly QuestionChanges[],
): string {
  const doc = parseDocument(text);
  if (changes.length === 0 || !isMap(doc.contents)) return text;
  const articles = (doc.contents as YAMLMap).items.find(
    (p) => isScalar(p.key) && p.key.value === 'articles',
  );
  if (!articles || !isScalar(articles.key)) return text;
  const lines = say.yamlComparability(
    previousId,
    changes.map((c) => ({
      id: c.question,
      changes: say.changes(previousId, c.differences, c.definesGroups),
    })),
  );
  const before = articles.key.commentBefore;
  articles.key.commentBefore = [...(before ? [before, ''] : []), ...lines].join('\n');
  articles.key.spaceBefore = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A new question as the file writes questions: keys in the usual order, options one per line. */
function questionNode(doc: ReturnType<typeof parseDocument>, q: Question) {
  const { id, header, label, type } = q;
  const value: Record<string, unknown> = { id, header: quoted(header) };
  if (label) value.label = quoted(label);
  value.type = type;
  if (q.private) value.private = true;
  if (q.type === 'scale') Object.assign(value, { min: q.min, max: q.max });
  if (isClosed(q) && hasOther(q)) value.other = true;
  if ('options' in q)
    value.options = q.options.map((o) => ({ code: o.code, label: quoted(o.label) }));
  return doc.createNode(value);
}

/** Option lists read best as one `{ code, label }` per line, as the file already has them. */
function flowOptionMaps(questions: unknown) {
  if (!isSeq(questions)) return;
  for (const q of (questions as YAMLSeq).items) {
    if (!isMap(q)) continue;
    const options = (q as YAMLMap).get('options', true);
    if (isSeq(options)) for (const o of options.items) if (isMap(o)) o.flow = true;
  }
}

/** Text values double-quoted, as the file writes them (a header may hold ": " or "#"). */
function quoted(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}
