/**
 * The init report (init-report.md in the new edition, and on the terminal):
 * every mapping with its evidence, what was added, renamed and dropped, and
 * what the editor must still do, with the lines to rewrite.
 */
import type { QuestionChanges } from '../analysis/comparability.js';
import type { Problem } from '../errors.js';
import { initReport as say } from '../messages/index.js';
import type { UsedLine } from './article-lines.js';
import type { InitPlan } from './plan.js';

export interface ReportFacts {
  newFolder: string;
  previousFolder: string;
  exportFile: string;
  plan: InitPlan;
  lines: UsedLine[];
  /** What still stops `enquete figures` (config or export problems), if anything. */
  problems: Problem[];
  /** Rows kept when the export reads with the new config. */
  kept?: number;
  /** The questions that no longer read as last year (analysis/comparability.ts). */
  changes: QuestionChanges[];
}

const pct = (x: number) => `${Math.round(100 * x)} %`;
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export function initReport(f: ReportFacts): string {
  const { plan } = f;
  const e = plan.edition;
  const out: string[] = [];
  const section = (title: string, lines: string[], empty: string) => {
    out.push('', `## ${title}`, '');
    out.push(...(lines.length > 0 ? lines : [empty]));
  };
  out.push(
    say.title(e.id.to, e.id.from),
    '',
    say.made(code(f.newFolder), code(f.previousFolder), code(f.exportFile), plan.rows),
    '',
    say.editionId(e.id.from, e.id.to, e.survey.to),
    say.fieldPeriod(
      e.fieldPeriod.to.start,
      e.fieldPeriod.to.end,
      e.fieldPeriod.from.start,
      e.fieldPeriod.from.end,
    ),
    ...(e.publishUrl ? [say.publishedAt(e.publishUrl.to)] : []),
    say.comparedWith(code(e.previous)),
    ...e.articleDates.map((d) => say.articleDate(code(d.article), d.from, d.to)),
  );

  section(
    say.questionsFound,
    [
      say.questionsHead,
      '|---|---|---|---|',
      ...plan.matches.map((m) => {
        const how =
          m.how === 'evidence'
            ? say.byEvidence(
                pct(m.headerScore),
                m.answerScore === null ? null : pct(m.answerScore),
                m.question.type === 'scale',
                m.question.header,
              )
            : m.how === 'exact'
              ? say.sameHeader
              : say.sameHeaderNormalised;
        return `| ${code(m.question.id)} | ${m.column.index + 1} | ${m.column.header} | ${how} |`;
      }),
    ],
    say.none,
  );

  const optionLines = [...plan.options].flatMap(([id, c]) => [
    ...c.renamed.map((r) =>
      say.renamed(code(id), code(r.code), r.from, r.to, pct(r.similarity), r.respondents),
    ),
    ...c.added.map((a) => say.addedOption(code(id), code(a.code), a.label, a.respondents)),
    ...(c.others.length > 0
      ? [
          say.others(
            code(id),
            c.others.length,
            `${c.others
              .slice(0, 8)
              .map((o) => `"${o.text}" (${o.respondents})`)
              .join(', ')}${c.others.length > 8 ? ', …' : ''}`,
            c.needsOther,
          ),
        ]
      : []),
    ...c.unseen.map((o) => say.unseen(code(id), code(o.code), o.label)),
  ]);
  section(
    say.options,
    [
      ...optionLines,
      ...plan.scales.map((s) =>
        say.widened(code(s.id), `${s.from.min}–${s.from.max}`, `${s.to.min}–${s.to.max}`),
      ),
    ],
    say.allKnown,
  );

  section(
    say.newQuestions,
    plan.added.map((a) =>
      say.newQuestion(
        code(a.question.id),
        a.column + 1,
        a.question.header,
        a.question.type,
        a.question.private === true,
        a.evidence,
      ),
    ),
    say.none,
  );

  section(
    say.dropped,
    [
      ...plan.dropped.map((d) => say.droppedQuestion(code(d.id), d.header)),
      ...plan.droppedSegments.map((d) => say.droppedSegment(code(d.segment.id), d.because)),
      ...plan.appliesToRemoved.map((a) => say.appliesToRemoved(code(a.question), code(a.segment))),
      ...plan.droppedCharts.map((d) => say.droppedChart(code(d.chart), code(d.article), d.because)),
      ...plan.trimmedCharts.map((t) =>
        say.trimmedChart(code(t.chart), code(t.article), t.segments.map(code)),
      ),
    ],
    say.none,
  );

  section(
    say.comparability(e.id.from),
    f.changes.map((c) =>
      say.comparabilityLine(
        code(c.question),
        say.changes(e.id.from, c.differences, c.definesGroups),
      ),
    ),
    say.comparabilityNone(e.id.from),
  );

  section(
    say.personal,
    plan.added
      .filter((a) => a.question.private)
      .map((a) => say.privateQuestion(code(a.question.id), a.question.header)),
    say.noPersonal,
  );

  const todo: string[] = [];
  if (f.problems.length > 0) {
    todo.push(
      say.doesNotRead(f.problems.length),
      ...f.problems.map((p) =>
        say.problem(
          `${p.file}${p.line ? `:${p.line}` : ''}${p.where ? ` (${p.where})` : ''}`,
          p.expected,
          p.found,
          p.fix,
        ),
      ),
    );
  }
  if (f.lines.length > 0) {
    todo.push(
      say.rewrite,
      ...f.lines.map((l) =>
        say.uses(
          `${l.file}:${l.line}`,
          l.uses,
          `${l.text.slice(0, 100)}${l.text.length > 100 ? '…' : ''}`,
        ),
      ),
    );
  }
  if (f.changes.length > 0) todo.push(say.comparabilityTodo(e.id.from));
  if (plan.staleDecisions.length > 0) todo.push(say.staleDecisions(plan.staleDecisions));
  for (const a of plan.added) {
    if (a.question.private) continue;
    todo.push(say.checkNew(code(a.question.id), 'options' in a.question));
  }
  for (const [id, c] of plan.options) {
    for (const a of c.added) todo.push(say.shortLabel(code(id), code(a.code)));
    for (const r of c.renamed) todo.push(say.checkShort(code(id), code(r.code), r.to));
  }
  todo.push(say.updateTexts, say.nextCommands(f.newFolder));
  section(say.todo, todo, '');
  if (f.kept !== undefined) out.push('', say.reads(f.kept, plan.rows));
  return `${out.join('\n')}\n`;
}
