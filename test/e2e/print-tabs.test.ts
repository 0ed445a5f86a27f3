/**
 * A page prints the same bytes whatever else the browser does: its tagged
 * PDF names its elements after the page's nodes (node00000013…), which a
 * tab opened beside others while the browser was starting numbered one
 * apart. The real Chromium, in this process.
 */
import { expect, it } from 'vitest';
import { startChromium } from '../../src/outputs/chromium.js';
import { printPdf } from '../../src/outputs/pdf.js';

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Tableau</title></head>
<body><h1>Titre</h1><p>Un paragraphe.</p>
<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>
</body></html>`;
const META = {
  title: 'Tableau',
  author: 'a',
  subject: 's',
  keywords: [],
  date: '2024-01-01',
  lang: 'fr',
};
const AREA = { widthPx: 627, heightPx: 956 };

it('prints a page with the same element ids in tabs opened side by side as in a tab alone', async () => {
  const chromium = startChromium();
  try {
    chromium.warmUp();
    const print = async (tab: ReturnType<typeof chromium.tab>) => {
      const page = await tab;
      try {
        const pdf = Buffer.from((await printPdf(page, PAGE, META, AREA)).pdf).toString('latin1');
        return pdf.match(/node\d{8}/g);
      } finally {
        await page.close();
      }
    };
    // Three tabs asked for at once, before the browser is up, as a build whose drawings are all kept asks.
    const together = await Promise.all([chromium.tab(), chromium.tab(), chromium.tab()].map(print));
    const alone = await print(chromium.tab());
    expect(alone?.length).toBeGreaterThan(0);
    for (const ids of together) expect(ids).toEqual(alone);
  } finally {
    await chromium.close();
  }
});
