/** Text put inside XML (the social cards' SVG, the PDF's XMP packet): the characters that would end it, as character references. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
