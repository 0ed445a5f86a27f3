/**
 * CSV the project writes, for editors who open it in a spreadsheet. A cell
 * that starts like a formula (= + - @, tab, carriage return) is prefixed with
 * an apostrophe, so text typed by the public can never run as a formula.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map((c) => `"${neutraliseFormula(c).replaceAll('"', '""')}"`).join(',')).join('\r\n')}\r\n`;
}
