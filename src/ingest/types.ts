/** A respondent's answers after ingest: codes from the codebook, never raw labels. */

/** A closed question's answer: the option codes chosen, and any typed "Autre" text. */
export interface ChoiceAnswer {
  kind: 'choice';
  /** Option codes in form order; "autre" when a typed answer is present. */
  codes: string[];
  other: string | null;
}
export interface NumberAnswer {
  kind: 'number';
  value: number;
}
export interface TextAnswer {
  kind: 'text';
  text: string;
}
export interface TimeAnswer {
  kind: 'time';
  epochMs: number;
}
/** `null` is "no answer": a blank cell, never zero. */
export type Answer = ChoiceAnswer | NumberAnswer | TextAnswer | TimeAnswer | null;

export type ExclusionReason = 'empty' | 'duplicate' | 'outside_field_period';

export interface Exclusion {
  line: number;
  reason: ExclusionReason;
  detail: string;
}

/** Every row of the export is kept or excluded: rowsIn = kept + excluded. */
export interface Reconciliation {
  file: string;
  rowsIn: number;
  kept: number;
  excluded: Exclusion[];
}
