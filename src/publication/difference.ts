/**
 * One difference since the previous edition, as data (analysis/comparability.ts
 * finds them): the publication words it for readers (fr.ts `comparability`),
 * the command for editors (messages/). Declared here, below both, so that
 * neither imports upwards.
 */
export type Difference =
  | { kind: 'reworded'; from: string; to: string }
  | { kind: 'type'; from: string; to: string }
  | { kind: 'asked'; from?: string; to?: string }
  | { kind: 'renamed'; answers: { from: string; to: string }[] }
  | { kind: 'added'; answers: string[] }
  | { kind: 'removed'; answers: string[] }
  | { kind: 'other'; added: boolean }
  | { kind: 'scale'; from: string; to: string }
  | { kind: 'segment'; segment: string }
  | { kind: 'segmentOn'; segment: string; question: string }
  | { kind: 'population'; question: string; added: string[]; removed: string[] }
  /** The two editions are not weighted on the same questions: the questions each is weighted on (none: unweighted). */
  | { kind: 'weighting'; from: string[]; to: string[] };

/** The difference of one kind: `DifferenceOf<'renamed'>`. */
export type DifferenceOf<K extends Difference['kind']> = Extract<Difference, { kind: K }>;
