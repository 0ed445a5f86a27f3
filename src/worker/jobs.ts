/** The messages between the build and its worker thread: plain data only. */
import type { ChartData } from '../charts/data.js';

export interface SvgJob {
  data: ChartData;
  scaleMax: number;
}

export interface NewsletterJob {
  /** The newsletter page before CSS inlining. */
  html: string;
  charts: { id: string; svg: string; pngFile: string }[];
  subject: string;
  from: string;
  date: string;
  imageBaseUrl: string;
}

export interface NewsletterResult {
  pngs: { name: string; bytes: Uint8Array }[];
  html: string;
  text: string;
  eml: Uint8Array;
}

export type Request =
  | { id: number; kind: 'svg'; jobs: SvgJob[] }
  | { id: number; kind: 'newsletter'; job: NewsletterJob };
export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; stack?: string };
