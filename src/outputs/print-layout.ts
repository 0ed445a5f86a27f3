/**
 * Charts as floats, placed when the page is laid out, as a magazine does:
 * measure, then place. Chromium lays the print page out in a multi-column
 * box whose columns are exactly the A4 text area, so it breaks the text
 * into pages by the same rules it prints with (orphans, widows, figures
 * kept whole). A chart that would leave the bottom of a page empty waits:
 * it moves past the paragraphs after it, one at a time, until the text has
 * filled that page, never straight after a heading and never past the next
 * chart (charts keep their order). The appendix starts on a page of its
 * own, unless the article would end with a few lines alone on its last
 * page: then it follows on. Then the page is printed as placed.
 */
import type { Page } from 'puppeteer-core';

/** The text area of a printed page, in CSS pixels. */
export interface PrintArea {
  widthPx: number;
  heightPx: number;
}

/** Place the print page's charts (run on the loaded page, before printing). */
export async function placeCharts(page: Page, area: PrintArea): Promise<void> {
  await page.evaluate(floatCharts, area);
}

/**
 * Runs in the page: puppeteer sends its source, so it uses nothing from
 * outside its own body.
 */
function floatCharts(area: PrintArea): void {
  const GAP = 100;
  /** A hole under this share of the page is a paragraph's widow or a heading kept with its text. */
  const HOLE = 0.1;
  const MOST_STEPS = 12;
  /** An article ending this high on its last page lets the appendix follow on. */
  const SHORT_LAST_PAGE = 0.4;
  const style = document.createElement('style');
  style.textContent = `body.enquete-measuring { width: ${area.widthPx}px; height: ${area.heightPx}px;
    column-width: ${area.widthPx}px; column-gap: ${GAP}px; column-fill: auto; }`;
  document.head.append(style);
  document.body.classList.add('enquete-measuring');
  const origin = document.body.getBoundingClientRect();
  const at = (rect: DOMRect, edge: 'top' | 'bottom') => ({
    page: Math.round((rect.left - origin.left) / (area.widthPx + GAP) - 0.49),
    y: (edge === 'top' ? rect.top : rect.bottom) - origin.top,
  });
  /** Where an element's last line (or box) ends. */
  const end = (element: Element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return [...range.getClientRects(), ...element.getClientRects()]
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => at(r, 'bottom'))
      .reduce((a, b) => (b.page > a.page || (b.page === a.page && b.y > a.y) ? b : a));
  };
  /** The empty space a chart leaves at the bottom of the page before it, in pixels. */
  const hole = (chart: Element): number => {
    const before = chart.previousElementSibling;
    if (!before) return 0;
    const top = at(chart.getBoundingClientRect(), 'top');
    const last = end(before);
    return top.page > last.page ? area.heightPx - last.y : 0;
  };
  const isHeading = (e: Element | null) => e !== null && /^H[1-6]$/.test(e.tagName);
  for (const chart of document.querySelectorAll('article figure.chart')) {
    let best = { hole: hole(chart), after: chart.previousElementSibling };
    if (best.hole <= HOLE * area.heightPx) continue;
    for (let steps = 1; steps <= MOST_STEPS; steps++) {
      const next = chart.nextElementSibling;
      if (!next || next.matches('figure.chart')) break;
      next.after(chart);
      if (isHeading(chart.previousElementSibling)) continue;
      const now = hole(chart);
      if (now < best.hole) best = { hole: now, after: chart.previousElementSibling };
      if (now <= HOLE * area.heightPx) break;
    }
    best.after?.after(chart);
  }
  const appendix = document.querySelector('.appendix');
  const articleEnd = appendix?.previousElementSibling;
  if (appendix && articleEnd && end(articleEnd).y < SHORT_LAST_PAGE * area.heightPx)
    appendix.classList.add('runs-on');
  document.body.classList.remove('enquete-measuring');
  style.remove();
}
