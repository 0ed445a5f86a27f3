/** The publisher's theme: contrast checks, the CSS it adds, and the logo's cleaning. */
import { describe, expect, it } from 'vitest';
import { contrast, shadeFor } from '../../src/edition/colour.js';
import { sanitiseLogo } from '../../src/render/logo.js';
import { themeCss } from '../../src/render/theme.js';

describe('contrast (WCAG 2.x)', () => {
  it('gives the published ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes AA on white.
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
  it('finds the nearest shade that passes', () => {
    const shade = shadeFor('#f0a030', '#ffffff');
    expect(contrast(shade, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shadeFor('#f0a030', '#ffffff', 4.5), '#ffffff')).toBeLessThan(4.7);
  });
});

describe('themeCss', () => {
  it('is empty without a theme, so the default look stays', () => {
    expect(themeCss({})).toBe('');
  });
  it('sets the accent and the typefaces, and a lighter accent for text on the dark page', () => {
    const css = themeCss({
      accent: '#7a1f5c',
      fonts: { text: 'Source Sans 3', headings: 'Source Serif 4' },
    });
    expect(css).toContain('--accent: #7a1f5c;');
    expect(css).toContain('--serif: "Source Sans 3", serif;');
    expect(css).toContain('--sans: "Source Serif 4", sans-serif;');
    const dark = /prefers-color-scheme: dark\) \{ :root \{ --accent-ink: (#[0-9a-f]{6})/.exec(
      css,
    )?.[1];
    expect(contrast(dark as string, '#15191c')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('sanitiseLogo', () => {
  const hostile = `<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="20" onload="alert(1)">
    <script>alert(2)</script>
    <style>@import url(https://evil.example/x.css); .a { fill: url(https://evil.example/p.svg#g); }</style>
    <defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>
    <a href="https://evil.example"><rect width="10" height="10"/></a>
    <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
    <image href="https://evil.example/track.png" width="1" height="1"/>
    <use xlink:href="https://evil.example/s.svg#x"/>
    <rect class="a" width="50" height="10" fill="url(#g)" onclick="steal()" style="fill: url('https://evil.example/y')"/>
    <use href="#g"/>
  </svg>`;
  const clean = sanitiseLogo(hostile, 'Tech Imago');

  it('keeps the drawing, named for assistive technology', () => {
    expect(clean).toMatch(/^<svg /);
    expect(clean).toContain('role="img"');
    expect(clean).toContain('aria-label="Tech Imago"');
    expect(clean).toContain('viewBox="0 0 100 20"');
    expect(clean).toContain('<rect class="a" width="50" height="10" fill="url(#logo-g)"');
    expect(clean).toContain('id="logo-g"');
    expect(clean).toContain('<use href="#logo-g"/>');
  });
  it('removes scripts, handlers, links, foreign content, images and outside references', () => {
    for (const gone of [
      'script',
      'onload',
      'onclick',
      'alert',
      '<a ',
      'foreignObject',
      '<image',
      'evil.example',
      '@import',
      'DOCTYPE',
    ])
      expect(clean, gone).not.toContain(gone);
  });
  it('refuses a file that is not an SVG', () => {
    expect(() => sanitiseLogo('<html><body/></html>', 'x')).toThrow(/not an SVG/);
    expect(() =>
      sanitiseLogo('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', 'x'),
    ).toThrow(/viewBox/);
  });
});
