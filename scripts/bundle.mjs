#!/usr/bin/env node
/**
 * dist/ (tsc's output) bundled into dist/bundle/ by esbuild: the command and
 * its threads' code in a few files, which Node loads in about half the time
 * of the hundreds of modules they come from (a build starts reading its
 * config at 0.3 s instead of 0.5 s: README, Performance).
 * bin/enquete.js runs the bundle; the tests run src/ (the end-to-end ones,
 * the command: the bundle).
 *
 * Every module keeps the address it had in dist/: `import.meta.url` is
 * rewritten to the module's own file, so what it finds beside itself
 * (templates/, the fonts, the cache, the source read for the cache's keys)
 * is found as before. A thread's entry module named by its address (a
 * Worker's) is the bundle's entry instead.
 *
 * Beside it, the PNG renderer's cut-down faces (scripts/png-fonts.mjs),
 * made again with it.
 *
 * Left out of the bundle: packages with native code (resvg), the workbook
 * reader (exceljs and unzipper, loaded for a .xlsx export only), and what
 * the benchmarks alone use.
 *
 *   node scripts/bundle.mjs
 */
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writePngFonts } from './png-fonts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const out = path.join(dist, 'bundle');

/** The bundle's entries: the command, and the code of each kind of thread it starts. */
const ENTRIES = {
  cli: path.join(dist, 'cli.js'),
  'worker-entry': path.join(dist, 'worker', 'entry.js'),
  'scan-worker': path.join(dist, 'ingest', 'scan-worker.js'),
};
/** Where a thread's entry is: the bundle's own address, put in after the modules' are. */
const BUNDLE = '__enqueteBundleUrl__';
const bundled = new Map(Object.entries(ENTRIES).map(([name, file]) => [file, `./${name}.js`]));

/** A literal address beside the module: `new URL('./x.js', import.meta.url)`, however it is laid out. */
const BESIDE = /new URL\(\s*(['"`])([^'"`$]+)\1\s*,\s*import\.meta\.url\s*,?\s*\)/g;
/** Each thread's entry, found named by its address (counted: a thread loading dist/'s modules would still work, slowly). */
const named = new Map([...bundled.values()].map((entry) => [entry, 0]));

/** `new URL('./x.js', import.meta.url)` and every other `import.meta.url`, as dist/ had them. */
const ownAddress = {
  name: 'own-address',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async ({ path: file }) => {
      if (!file.startsWith(dist + path.sep)) return undefined;
      const source = await readFile(file, 'utf8');
      if (/import\.meta\.(dirname|filename)/.test(source))
        throw new Error(
          `${file}: use import.meta.url (the bundle rewrites it), not dirname or filename`,
        );
      if (!source.includes('import.meta.url')) return undefined;
      const here = path.relative(out, file).split(path.sep).join('/');
      const contents = source
        .replace(BESIDE, (whole, _q, rel) => {
          const entry = bundled.get(path.resolve(path.dirname(file), rel));
          if (!entry) return whole;
          named.set(entry, (named.get(entry) ?? 0) + 1);
          return `new URL(${JSON.stringify(entry)}, ${BUNDLE})`;
        })
        .replaceAll('import.meta.url', `new URL(${JSON.stringify(here)}, import.meta.url).href`)
        .replaceAll(BUNDLE, 'import.meta.url');
      return { contents, loader: 'js' };
    });
  },
};

// Made beside, then put in place whole: no command ever starts on a bundle half made, and two
// setups at once do not empty each other's. (A preview left running across a rebuild may still
// ask for a chunk of the old one, named by its content: restart it after `npm run build`.)
const made = `${out}.${process.pid}.part`;
const old = `${out}.${process.pid}.old`;
try {
  await build({
    entryPoints: ENTRIES,
    outdir: made,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // @puppeteer/browsers stays in, though two of its dependencies reach for __dirname (QuickJS for
    // proxy auto-configuration, yargs' locales): only its browser download and its own command line
    // run that code. A build does not load it from the bundle: it connects through puppeteer-core's
    // entry without the launcher (outputs/chromium.ts); only when no system browser is found does
    // outputs/browser.ts load puppeteer (external, from node_modules) to find one it installed.
    external: ['@resvg/resvg-js', 'exceljs', 'unzipper', 'tsx', '@duckdb/*', 'puppeteer'],
    // juice parses with htmlparser2 only (its `xml` option), yet cheerio's main entry loads parse5
    // and undici as well: its htmlparser2-only entry gives juice the same load() and serialiser, and
    // the e-mail's code a third of the size (test/e2e/newsletter.test.ts: the golden e-mail).
    alias: { cheerio: 'cheerio/slim' },
    // The CommonJS packages inside an ES module still find require().
    banner: {
      js: "import { createRequire as __enqueteRequire } from 'node:module'; const require = __enqueteRequire(import.meta.url);",
    },
    plugins: [ownAddress],
    logLevel: 'warning',
    legalComments: 'eof',
  });
  const missed = [...named].filter(([entry, n]) => entry !== './cli.js' && n === 0);
  if (missed.length > 0)
    throw new Error(`no module names these threads' entries: ${missed.map(([e]) => e).join(', ')}`);
  await writePngFonts();
  await rename(out, old).catch(() => {});
  await rename(made, out);
} finally {
  await Promise.all([made, old].map((f) => rm(f, { recursive: true, force: true })));
}
