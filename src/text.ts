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

/** Levenshtein distance: how many single-character edits turn a into b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
