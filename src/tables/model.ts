/**
 * The whole survey as tables: for every question of the codebook, in its
 * order, the topline (every answer over everyone) and its cross-tabs by each
 * group of segments. Plain data built from the figures (tables.ts), which
 * the page, the workbook and the printed tables only lay out.
 */
import type { Interval } from '../analysis/stats.js';
import type { QuestionType } from '../edition/schema.js';

/** One cell: an answer's share of a column's base, or a column's mean. */
export interface Cell {
  /** The figure it shows (figures.json's id). */
  figure: string;
  /** A share (0 to 1) or a mean; null when the column has no respondent for the question. */
  value: number | null;
  /** For a share: how many gave the answer. */
  count?: number;
  base: number;
  ci: Interval | null;
  /** The letters of the columns this cell is above, beyond the 95 % interval ("B", "BC"). */
  letters: string;
}

/** A column of a cross-tab: a segment. */
export interface Column {
  segment: string;
  label: string;
  /** "A", "B"…; empty for the whole ("Ensemble") and for a column under the small-base line. */
  letter: string;
  /** How many answered the question in this column. */
  base: number;
  /** Under 30: marked, never lettered, never compared. */
  small: boolean;
}

/** A row: one answer (or the mean, for a scale). */
export interface Row {
  /** The answer's code, or "mean". */
  code: string;
  label: string;
  /** One cell per column, in the columns' order. */
  cells: Cell[];
}

/** One cross-tab: a question by a group of segments (or the topline: the whole alone). */
export interface CrossTab {
  /** The group's name ("Profession"), or the topline's. */
  title: string;
  columns: Column[];
  rows: Row[];
  /** A group with many columns is split over several tables: this part, from 1, of how many. */
  part?: { index: number; of: number };
}

export interface QuestionTables {
  id: string;
  /** The question as asked (its header in the export). */
  header: string;
  label: string;
  type: QuestionType;
  /** Who was asked (its `appliesTo` segment's label), when not everyone. */
  askedOf?: string;
  /** Everyone's answers: one column, the whole. */
  topline: CrossTab;
  /** Respondents asked who gave no answer. */
  missing: number;
  /** Several answers allowed: shares do not add up to 100 %. */
  multiple: boolean;
  crossTabs: CrossTab[];
  /** A free-text question: how many answered, and the answers (most frequent first). */
  freeText?: { answers: number; items: { text: string; count: number }[] };
  /** A timestamp: responses per week (Monday of the week, YYYY-MM-DD). */
  perWeek?: { week: string; count: number }[];
}

/** A group of segments compared side by side. */
export interface SegmentGroup {
  title: string;
  segments: string[];
  /** The questions its segments are defined on: a question is not crossed by its own answers. */
  questions: string[];
}

export interface SurveyTables {
  survey: string;
  /** "Profession", "Secteur d'exercice"…: the groups every question is crossed by. */
  groups: SegmentGroup[];
  questions: QuestionTables[];
  /** Respondents kept. */
  respondents: number;
  /** The shares and means are weighted (edition.yaml `weighting:`); counts and bases stay the respondents. */
  weighted?: true;
}
