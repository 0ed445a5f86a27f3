/**
 * The editors' guide (docs/guide.md) cannot go stale: its generated parts
 * (each chart kind's chapter, the table of helpers) are what the code makes
 * now, each kind has its picture, every helper and variable the articles use
 * is documented, and every example the guide shows builds with the build's
 * own code (charts added to an article in memory and drawn, texts rendered).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, parse as parseYaml } from 'yaml';
import type { ChartEntry } from '../../scripts/docs/examples.js';
import {
  composeWith,
  drawnChart,
  EXAMPLE_EDITION,
  PREVIOUS_EXAMPLE_EDITION,
  readerText,
  renderText,
  SERIES_EXAMPLE_EDITION,
} from '../../scripts/docs/examples.js';
import {
  END_MARKER,
  type Generated,
  generateGuide,
  helperRows,
  PART_NAMES,
  type PartName,
  partOf,
  pictureFile,
  pictureInGuide,
  startMarker,
  withPart,
} from '../../scripts/docs/guide.js';
import { COMMON_FIELD_DOCS } from '../../src/charts/kind.js';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import type { Composed } from '../../src/compose/compose.js';
import { parseEditionConfig } from '../../src/edition/parse-config.js';
import { HELPER_DOCS, VARIABLE_DOCS } from '../../src/render/helper-docs.js';

const GUIDE = 'docs/guide.md';
const guide = readFileSync(GUIDE, 'utf8');
const RUN = 'run `npm run docs` to write it again from the code';

let generated: Generated;
beforeAll(async () => {
  generated = await generateGuide();
});

describe('the guide’s generated parts', () => {
  it.each(Object.keys(PART_NAMES) as PartName[])('"%s" is what the code makes now', (part) => {
    expect(partOf(guide, part), `${GUIDE}: the part "${PART_NAMES[part]}" is stale: ${RUN}`).toBe(
      generated.parts[part].trim(),
    );
  });

  it('has each kind’s picture, a PNG the guide shows', () => {
    for (const k of CHART_KINDS) {
      const file = pictureFile(k.kind);
      expect(existsSync(file), `${file} is missing: ${RUN}`).toBe(true);
      expect(readFileSync(file).subarray(1, 4).toString('latin1'), file).toBe('PNG');
      expect(guide).toContain(`](${pictureInGuide(k.kind)})`);
    }
  });

  it('rewrites a part between its markers only, and names a missing marker', () => {
    const text = `a\n${startMarker('helpers')}\nold\n${END_MARKER}\nb\n`;
    const written = withPart(text, 'helpers', 'new');
    expect(partOf(written, 'helpers')).toBe('new');
    expect(written.startsWith(`a\n${startMarker('helpers')}`)).toBe(true);
    expect(written.endsWith(`${END_MARKER}\nb\n`)).toBe(true);
    expect(() => partOf('a', 'kinds')).toThrow(startMarker('kinds'));
  });

  it('keeps no picture of a kind that is gone', () => {
    const kinds = CHART_KINDS.map((k) => `${k.kind}.png`);
    expect(readdirSync(path.dirname(pictureFile('x'))).filter((f) => !kinds.includes(f))).toEqual(
      [],
    );
  });
});

describe('each chart kind’s chapter', () => {
  it.each(CHART_KINDS.map((k) => [k.kind, k] as const))(
    '%s says every key of its schema',
    (_, k) => {
      const own = Object.keys(k.schema.shape).filter((key) => !(key in COMMON_FIELD_DOCS));
      expect(Object.keys(k.doc.fields).sort()).toEqual(own.sort());
      expect(k.schema.safeParse(k.doc.example.chart).success).toBe(true);
      expect(k.doc.example.chart.kind).toBe(k.kind);
    },
  );
});

describe('the helpers’ table', () => {
  it('documents every helper an article can call', () => {
    const { hbs } = (generated.composed[EXAMPLE_EDITION] as Composed).materials.templates;
    const builtIn = Object.keys(Handlebars.create().helpers);
    const registered = Object.keys(hbs.helpers).filter((h) => !builtIn.includes(h));
    expect(Object.keys(HELPER_DOCS).sort()).toEqual(registered.sort());
  });

  it('documents every helper and variable the shipped articles use', () => {
    const texts = [
      ...articleFiles('data/2024'),
      ...articleFiles(PREVIOUS_EXAMPLE_EDITION),
      ...articleFiles(SERIES_EXAMPLE_EDITION),
      'data/2024/edition.yaml',
      `${PREVIOUS_EXAMPLE_EDITION}/edition.yaml`,
      `${SERIES_EXAMPLE_EDITION}/edition.yaml`,
    ].map((f) => readFileSync(f, 'utf8'));
    const documented = new Set([...Object.keys(HELPER_DOCS), ...Object.keys(VARIABLE_DOCS)]);
    const used = new Set(texts.flatMap(namesUsed));
    expect([...used].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('prints the same in a Markdown article as in a .hbs one', () => {
    for (const row of helperRows().filter((r) => !r.previous && !r.series)) {
      const composed = generated.composed[EXAMPLE_EDITION] as Composed;
      const chart = (title: string) => title;
      expect(
        readerText(renderText(composed, 'radiologues', row.example, 'markdown'), chart),
        row.example,
      ).toBe(readerText(renderText(composed, 'radiologues', row.example), chart));
    }
  });
});

describe('every example of the guide', () => {
  const blocks = codeBlocks(guide);
  const articles = blocks
    .filter((b) => b.lang === 'yaml')
    .flatMap((b) => declaredArticles(parseYaml(b.text)));
  const slugs2024 = articleSlugs(EXAMPLE_EDITION);
  const slugs2025 = articleSlugs(PREVIOUS_EXAMPLE_EDITION);
  /** The trial 2026 edition's own article, which the guide shows as it is (below): nothing is added to it. */
  const slugs2026 = articleSlugs(SERIES_EXAMPLE_EDITION);
  /**
   * Where each chart is built: in its article, of the edition that has it; a
   * new article's (declared whole, which new-article.test.ts builds from
   * files as an editor would) in a 2024 article, so that the examples of
   * text can place them.
   */
  const placed = articles.flatMap((a) => {
    if (slugs2026.includes(a.slug)) return [];
    const [folder, article] = slugs2024.includes(a.slug)
      ? [EXAMPLE_EDITION, a.slug]
      : slugs2025.includes(a.slug)
        ? [PREVIOUS_EXAMPLE_EDITION, a.slug]
        : [EXAMPLE_EDITION, 'radiologues'];
    return (a.charts ?? []).map((chart) => ({ folder, article, chart }));
  });
  const entries = (folder: string): ChartEntry[] => placed.filter((p) => p.folder === folder);
  const composed: Record<string, Composed> = {};
  beforeAll(async () => {
    for (const folder of [EXAMPLE_EDITION, PREVIOUS_EXAMPLE_EDITION]) {
      const mine = entries(folder);
      composed[folder] = await composeWith(folder, mine, {
        article: folder === EXAMPLE_EDITION ? 'radiologues' : (mine[0]?.article as string),
      });
    }
    composed[SERIES_EXAMPLE_EDITION] = await composeWith(SERIES_EXAMPLE_EDITION, [], {
      article: THIRD_YEAR,
    });
  });

  it('builds each chart its YAML declares, drawn from the data', () => {
    expect(articles.flatMap((a) => a.charts ?? []).length).toBeGreaterThan(CHART_KINDS.length);
    for (const folder of [EXAMPLE_EDITION, PREVIOUS_EXAMPLE_EDITION])
      for (const { article, chart } of entries(folder)) {
        const id = String(chart.id);
        const drawn = drawnChart(composed[folder] as Composed, id);
        expect(drawn.drawings.medium.height, id).toBeGreaterThan(50);
        expect(drawn.drawings.medium.svg, id).toMatch(/<path/);
        expect(renderText(composed[folder] as Composed, article, `{{chart "${id}"}}`)).toContain(
          `id="graphique-${id}"`,
        );
      }
  });

  it('renders the dek and title of each new article it declares', () => {
    const known = [...slugs2024, ...slugs2025, ...slugs2026];
    for (const a of articles.filter((x) => !known.includes(x.slug)))
      for (const text of [a.title, a.dek])
        expect(
          readerText(render(text ?? '', 'handlebars'), (t) => t),
          a.slug,
        ).not.toMatch(/\{\{|^$/);
  });

  it('accepts each other YAML block in an edition.yaml (the trial 2025 edition’s)', () => {
    const file = `${PREVIOUS_EXAMPLE_EDITION}/edition.yaml`;
    for (const block of blocks.filter((b) => b.lang === 'yaml' && !/^articles:/m.test(b.text))) {
      const doc = parseDocument(readFileSync(file, 'utf8'));
      // A list (segments:) is added to the edition's own, as an editor adds lines to it.
      for (const [key, value] of Object.entries(parseYaml(block.text) as object)) {
        const own = doc.toJS()[key];
        doc.set(key, Array.isArray(value) && Array.isArray(own) ? [...own, ...value] : value);
      }
      expect(() => parseEditionConfig(doc.toString(), file, CHART_KINDS), block.text).not.toThrow();
    }
  });

  it('renders each Handlebars example on the 2024 figures', () => {
    for (const block of blocks.filter((b) => b.lang === 'handlebars'))
      expect(readerText(render(block.text, 'handlebars'), (t) => t)).not.toBe('');
  });

  it('shows the third edition’s article as the trial 2026 edition has it, and builds it', () => {
    const shown = articles.find((a) => a.slug === THIRD_YEAR);
    const config = parseYaml(readFileSync(`${SERIES_EXAMPLE_EDITION}/edition.yaml`, 'utf8')) as {
      articles: DeclaredArticle[];
    };
    expect(shown).toEqual(config.articles.find((a) => a.slug === THIRD_YEAR));
    const text = blocks.find((b) => b.lang === 'markdown' && b.text.includes('{{since'));
    const file = readFileSync(`${SERIES_EXAMPLE_EDITION}/articles/trois-ans.md`, 'utf8');
    expect(text && file.endsWith(text.text)).toBe(true);
    const build = (composed[SERIES_EXAMPLE_EDITION] as Composed).builds[0];
    for (const id of ['usage_par_edition', 'avenir_par_edition'])
      expect(build?.context.charts[id]?.drawings.medium.svg).toMatch(/<path/);
  });

  it('renders each Markdown example on the 2024 figures (a series’ on 2026’s)', () => {
    const markdown = blocks.filter((b) => b.lang === 'markdown');
    for (const block of markdown) {
      const html = render(block.text, 'markdown', followsSeries(block.text));
      expect(readerText(html, (t) => t)).not.toBe('');
      expect(html).not.toContain('{{');
      // Each chart it places is drawn.
      for (const [, id] of block.text.matchAll(/\{\{chart "([^"]+)"\}\}/g))
        expect(html).toContain(`id="graphique-${id}"`);
    }
  });

  it('renders each helper example, on the edition its row says', () => {
    for (const row of helperRows()) expect(row.example.includes('{{'), row.name).toBe(true);
    // Rendered by the generation already (a failing one stops it): what each printed is in the guide.
    expect(generated.parts.helpers).not.toContain('| (rien) |');
  });

  /** A text rendered in the 2024 article the examples' charts are added to, or a series' in the 2026 article. */
  function render(text: string, as: 'handlebars' | 'markdown', series = false): string {
    return series
      ? renderText(composed[SERIES_EXAMPLE_EDITION] as Composed, THIRD_YEAR, text, as)
      : renderText(composed[EXAMPLE_EDITION] as Composed, 'radiologues', text, as);
  }
});

/** The trial 2026 edition's article on three years, which the guide shows whole. */
const THIRD_YEAR = 'trois_ans';

/** A text calling a helper that follows a figure since the first edition: it needs the 2026 series. */
function followsSeries(text: string): boolean {
  return namesUsed(text).some((name) => HELPER_DOCS[name as keyof typeof HELPER_DOCS]?.series);
}

/** The fenced code blocks of a Markdown text, with their language (fences of any length). */
function codeBlocks(markdown: string): { lang: string; text: string }[] {
  const blocks: { lang: string; text: string }[] = [];
  let open: { fence: string; lang: string; lines: string[] } | null = null;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (line.trim() === open.fence) {
        blocks.push({ lang: open.lang, text: `${open.lines.join('\n')}\n` });
        open = null;
      } else open.lines.push(line);
      continue;
    }
    const m = /^(`{3,})([\w-]*)\s*$/.exec(line.trim());
    if (m) open = { fence: m[1] as string, lang: m[2] as string, lines: [] };
  }
  return blocks;
}

interface DeclaredArticle {
  slug: string;
  title?: string;
  dek?: string;
  charts?: Record<string, unknown>[];
}

/** The articles of a YAML block written as edition.yaml's `articles:`. */
function declaredArticles(block: unknown): DeclaredArticle[] {
  const articles = (block as { articles?: unknown })?.articles;
  return Array.isArray(articles) ? (articles as DeclaredArticle[]) : [];
}

function articleSlugs(folder: string): string[] {
  const config = parseYaml(readFileSync(`${folder}/edition.yaml`, 'utf8')) as {
    articles: { slug: string }[];
  };
  return config.articles.map((a) => a.slug);
}

function articleFiles(folder: string): string[] {
  const dir = path.join(folder, 'articles');
  return readdirSync(dir).map((f) => path.join(dir, f));
}

/** The helpers and variables a template calls: each mustache's first word, and its subexpressions'. */
function namesUsed(text: string): string[] {
  const keywords = ['if', 'else', 'unless', 'each', 'with', 'this'];
  return [...text.matchAll(/\{\{(?!!)([^}]*)\}\}/g)].flatMap((m) => {
    const inner = (m[1] as string).replace(/"[^"]*"|'[^']*'/g, '""');
    const first = /^\s*[#/]?\s*([A-Za-z][\w.]*)/.exec(inner)?.[1];
    const subexpressions = [...inner.matchAll(/\(\s*([A-Za-z][\w.]*)/g)].map((x) => x[1]);
    return [first, ...subexpressions].filter(
      (name): name is string => name !== undefined && !keywords.includes(name),
    );
  });
}
