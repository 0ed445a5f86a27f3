/** Text put inside XML or HTML (the social cards' SVG, the PDF's XMP packet, the preview's error panel): the characters that would end it, as character references. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
