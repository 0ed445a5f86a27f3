/** What the new-year rules read: the edition, its responses, its charts as planned, its texts and the audit. */

import type { Membership } from '../analysis/segments.js';
import type { PlannedChart } from '../charts/draw.js';
import type { Edition } from '../edition/load.js';
import type { Article, ChartConfig, EditionConfig } from '../edition/schema.js';
import type { FigureIndex } from '../format/figure-index.js';
import type { Responses } from '../ingest/columns.js';
import type { Audit, TemplatePlace } from '../render/audit.js';

/** An edition's respondents: its answers and who is in each segment. */
export interface Respondents {
  config: EditionConfig;
  responses: Responses;
  membership: Membership;
}

export interface LintInput {
  edition: Edition;
  respondents: Respondents;
  /** The edition compared with, when there is one. */
  previous?: Respondents;
  index: FigureIndex;
  audit: Audit;
  charts: { article: Article; chart: ChartConfig; planned: PlannedChart; at: PropertyKey[] }[];
  /** Every text an article is written in: its body, its dek, its chart titles, its title. */
  texts: (TemplatePlace & { text: string })[];
}
