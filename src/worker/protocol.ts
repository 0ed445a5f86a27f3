/** The messages between the build and its threads: plain data only. */
import type { SvgJob } from '../charts/draw.js';
import type { NewsletterJob } from '../outputs/email.js';
import type { WorkbookMethod } from '../outputs/workbook.js';
import type { SurveyTables } from '../tables/model.js';

/** What a thread is for: the drawing thread draws charts, PNGs and the e-mails; a PNG thread, PNGs and the workbook. */
export type Role = 'drawing' | 'png';

export type Request =
  | { id: number; kind: 'svg'; jobs: SvgJob[] }
  /** The e-mail, its chart PNGs drawn already (in `job.charts`' order). */
  | { id: number; kind: 'newsletter'; job: NewsletterJob; pngs: Uint8Array[] }
  | { id: number; kind: 'png'; svg: string; widthPx: number }
  | { id: number; kind: 'workbook'; tables: SurveyTables; method: WorkbookMethod };
export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; stack?: string };
