/**
 * The newsletter recipe: the e-mail HTML with every style inlined (juice),
 * its plain-text part made from the same HTML (html-to-text), and an .eml
 * preview with the chart PNGs attached by Content-ID (nodemailer), which
 * opens in any mail client without hosting the images.
 */
import { convert } from 'html-to-text';
import juice from 'juice';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

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
    messageId: `<${args.date}.newsletter@enquete>`,
    html,
    text: args.text,
    attachments,
  });
  return mail.compile().build();
}
