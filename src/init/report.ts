/**
 * The init report (init-report.md in the new edition, and on the terminal):
 * every mapping with its evidence, what was added, renamed and dropped, and
 * what the editor must still do, with the lines to rewrite.
 */
import type { QuestionChanges } from '../analysis/comparability.js';
import { type Problem, problemPlace } from '../errors.js';
import { initReport as say } from '../messages/index.js';
import type { UsedLine } from './article-lines.js';
import type { OptionChanges } from './match-options.js';
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

/** A question of last year and the column of the new export it was found in, with the evidence. */
export interface FoundRow {
  id: string;
  column: number;
  header: string;
  how: string;
}

/**
 * A line of the report: a Markdown line as the catalogue words it ("- " an
 * item, "  - " one under it), the table of the questions found, or the
 * commands to run next, which the terminal shows one per line.
 */
export type ReportLine = string | { found: FoundRow[] } | { next: string[] };

export interface ReportSection {
  title: string;
  lines: ReportLine[];
}

/** The report before it is written: in Markdown for init-report.md, for a person on the terminal. */
export interface ReportDocument {
  head: string[];
  sections: ReportSection[];
  closing: string[];
}

type Section = { title: string; lines: ReportLine[]; empty: string };

/** The report as init-report.md holds it. */
export function initReport(f: ReportFacts): string {
  return reportMarkdown(reportDocument(f));
}

export function reportDocument(f: ReportFacts): ReportDocument {
  const sections: Section[] = [
    questionsFound(f.plan),
    optionChanges(f.plan),
    newQuestions(f.plan),
    dropped(f.plan),
    comparability(f),
    personalData(f.plan),
    todo(f),
  ];
  return {
    head: heading(f),
    sections: sections.map(({ title, lines, empty }) => ({
      title,
      lines: lines.length > 0 ? lines : [empty],
    })),
    closing: f.kept === undefined ? [] : [say.reads(f.kept, f.plan.rows)],
  };
}

export function reportMarkdown(doc: ReportDocument): string {
  const line = (l: ReportLine): string[] => {
    if (typeof l === 'string') return [l];
    if ('next' in l) return [say.nextCommands(...(l.next as [string, string]))];
    return [
      say.questionsHead,
      '|---|---|---|---|',
      ...l.found.map((r) => `| ${code(r.id)} | ${r.column} | ${r.header} | ${r.how} |`),
    ];
  };
  const out = [
    ...doc.head,
    ...doc.sections.flatMap(({ title, lines }) => ['', `## ${title}`, '', ...lines.flatMap(line)]),
    ...doc.closing.flatMap((c) => ['', c]),
  ];
  return `${out.join('\n')}\n`;
}

/**
 * A command as the shell takes it, for the editor to copy: the project's own
 * command through npx, each argument quoted when the shell would split or
 * read it (a space, a quote, a "$" in a folder's name).
 */
