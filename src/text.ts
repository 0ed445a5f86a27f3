/**
 * Text as editing tools leave it: curly or straight apostrophes, non-breaking
 * or repeated spaces, composed or decomposed accents. Compared after this,
 * a header or label retyped in a spreadsheet still matches the codebook.
 */
export function normaliseText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u2019\u2018\u02bc]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

export function sameText(a: string, b: string): boolean {
  return normaliseText(a).toLocaleLowerCase('fr') === normaliseText(b).toLocaleLowerCase('fr');
}
