/**
 * The init report for a person at the terminal: the document init-report.md
 * holds, without its Markdown. The title and each section's title underlined;
 * lists as bullets wrapped to the terminal's width, each under its own text;
 * the questions found as an aligned list; the commands to run next one per
 * line, exactly as they are typed; French spacing kept whole (no line starts
 * with « : » or « » »).
 */
import { initReport as say } from '../messages/index.js';
import type { FoundRow, ReportDocument, ReportLine } from './report.js';

const NBSP = '\u00a0';

/** The width the report is wrapped to when the terminal does not say its own. */
export const DEFAULT_WIDTH = 100;

export function reportTerminal(doc: ReportDocument, width = DEFAULT_WIDTH): string {
  const out = [
    ...doc.head.flatMap((l) => line(l, width)),
    ...doc.sections.flatMap((s) => [
      '',
      ...underlined(s.title, '─'),
      ...s.lines.flatMap((l) => line(l, width)),
    ]),
    ...doc.closing.flatMap((c) => ['', ...wrap(plain(c), width, '', '')]),
  ];
  return `${out.join('\n')}\n`;
}

/** The width to wrap to on this terminal: its own, within reason. */
export function terminalWidth(columns: number | undefined): number {
  return Math.min(120, Math.max(60, columns ?? DEFAULT_WIDTH));
}

function line(l: ReportLine, width: number): string[] {
  if (typeof l !== 'string') return 'found' in l ? found(l.found, width) : next(l.next);
  if (l === '') return [''];
  if (l.startsWith('# ')) return underlined(plain(l.slice(2)), '═');
  const item = /^( *)- (.*)$/.exec(l);
  if (!item) return wrap(plain(l), width, '', '');
  const sub = (item[1] as string).length >= 2;
  return wrap(
    plain(item[2] as string),
    width,
    sub ? '      – ' : '  • ',
    sub ? '        ' : '    ',
  );
}

function underlined(title: string, rule: string): string[] {
  return [title, rule.repeat([...title].length)];
}

/** Each question's id, then where it was found and how, wrapped under the text. */
function found(rows: readonly FoundRow[], width: number): string[] {
  const key = Math.min(24, Math.max(...rows.map((r) => r.id.length)));
  return rows.flatMap((r) => {
    const first = `  ${r.id.padEnd(key)}  `;
    const text = plain(`${say.foundAt(r.column, r.header)} — ${r.how}`);
    return wrap(text, width, first, ' '.repeat(Math.max(first.length, key + 4)));
  });
}

/** The commands to run next, one per line and never wrapped: copied, they run as printed. */
function next(commands: readonly string[]): string[] {
  return [`  • ${plain(say.thenRun)}`, ...commands.map((c) => `      ${c}`)];
}

/**
 * Markdown's inline marks taken out (`code` keeps its text as written, bold
 * its words), and French spacing made no-break outside code: before « : »,
 * « ; », « ? », « ! », « » », after « « ».
 */
export function plain(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part.slice(1, -1)
        : part
            .replaceAll('**', '')
            .replace(/ ([:;?!»])/g, `${NBSP}$1`)
            .replaceAll('« ', `«${NBSP}`),
    )
    .join('');
}

/** Greedy wrapping at spaces (never at a no-break one); a word longer than the line keeps whole. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let current = first;
  let empty = true;
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const length = [...current].length + (empty ? 0 : 1) + [...word].length;
    if (!empty && length > width) {
      lines.push(current);
      current = rest + word;
    } else current += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(current);
  return lines;
}
