/**
 * The publisher's logo: an SVG file from the edition folder, put inline in
 * every page, so it is cleaned first by an allowlist: only drawing
 * elements and attributes are kept; scripts, event handlers, links,
 * foreign content, images and references outside the file go. Its ids
 * are prefixed so they cannot clash with the charts' own.
 */
import render from 'dom-serializer';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { theme as say } from '../messages/index.js';

const ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'defs',
  'lineargradient',
  'radialgradient',
  'stop',
  'clippath',
  'mask',
  'symbol',
  'use',
  'title',
  'desc',
  'style',
]);

const ATTRIBUTES = new Set([
  'id',
  'class',
  'style',
  'viewbox',
  'preserveaspectratio',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fx',
  'fy',
  'd',
  'points',
  'transform',
  'fill',
  'fill-opacity',
  'fill-rule',
  'clip-rule',
  'clip-path',
  'mask',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'opacity',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientunits',
  'gradienttransform',
  'spreadmethod',
  'clippathunits',
  'maskunits',
  'maskcontentunits',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'href',
  'xlink:href',
  'xmlns',
  'xmlns:xlink',
  'version',
]);

/** A url() or href that stays inside the file (#id) is kept; any other reference is not. */
const OUTSIDE_URL = /url\(\s*['"]?(?!#)[^)]*\)/gi;

export class LogoError extends Error {}

/** The cleaned SVG, named for assistive technology as the publication. */
export function sanitiseLogo(source: string, name: string): string {
  const document = parseDocument(source, { xmlMode: true });
  const root = document.children.find((n): n is Element => isTag(n));
  if (!(root && root.name.toLowerCase() === 'svg')) throw new LogoError(say.notSvg);
  clean(root);
  if (!root.attribs.viewBox && root.attribs.width && root.attribs.height)
    root.attribs.viewBox = `0 0 ${Number.parseFloat(root.attribs.width)} ${Number.parseFloat(root.attribs.height)}`;
  if (!root.attribs.viewBox) throw new LogoError(say.noSize);
  root.attribs.xmlns = 'http://www.w3.org/2000/svg';
  root.attribs.role = 'img';
  root.attribs['aria-label'] = name;
  root.attribs.focusable = 'false';
  return render(root, { xmlMode: true, selfClosingTags: true });
}

function clean(element: Element): void {
  for (const key of Object.keys(element.attribs)) {
    const value = element.attribs[key] as string;
    const lower = key.toLowerCase();
    if (!ATTRIBUTES.has(lower)) delete element.attribs[key];
    else if (lower.endsWith('href') && !value.startsWith('#')) delete element.attribs[key];
    else if (lower === 'id') element.attribs[key] = `logo-${value}`;
    else if (lower.endsWith('href')) element.attribs[key] = `#logo-${value.slice(1)}`;
    else element.attribs[key] = fragmentUrls(value);
  }
  element.children = element.children.filter((child): child is ChildNode => {
    if (isText(child)) {
      if (element.name.toLowerCase() === 'style')
        child.data = fragmentUrls(child.data.replace(/@import[^;]*;?/gi, ''));
      return true;
    }
    if (!isTag(child)) return false; // comments, processing instructions, CDATA
    if (!ELEMENTS.has(child.name.toLowerCase())) return false;
    clean(child);
    return true;
  });
}

/** Outside references removed, inside ones ("#id") renamed as the ids are. */
function fragmentUrls(value: string): string {
  return value
    .replace(OUTSIDE_URL, 'none')
    .replace(/url\(\s*['"]?#([^)'"]+)['"]?\s*\)/g, 'url(#logo-$1)');
}
