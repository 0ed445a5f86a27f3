/**
 * The publisher's theme (edition.yaml `theme:`) as the pages use it: the
 * publication's name, its logo (read and cleaned at the edge, logo.ts),
 * and CSS that overrides the default look's variables (accent, fonts).
 * Without a theme the CSS is empty and every page looks as by default.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { contrast, shadeFor } from '../edition/colour.js';
import { type Edition, fileInEdition } from '../edition/load.js';
import type { Theme } from '../edition/schema.js';
import { InputError } from '../errors.js';
import { theme as say, tasks, where } from '../messages/index.js';

export interface ThemeView {
  publication: string;
  /** The cleaned logo SVG, inline (and drawn on the cards). */
  logo?: Handlebars.SafeString;
  /** The accent colour (the default's when the theme sets none): the cards' rule and key figures. */
  accent: string;
  /** CSS for the pages read in a browser or printed: variables of base.css. */
  css: string;
  /** CSS for the e-mail, whose clients know no variables: the rules that use the accent. */
  emailCss: string;
}

/** The default look's accent (base.css). */
const DEFAULT_ACCENT = '#0072b2';
/** The web article's dark background (web.css), which the accent must read against as text too. */
const DARK_PAPER = '#15191c';

export async function loadTheme(edition: Edition): Promise<ThemeView> {
  const theme: Theme = edition.config.theme ?? {};
  const publication = theme.publication ?? edition.config.edition.publisher;
  const logoSvg = theme.logo ? await readLogo(edition, theme.logo, publication) : undefined;
  return {
    publication,
    ...(logoSvg && { logo: new Handlebars.SafeString(logoSvg) }),
    accent: theme.accent ?? DEFAULT_ACCENT,
    css: themeCss(theme),
    emailCss: themeEmailCss(theme),
  };
}

/** base.css variables: the accent for rules and text, the two typefaces. */
export function themeCss(theme: Theme): string {
  const rules: string[] = [];
  if (theme.accent) {
    rules.push(`--accent: ${theme.accent};`, `--accent-ink: ${theme.accent};`);
  }
  if (theme.fonts?.text) rules.push(`--serif: "${theme.fonts.text}", serif;`);
  if (theme.fonts?.headings) rules.push(`--sans: "${theme.fonts.headings}", sans-serif;`);
  if (rules.length === 0) return '';
  const dark = theme.accent
    ? `\n@media screen and (prefers-color-scheme: dark) { :root { --accent-ink: ${darkInk(theme.accent)}; } }`
    : '';
  return `:root { ${rules.join(' ')} }${dark}`;
}

/** The accent as text on the dark page: lightened until it reads there (WCAG AA). */
function darkInk(accent: string): string {
  return contrast(accent, DARK_PAPER) >= 4.5
    ? accent
    : shadeFor(accent, DARK_PAPER, 4.5, '#ffffff');
}

function themeEmailCss(theme: Theme): string {
  if (!theme.accent) return '';
  const a = theme.accent;
  return `a, .kicker { color: ${a}; } .masthead { border-bottom-color: ${a}; } .button { background: ${a}; } .methodology { border-left-color: ${a}; }`;
}

async function readLogo(edition: Edition, file: string, name: string): Promise<string> {
  const problem = (found: string, fix: string) =>
    new InputError(tasks.readTheme, [
      {
        file: edition.configFile,
        ...edition.locate(['theme', 'logo']),
        where: where.key('theme.logo'),
        ...say.logo(found, fix),
      },
    ]);
  const inside = fileInEdition(edition.folder, file);
  if (inside === null) throw problem(JSON.stringify(file), say.logoOutside);
  const full = path.resolve(inside);
  const text = await readFile(full, 'utf8').catch(() => null);
  if (text === null) throw problem(say.logoMissing(full), say.logoPath);
  const { LogoError, sanitiseLogo } = await import('./logo.js');
  try {
    return sanitiseLogo(text, name);
  } catch (e) {
    if (e instanceof LogoError) throw problem(`${file}: ${e.message}`, say.logoNotSvg);
    throw e;
  }
}
