#!/usr/bin/env node
/**
 * Makes this machine ready to build and test, doing only what is missing:
 *   1. npm dependencies (npm ci, when node_modules is absent or older than package-lock.json);
 *   2. the compiled command (dist/, when src/ changed), its bundle (dist/bundle/) and the PNG
 *      renderer's cut-down faces (dist/png-fonts/);
 *   3. a Chromium to print with (Debian's package, installed with apt-get when run as root;
 *      never downloaded: without apt-get as root, or with ENQUETE_NO_APT=1, it says what to
 *      install and stops);
 *   4. poppler-utils, whose pdfinfo/pdffonts the end-to-end tests read the PDF with.
 * Fonts come from npm packages (step 1), never from the machine. With --browser, only steps 3
 * and 4 (what its own test checks, without compiling or installing under the other tests).
 * One setup runs at a time in a project folder (setup-lock.mjs).
 * Plain JavaScript with no dependency, since it runs before they are installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { holdSetupLock } from './setup-lock.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const say = (m) => process.stderr.write(`setup: ${m}\n`);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return r.status === 0;
};
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const newest = (dir) => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const fail = (m) => {
  process.stderr.write(`setup: ${m}\n`);
  process.exit(1);
};

const browserOnly = process.argv.includes('--browser');

// One setup at a time (setup-lock.mjs): a second one waits, then finds the work done.
try {
  holdSetupLock(path.join(root, '.setup.lock'), say);
} catch (e) {
  fail(e.message);
}

// 1. Dependencies.
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!browserOnly && mtime(installed) < mtime(path.join(root, 'package-lock.json'))) {
  say('installing npm dependencies (npm ci)');
  if (!run('npm', ['ci', '--no-audit', '--no-fund']))
    fail('npm ci failed; see the messages above.');
}

// 2. The compiled command. The compiler rewrites only the files that changed, and its record
// (.tsbuildinfo) at each compilation: that record's age says whether src/ changed since.
const record = path.join(root, 'dist', '.tsbuildinfo');
// Without the command itself the record lies (the compiler would emit nothing): start afresh.
if (!browserOnly && !existsSync(path.join(root, 'dist', 'cli.js'))) rmSync(record, { force: true });
if (
  !browserOnly &&
  mtime(record) < Math.max(newest(path.join(root, 'src')), mtime(path.join(root, 'tsconfig.json')))
) {
  say('compiling src/ to dist/');
  if (
    !run(process.execPath, [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'tsconfig.build.json',
    ])
  )
    fail('compilation failed; see the messages above.');
  // A source saved unchanged leaves the record as it was: dated now, it is not compiled again.
  const now = new Date();
  utimesSync(record, now, now);
}

// The bundle the command runs (scripts/bundle.mjs): made again after every compilation, and
// after the libraries it holds changed (an `npm install` that compiled nothing).
// With it, the PNG renderer's cut-down faces (scripts/png-fonts.mjs), made again when their list
// or any face is missing too (the compiled fonts.ts says which it looks for).
const bundle = path.join(root, 'dist', 'bundle', 'cli.js');
const bundler = path.join(root, 'scripts', 'bundle.mjs');
const faces = path.join(root, 'scripts', 'png-fonts.mjs');
const facesMissing = async () => {
  try {
    return (await import(path.join(root, 'dist', 'fonts.js'))).cutTrueTypePaths() === null;
  } catch {
    return true; // dist/ half made (a file removed by hand): the bundle step makes it whole
  }
};
if (
  !browserOnly &&
  (mtime(bundle) < Math.max(mtime(record), mtime(bundler), mtime(faces), mtime(installed)) ||
    (await facesMissing()))
) {
  say('bundling dist/ into dist/bundle/');
  if (!run(process.execPath, [bundler])) fail('bundling failed; see the messages above.');
}

// 3. Chromium, and 4. poppler-utils: Debian packages, installed together in one apt run.
// Never a browser download: without apt-get (or as another user), say what to install.
const { findBrowser } = await import(path.join(root, 'dist', 'outputs', 'browser.js'));
const messages = await import(path.join(root, 'dist', 'messages', 'index.js'));
const missing = [];
if (!(await findBrowser())) missing.push('chromium');
if (!has('pdfinfo') || !has('pdffonts')) missing.push('poppler-utils');
if (missing.length > 0) {
  const mayInstall = has('apt-get') && process.getuid?.() === 0 && !process.env.ENQUETE_NO_APT;
  if (mayInstall) {
    say(`installing ${missing.join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args) =>
      spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
    if (
      !apt(['update', '-qq']) ||
      !apt(['install', '-y', '-qq', '--no-install-recommends', ...missing])
    )
      fail(`apt-get could not install ${missing.join(', ')}.`);
  } else if (missing.includes('chromium')) {
    fail(messages.environment.noChromium().fix);
  }
  if (missing.includes('poppler-utils') && !has('pdfinfo'))
    say(
      'poppler-utils (pdfinfo, pdffonts) is missing: the end-to-end tests need it (apt-get install poppler-utils, brew install poppler).',
    );
}
const browser = await findBrowser();
if (browser) say(`browser: ${browser}`);