export function shellCommand(args: readonly string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`);
  return ['npx', 'enquete', ...args].map(quote).join(' ');
}

/** The title, what was made from what, and the edition's own values carried over or changed. */
function heading(f: ReportFacts): string[] {
  const e = f.plan.edition;
  return [
    say.title(e.id.to, e.id.from),
    '',
    say.made(code(f.newFolder), code(f.previousFolder), code(f.exportFile), f.plan.rows),
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
  ];
}

/** Each question of last year and the column it was found in, with the evidence. */
function questionsFound(plan: InitPlan): Section {
  const how = (m: InitPlan['matches'][number]) => {
    if (m.how === 'exact') return say.sameHeader;
    if (m.how === 'responseTime') return say.responseTime(m.question.header);
    if (m.how !== 'evidence') return say.sameHeaderNormalised;
    const answers = m.answerScore === null ? null : pct(m.answerScore);
    return say.byEvidence(
      pct(m.headerScore),
      answers,
      m.question.type === 'scale',
      m.question.header,
    );
  };
  const found = plan.matches.map((m) => ({
    id: m.question.id,
    column: m.column.index + 1,
    header: m.column.header,
    how: how(m),
  }));
  const metadata = plan.source.metadata;
  return {
    title: say.questionsFound,
    lines: [
      ...(found.length > 0 ? [{ found }] : []),
      ...(metadata.length > 0 ? [say.metadataColumns(metadata)] : []),
    ],
    empty: say.none,
  };
}

/** Answers renamed, added, typed in « Autre », no longer chosen; scales widened. */
function optionChanges(plan: InitPlan): Section {
  const others = (id: string, c: OptionChanges) => {
    const shown = c.others
      .slice(0, 8)
      .map((o) => `"${o.text}" (${o.respondents})`)
      .join(', ');
    const more = c.others.length > 8 ? ', …' : '';
    return say.others(code(id), c.others.length, `${shown}${more}`, c.needsOther);
  };
  const lines = [...plan.options].flatMap(([id, c]) => [
    ...c.renamed.map((r) =>
      say.renamed(code(id), code(r.code), r.from, r.to, pct(r.similarity), r.respondents),
    ),
    ...c.added.map((a) => say.addedOption(code(id), code(a.code), a.label, a.respondents)),
    ...(c.others.length > 0 ? [others(id, c)] : []),
    ...c.unseen.map((o) => say.unseen(code(id), code(o.code), o.label)),
  ]);
  const scales = plan.scales.map((s) =>
    say.widened(code(s.id), `${s.from.min}–${s.from.max}`, `${s.to.min}–${s.to.max}`),
  );
  return { title: say.options, lines: [...lines, ...scales], empty: say.allKnown };
}

function newQuestions(plan: InitPlan): Section {
  return {
    title: say.newQuestions,
    lines: plan.added.map((a) =>
      say.newQuestion(
        code(a.question.id),
        a.column + 1,
        a.question.header,
        a.question.type,
        a.question.private === true,
        a.evidence,
      ),
    ),
    empty: say.none,
  };
}

/** Questions no longer in the export, and the segments, conditions and charts that went with them. */
function dropped(plan: InitPlan): Section {
  return {
    title: say.dropped,
    lines: [
      ...plan.dropped.map((d) => say.droppedQuestion(code(d.id), d.header)),
      ...plan.droppedSegments.map((d) => say.droppedSegment(code(d.segment.id), d.because)),
      ...plan.appliesToRemoved.map((a) => say.appliesToRemoved(code(a.question), code(a.segment))),
      ...plan.droppedCharts.map((d) => say.droppedChart(code(d.chart), code(d.article), d.because)),
      ...plan.trimmedCharts.map((t) =>
        say.trimmedChart(code(t.chart), code(t.article), t.segments.map(code)),
      ),
    ],
    empty: say.none,
  };
}

/** The questions that no longer read as last year (analysis/comparability.ts). */
function comparability(f: ReportFacts): Section {
  const from = f.plan.edition.id.from;
  return {
    title: say.comparability(from),
    lines: f.changes.map((c) =>
      say.comparabilityLine(code(c.question), say.changes(from, c.differences, c.definesGroups)),
    ),
    empty: say.comparabilityNone(from),
  };
}

function personalData(plan: InitPlan): Section {
  return {
    title: say.personal,
    lines: plan.added
      .filter((a) => a.question.private)
      .map((a) => say.privateQuestion(code(a.question.id), a.question.header)),
    empty: say.noPersonal,
  };
}

/** What the editor must still do: problems to fix, lines to rewrite, decisions and labels to check. */
function todo(f: ReportFacts): Section {
  const { plan } = f;
  const from = plan.edition.id.from;
  const lines: ReportLine[] = [
    ...stillStops(f.problems),
    ...linesToRewrite(f.lines),
    ...(f.changes.length > 0 ? [say.comparabilityTodo(from)] : []),
    ...(plan.staleDecisions.length > 0 ? [say.staleDecisions(plan.staleDecisions)] : []),
    ...plan.added
      .filter((a) => !a.question.private)
      .map((a) => say.checkNew(code(a.question.id), 'options' in a.question)),
    ...[...plan.options].flatMap(([id, c]) => [
      ...c.added.map((a) => say.shortLabel(code(id), code(a.code))),
      ...c.renamed.map((r) => say.checkShort(code(id), code(r.code), r.to)),
    ]),
    say.updateTexts,
    { next: [shellCommand(['check', f.newFolder]), shellCommand(['build', f.newFolder])] },
  ];
  return { title: say.todo, lines, empty: '' };
}

function stillStops(problems: Problem[]): string[] {
  if (problems.length === 0) return [];
  return [
    say.doesNotRead(problems.length),
    ...problems.map((p) =>
      say.problem(
        `${problemPlace(p)}${p.where ? ` (${p.where})` : ''}`,
        p.expected,
        p.found,
        p.fix,
      ),
    ),
  ];
}

function linesToRewrite(lines: UsedLine[]): string[] {
  if (lines.length === 0) return [];
  const cut = (text: string) => `${text.slice(0, 100)}${text.length > 100 ? '…' : ''}`;
  return [say.rewrite, ...lines.map((l) => say.uses(`${l.file}:${l.line}`, l.uses, cut(l.text)))];
}
