/**
 * The init report (init-report.md in the new edition, and on the terminal):
 * every mapping with its evidence, what was added, renamed and dropped, and
 * what the editor must still do, with the lines to rewrite.
 */
import type { Problem } from '../errors.js';
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
}

const pct = (x: number) => `${Math.round(100 * x)} %`;
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const q = (s: string) => `"${s}"`;

export function initReport(f: ReportFacts): string {
  const { plan } = f;
  const e = plan.edition;
  const out: string[] = [];
  const section = (title: string, lines: string[], empty: string) => {
    out.push('', `## ${title}`, '');
    out.push(...(lines.length > 0 ? lines : [empty]));
  };
  out.push(
    `# Edition ${e.id.to}: made from edition ${e.id.from}`,
    '',
    `\`enquete init\` made ${code(f.newFolder)} from ${code(f.previousFolder)} and the export ${code(f.exportFile)} (${plan.rows} responses).`,
    '',
    `- Edition id: ${e.id.from} → **${e.id.to}**; survey: ${q(e.survey.to)}`,
    `- Field period (first and last response): ${e.fieldPeriod.to.start} to ${e.fieldPeriod.to.end} (was ${e.fieldPeriod.from.start} to ${e.fieldPeriod.from.end})`,
    ...(e.publishUrl ? [`- Published at: ${e.publishUrl.to}`] : []),
    `- Compared with: ${code(e.previous)} (\`edition.previous\`): every figure both editions have gets a \`.change\` figure`,
    ...e.articleDates.map(
      (d) =>
        `- Article ${code(d.article)}: date ${d.from} → ${d.to} (set the real publication date)`,
    ),
  );

  section(
    'Questions found in the new export',
    [
      '| question | column | header this year | how |',
      '|---|---|---|---|',
      ...plan.matches.map((m) => {
        const how =
          m.how === 'evidence'
            ? `evidence: headers ${pct(m.headerScore)} alike${m.answerScore === null ? '' : `, ${pct(m.answerScore)} of answers fit its ${m.question.type === 'scale' ? 'scale' : 'options'}`}; last year ${q(m.question.header)}`
            : m.how === 'exact'
              ? 'same header'
              : 'same header but for spaces, apostrophes or case';
        return `| ${code(m.question.id)} | ${m.column.index + 1} | ${m.column.header} | ${how} |`;
      }),
    ],
    'None.',
  );

  const optionLines = [...plan.options].flatMap(([id, c]) => [
    ...c.renamed.map(
      (r) =>
        `- ${code(id)}: option ${code(r.code)} renamed ${q(r.from)} → ${q(r.to)} (labels ${pct(r.similarity)} alike, the old one no longer given; ${r.respondents} respondents); its code is kept, so its figures compare with last year's`,
    ),
    ...c.added.map(
      (a) =>
        `- ${code(id)}: new option ${code(a.code)} ${q(a.label)} (${a.respondents} respondents)`,
    ),
    ...(c.others.length > 0
      ? [
          `- ${code(id)}: ${c.others.length} typed answer${c.others.length > 1 ? 's' : ''} kept as « Autre » text (fewer than the 1 % of respondents, and 5, that make an option): ${c.others
            .slice(0, 8)
            .map((o) => `${q(o.text)} (${o.respondents})`)
            .join(
              ', ',
            )}${c.others.length > 8 ? ', …' : ''}${c.needsOther ? ' — `other: true` set' : ''}`,
        ]
      : []),
    ...c.unseen.map(
      (o) =>
        `- ${code(id)}: option ${code(o.code)} ${q(o.label)} chosen by nobody this year (kept)`,
    ),
  ]);
  section(
    'Answer options',
    [
      ...optionLines,
      ...plan.scales.map(
        (s) =>
          `- ${code(s.id)}: scale widened from ${s.from.min}–${s.from.max} to ${s.to.min}–${s.to.max} (answers outside the old range)`,
      ),
    ],
    "Every answer is one of last year's options.",
  );

  section(
    'New questions',
    plan.added.map(
      (a) =>
        `- ${code(a.question.id)} (column ${a.column + 1}, ${q(a.question.header)}): **${a.question.type}**${a.question.private ? ', **private**' : ''}, ${a.evidence}`,
    ),
    'None.',
  );

  section(
    'Dropped questions, and what went with them',
    [
      ...plan.dropped.map((d) => `- question ${code(d.id)} (${q(d.header)}): no column this year`),
      ...plan.droppedSegments.map((d) => `- segment ${code(d.segment.id)}: ${d.because}`),
      ...plan.appliesToRemoved.map(
        (a) =>
          `- question ${code(a.question)}: was asked to segment ${code(a.segment)}, now gone; \`appliesTo\` removed (its base is now everyone who answered)`,
      ),
      ...plan.droppedCharts.map(
        (d) => `- chart ${code(d.chart)} (article ${code(d.article)}): removed, it ${d.because}`,
      ),
      ...plan.trimmedCharts.map(
        (t) =>
          `- chart ${code(t.chart)} (article ${code(t.article)}): segment${t.segments.length > 1 ? 's' : ''} ${t.segments.map(code).join(', ')} taken out`,
      ),
    ],
    'None.',
  );

  const privateOnes = plan.added.filter((a) => a.question.private);
  section(
    'Personal data',
    privateOnes.map(
      (a) =>
        `- ${code(a.question.id)} (${q(a.question.header)}) is marked \`private: true\`: read, never printed, never in free-text.csv`,
    ),
    'No column looks like personal data. E-mail addresses and phone numbers typed in free answers are masked in every output anyway.',
  );

  const todo: string[] = [];
  if (f.problems.length > 0) {
    todo.push(
      `- **The edition does not read yet** (${f.problems.length} problem${f.problems.length > 1 ? 's' : ''}):`,
      ...f.problems.map(
        (p) =>
          `  - ${p.file}${p.line ? `:${p.line}` : ''}${p.where ? ` (${p.where})` : ''}: expected ${p.expected}${p.found ? `, found ${p.found}` : ''}. ${p.fix}`,
      ),
    );
  }
  if (f.lines.length > 0) {
    todo.push(
      '- Rewrite these lines: they use what was dropped (`enquete build` stops on each):',
      ...f.lines.map(
        (l) =>
          `  - ${l.file}:${l.line} uses ${l.uses}: \`${l.text.slice(0, 100)}${l.text.length > 100 ? '…' : ''}\``,
      ),
    );
  }
  for (const a of plan.added) {
    if (a.question.private) continue;
    todo.push(
      `- Check the new question ${code(a.question.id)}: its id, label${'options' in a.question ? ', option codes and labels' : ''}; write about it and chart it if the article should`,
    );
  }
  for (const [id, c] of plan.options) {
    for (const a of c.added)
      todo.push(
        `- Give the new option ${code(id)}.${code(a.code)} a \`short:\` label if charts need one; check the segments that list ${code(id)}'s answers`,
      );
    for (const r of c.renamed)
      todo.push(`- Check the \`short:\` label of ${code(id)}.${code(r.code)}, renamed ${q(r.to)}`);
  }
  todo.push(
    '- Update the texts that name the year or the field period (article titles, deks, bodies), the distribution channels and the sample if they changed',
    `- Then: \`enquete figures ${f.newFolder}\`, then \`enquete build ${f.newFolder}\``,
  );
  section('What you must still do', todo, '');
  if (f.kept !== undefined)
    out.push('', `The export reads with the new config: ${f.kept} responses kept of ${plan.rows}.`);
  return `${out.join('\n')}\n`;
}
