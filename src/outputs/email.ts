/**
 * The e-mail made from the newsletter page: the HTML with every style inlined (juice),
 * its plain-text part made from the same HTML (html-to-text), and an .eml
 * preview with the chart PNGs attached by Content-ID (nodemailer), which
 * opens in any mail client without hosting the images.
 */
import { convert } from 'html-to-text';
import juice from 'juice';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { renderPng } from '../charts/render.js';

/** What the drawing thread needs to make an article's e-mail: plain data only. */
export interface NewsletterJob {
  /** The newsletter page before CSS inlining. */
  html: string;
  /** Each chart's drawing and where its PNG is published (a path under the output folder). */
  charts: { id: string; svg: string; pngFile: string }[];
  /** Width of the PNGs in pixels: twice the e-mail column's CSS pixels. */
  pngWidth: number;
  subject: string;
  from: string;
  date: string;
  /** Tells this e-mail's Message-ID from the edition's other articles'. */
  slug: string;
  imageBaseUrl: string;
}

export interface NewsletterResult {
  pngs: { name: string; bytes: Uint8Array }[];
  html: string;
  text: string;
  eml: Uint8Array;
}

type DrawPng = (svg: string, widthPx: number) => Uint8Array | Promise<Uint8Array>;

/** The PNGs, the inlined HTML, its plain text and the .eml preview. */
export async function composeNewsletter(
  job: NewsletterJob,
  png: DrawPng = (svg, widthPx) => renderPng(svg, widthPx).bytes,
): Promise<NewsletterResult> {
  const pngs = await Promise.all(
    job.charts.map(async (c) => ({ name: c.pngFile, bytes: await png(c.svg, job.pngWidth) })),
  );
  const html = inlineStyles(job.html);
  const text = plainText(job.html);
  const eml = await emlMessage({
    html,
    text,
    subject: job.subject,
    from: job.from,
    date: job.date,
    messageId: `<${job.date}.${job.slug}.newsletter@enquete>`,
    imageBaseUrl: job.imageBaseUrl,
    images: pngs.map((p, i) => ({ id: job.charts[i]?.id as string, file: p.name, bytes: p.bytes })),
  });
  return { pngs, html, text, eml: new Uint8Array(eml) };
}

export function inlineStyles(html: string): string {
  return juice(html, {
    removeStyleTags: true,
    preserveMediaQueries: true,
    applyWidthAttributes: true,
    applyHeightAttributes: false,
  });
}

export function plainText(html: string): string {
  return `${convert(html, {
    wordwrap: 76,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: '.preheader', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'table.chart', format: 'block' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  }).trim()}\n`;
}

export async function emlMessage(args: {
  html: string;
  text: string;
  subject: string;
  from: string;
  date: string;
  messageId: string;
  imageBaseUrl: string;
  /** The chart PNGs, attached and referenced by Content-ID instead of their URL. */
  images: { id: string; file: string; bytes: Uint8Array }[];
}): Promise<Buffer> {
  let html = args.html;
  const attachments = args.images.map((image) => {
    const cid = `${image.id}@enquete`;
    html = html.replaceAll(`src="${args.imageBaseUrl}${image.file}"`, `src="cid:${cid}"`);
    return {
      filename: image.file.split('/').pop(),
      content: Buffer.from(image.bytes),
      contentType: 'image/png',
      cid,
    };
  });
  const mail = new MailComposer({
    from: args.from,
    to: 'abonnes@example.invalid',
    subject: args.subject,
    date: new Date(`${args.date}T08:00:00+02:00`),
    messageId: args.messageId,
    html,
    text: args.text,
    attachments,
  });
  return mail.compile().build();
}
