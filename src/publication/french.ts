/**
 * French typography for every number the reader sees, from Intl's fr-FR
 * rules: decimal comma, narrow no-break spaces inside numbers and before
 * "%", and no-break spaces inside "21 sur 24", so no figure ever breaks
 * across lines.
 */
const NBSP = '\u00a0';

// Made on first use: the first French formatter loads the locale's data (some 15 ms), which
// a run that formats nothing (`enquete figures`) need not wait for.
let integer: Intl.NumberFormat | undefined;
let percent: Intl.NumberFormat | undefined;

export function formatInteger(n: number): string {
  integer ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  return integer.format(n);
}

export function formatDecimal(n: number, decimals = 1): string {
  return new Intl.NumberFormat('fr-FR', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(n);
}

/** 0.5217 -> "52 %" */
export function formatPercent(share: number): string {
  percent ??= new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
  return percent.format(share);
}

/** "21 sur 24" with no-break spaces. */
export function formatOutOf(count: number, base: number): string {
  return `${formatInteger(count)}${NBSP}sur${NBSP}${formatInteger(base)}`;
}

/**
 * The editorial rule of the publication: under 30 respondents a percentage
 * overstates precision, so the figure is written "21 sur 24".
 */
export const SMALL_BASE = 30;

export function formatShare(count: number, base: number): string {
  return base < SMALL_BASE ? formatOutOf(count, base) : formatPercent(count / base);
}

/**
 * A share as the reader is given it. Counted as the respondents answered,
 * `formatShare`'s "52 %" or "21 sur 24". Weighted, it is an estimate for a
 * population, no count of respondents: a percentage, with the respondents it
 * rests on ("58 % (n = 24)") where they are under 30.
 */
export function formatShareOf(
  s: { count: number; base: number; value: number | null; weighted?: boolean },
  /** Printed within parentheses already: "58 %, n = 24". */
  inParentheses = false,
): string {
  if (!s.weighted || s.value === null) return formatShare(s.count, s.base);
  const text = formatPercent(s.value);
  if (s.base >= SMALL_BASE) return text;
  return inParentheses ? `${text}, ${formatBase(s.base)}` : `${text} (${formatBase(s.base)})`;
}

/**
 * A change since the previous edition: "+9 points" for a share (percentage
 * points), "−0,4 point" for a mean, "+16" for a count; a true minus sign,
 * and "point" singular below 2 as French has it.
 */
export function formatChange(of: 'share' | 'mean' | 'count', value: number): string {
  if (of === 'count') return signed(value, 0);
  const points = of === 'share' ? value * 100 : value;
  const decimals = of === 'share' ? 0 : 1;
  const shown = Math.abs(Number(points.toFixed(decimals)));
  return `${signed(points, decimals)}${NBSP}point${shown >= 2 ? 's' : ''}`;
}

function signed(n: number, decimals: number): string {
  const text = formatDecimal(Math.abs(n), decimals);
  if (Number(Math.abs(n).toFixed(decimals)) === 0) return text;
  return `${n > 0 ? '+' : '\u2212'}${text}`;
}

/** "n = 46" with no-break spaces. */
export function formatBase(base: number): string {
  return `n${NBSP}=${NBSP}${formatInteger(base)}`;
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "2024-04-23" -> "23 avril 2024" (1er for the first of the month). */
export function formatLongDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d === 1 ? '1er' : d}${NBSP}${MONTHS[m - 1]}${NBSP}${y}`;
}

/** Fractions a journalist would write, for wording decided by the data. */
const FRACTIONS: [number, string][] = [
  [1 / 10, 'un dixième'],
  [1 / 5, 'un cinquième'],
  [1 / 4, 'un quart'],
  [1 / 3, 'un tiers'],
  [2 / 5, 'deux cinquièmes'],
  [1 / 2, 'la moitié'],
  [3 / 5, 'trois cinquièmes'],
  [2 / 3, 'les deux tiers'],
  [3 / 4, 'les trois quarts'],
  [4 / 5, 'les quatre cinquièmes'],
  [9 / 10, 'les neuf dixièmes'],
];

/**
 * 0.52 -> "un peu plus de la moitié", 0.677 -> "environ les deux tiers",
 * 0.97 -> "la quasi-totalité". Always true to the number: the qualifier says
 * on which side of the fraction it lies.
 */
export function fractionWords(share: number): string {
  if (share >= 0.95) return share === 1 ? 'la totalité' : 'la quasi-totalité';
  if (share <= 0.05) return share === 0 ? 'aucun' : 'une infime minorité';
  const [fraction, words] = FRACTIONS.reduce((best, f) =>
    Math.abs(f[0] - share) < Math.abs(best[0] - share) ? f : best,
  );
  const gap = share - fraction;
  if (Math.abs(gap) < 0.015) return `environ ${words}`;
  return `${gap > 0 ? 'un peu plus' : 'près'} ${withDe(words)}`;
}

/** French elision and contraction after "de": de la, des, d'un. */
function withDe(words: string): string {
  if (words.startsWith('les ')) return `des ${words.slice(4)}`;
  if (words.startsWith('un')) return `d'${words}`;
  return `de ${words}`;
}

/**
 * French typography in running text: the typographic apostrophe (’), a
 * no-break space before ":" and inside "7,1 sur 10", * and inside « », a narrow one before ";", "?" and "!", so no line starts
 * with a colon or a closing guillemet. Applied to text between tags only,
 * never inside <style>.
 */
export function frenchSpacing(html: string): string {
  return html
    .split(/(<style[\s\S]*?<\/style>)/)
    .map((part) => (part.startsWith('<style') ? part : spaceText(part)))
    .join('');
}

function spaceText(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${frenchText(text)}<`);
}

/** The same spacing for plain text (chart titles, the dek). */
export function frenchText(text: string): string {
  return text.replace(FRENCH, (match, apostrophe, out1, out2, before, punct, open, close) => {
    if (apostrophe) return '\u2019';
    if (out1) return `${out1}\u00a0sur\u00a0${out2}`;
    if (before) return '\u00a0:';
    if (punct) return `\u202f${punct}`;
    if (open) return '«\u00a0';
    if (close) return '\u00a0»';
    return match;
  });
}

/** One pass for all the rules of frenchText (a page has thousands of text nodes). */
const FRENCH = /('|&#x27;)|(\d) sur (\d)|( :)(?=\s|$)| ([;?!])|(« )|( »)/g;

/** "a, b et c": a list as French writes it. */
export function joinFrench(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}
