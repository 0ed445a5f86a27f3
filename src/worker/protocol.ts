/** The messages between the build and its worker thread: plain data only. */
import type { SvgJob } from '../charts/draw.js';
import type { NewsletterJob } from '../outputs/email.js';
import type { PngJob } from '../outputs/recipe.js';

export type Request =
  | { id: number; kind: 'svg'; jobs: SvgJob[] }
  | { id: number; kind: 'newsletter'; job: NewsletterJob }
  | { id: number; kind: 'pngs'; jobs: PngJob[] };
export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; stack?: string };
