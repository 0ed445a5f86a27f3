/** An article's key figures, read from its page: what the social cards say, word for word. */
import { DomUtils, parseDocument } from 'htmlparser2';

/** The article's key figures: each list item's bold number and the words after it. */
export function keyFigures(html: string): { number: string; sentence: string }[] {
  const document = parseDocument(html);
  const lists = DomUtils.findAll(
    (e) => e.name === 'ul' && (e.attribs.class ?? '').split(' ').includes('key-figures'),
    document.children,
  );
  return lists.flatMap((ul) =>
    DomUtils.getChildren(ul)
      .filter((li) => DomUtils.isTag(li) && li.name === 'li')
      .map((li) => {
        const strong = DomUtils.findOne((e) => e.name === 'strong', [li]);
        // Collapse the markup's white space only: the no-break spaces inside figures stay.
        const all = DomUtils.textContent(li)
          .replace(/[ \t\r\n]+/g, ' ')
          .trim();
        const number = strong ? DomUtils.textContent(strong).trim() : '';
        return { number, sentence: all.slice(all.indexOf(number) + number.length).trim() };
      })
      .filter((k) => k.number !== ''),
  );
}
