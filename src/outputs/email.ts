/**
 * The e-mail made from the newsletter page: the HTML with every style inlined (juice),
 * its plain-text part made from the same HTML (html-to-text), each chart
 * there its title, its numbers one short line a bar, and its note, and an .eml
 * preview with the chart PNGs attached by Content-ID (nodemailer), which
 * opens in any mail client without hosting the images.
 */
import { createHash } from 'node:crypto';
import { convert, type FormatCallback } from 'html-to-text';
import juice from 'juice/client.js';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { renderPng } from '../charts/png.js';

/** What the drawing thread needs to make an article's e-mail: plain data only. */
export interface NewsletterJob {
  /** The newsletter page before CSS inlining. */
  html: string;
  /**
   * Each chart's drawing, where its PNG is published (a path under the
   * output folder), and its numbers as lines of plain text (charts/lines.ts).
   */
  charts: { id: string; svg: string; pngFile: string; lines: string[] }[];
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
  const text = plainText(job.html, new Map(job.charts.map((c) => [c.id, c.lines])));
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

/**
 * The page as plain text, 76 characters a line. A chart (the partial's
 * `table.chart`, named by its `data-chart`) becomes its title, a blank
 * line, its numbers (`lines`, by chart id) and its note.
 */
export function plainText(html: string, lines: ReadonlyMap<string, string[]> = new Map()): string {
  return `${convert(html, {
    wordwrap: 76,
    formatters: { chart: chartText(lines), heading: underlined },
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: '.preheader', format: 'skip' },
      { selector: 'p.kicker', format: 'paragraph', options: { trailingLineBreaks: 1 } },
      { selector: 'h1', format: 'heading', options: { leadingLineBreaks: 1, rule: '=' } },
      { selector: 'h2', format: 'heading', options: { leadingLineBreaks: 3, rule: '-' } },
      { selector: 'table.chart', format: 'chart' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  }).trim()}\n`;
}

type Node = Parameters<FormatCallback>[0];

/** A heading as plain text marks it: underlined, as wide as its longest line. */
const underlined: FormatCallback = (elem, walk, builder, options) => {
  builder.openBlock({ leadingLineBreaks: options.leadingLineBreaks ?? 2 });
  walk(elem.children, builder);
  builder.closeBlock({
    trailingLineBreaks: 2,
    blockTransform: (text) =>
      `${text}\n${String(options.rule).repeat(Math.max(...text.split('\n').map((l) => l.length)))}`,
  });
};

/** A chart as text: its title, a blank line, its lines (long ones wrapped under their indent), its note. */
function chartText(lines: ReadonlyMap<string, string[]>): FormatCallback {
  return (elem, walk, builder) => {
    const cell = (name: string) => findByClass(elem, name)?.children ?? [];
    builder.openBlock({ leadingLineBreaks: 2 });
    walk(cell('chart-title'), builder);
    builder.closeBlock({ trailingLineBreaks: 2 });
    for (const line of lines.get(String(elem.attribs?.['data-chart'])) ?? []) {
      const indent = /^ */.exec(line)?.[0] ?? '';
      builder.openBlock({ leadingLineBreaks: 1, reservedLineLength: indent.length });
      builder.addInline(line.slice(indent.length));
      builder.closeBlock({
        trailingLineBreaks: 1,
        blockTransform: (text) => text.replace(/^/gm, indent),
      });
    }
    builder.openBlock({ leadingLineBreaks: 1 });
    walk(cell('chart-note'), builder);
    builder.closeBlock({ trailingLineBreaks: 2 });
  };
}

/** The first element under `node` with this class. */
function findByClass(node: Node, name: string): Node | undefined {
  for (const child of node.children ?? []) {
    if (
      String(child.attribs?.class ?? '')
        .split(/\s+/)
        .includes(name)
    )
      return child;
    const found = findByClass(child, name);
    if (found) return found;
  }
  return undefined;
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
  // nodemailer's composer reads baseBoundary, which its type declarations leave out.
  const options: Mail.Options & { baseBoundary: string } = {
    from: args.from,
    to: 'abonnes@example.invalid',
    subject: args.subject,
    date: new Date(`${args.date}T08:00:00+02:00`),
    messageId: args.messageId,
    html,
    text: args.text,
    attachments,
    // The parts' boundary made from the message, not drawn at random: the same e-mail, the same bytes.
    baseBoundary: createHash('sha256')
      .update(`${args.messageId}\0${html}\0${args.text}`)
      .digest('hex')
      .slice(0, 16),
  };
  return new MailComposer(options).compile().build();
}
