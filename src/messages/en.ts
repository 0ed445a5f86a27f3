/**
 * Every sentence enquete says, in English (`--lang en`, or an English
 * LANG). The French catalogue (fr.ts) has the same shape, checked by the
 * compiler and by a test; code asks for a sentence through messages/index.ts.
 */
import type { Difference } from '../publication/difference.js';

/** "a, b or c": the way this language lists alternatives. */
const anyOf = (xs: readonly string[]) =>
  new Intl.ListFormat('en', { type: 'disjunction' }).format(xs.map(String));

/** How an edition's figures are weighted: 'weighted on "Profession"', 'unweighted'. */
const weighedOnEn = (questions: string[]) =>
  questions.length > 0 ? `weighted on ${questions.map((q) => `"${q}"`).join(', ')}` : 'unweighted';

/** A difference since the previous edition (analysis/comparability.ts), as the command words it. */
function differenceEn(d: Difference, previous: string): string {
  const list = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');
  switch (d.kind) {
    case 'reworded':
      return `question reworded ("${d.from}" in ${previous}, "${d.to}" now)`;
    case 'type':
      return `question type changed (${typeName(d.from)} in ${previous}, ${typeName(d.to)} now)`;
    case 'asked':
      return `asked to other respondents than in ${previous}`;
    case 'renamed':
      return `answers renamed: ${d.answers.map((a) => `"${a.from}" → "${a.to}"`).join(', ')}`;
    case 'added':
      return `answers added since ${previous}: ${list(d.answers)} (they take answers from the others and from "Autre")`;
    case 'removed':
      return `answers removed since ${previous}: ${list(d.answers)}`;
    case 'other':
      return `"Autre" field ${d.added ? 'added' : 'removed'} since ${previous}`;
    case 'scale':
      return `scale ${d.from} in ${previous}, ${d.to} now`;
    case 'segment':
      return `group "${d.segment}" defined otherwise than in ${previous}`;
    case 'segmentOn':
      return `group "${d.segment}" defined by a reworded question ("${d.question}")`;
    case 'population':
      return `"${d.question}", which defines the groups, ${[...(d.added.length > 0 ? [`now offers ${list(d.added)}`] : []), ...(d.removed.length > 0 ? [`no longer offers ${list(d.removed)}`] : [])].join(' and ')}: respondents no longer split as in ${previous}`;
    case 'weighting':
      return `weighted differently (${previous} ${weighedOnEn(d.from)}, this edition ${weighedOnEn(d.to)})`;
  }
}

const clock = () => new Date().toLocaleTimeString('en-GB');
/** 0.097 -> "9.7 %". */
const percentEn = (share: number) => `${Math.round(share * 1000) / 10} %`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** "512 B", "12.3 KB", "1.25 MB". */
const size = (bytes: number) => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
};
/** A question's type as the editors know it from the form, not as edition.yaml spells it. */
const TYPE_NAMES: Record<string, string> = {
  timestamp: 'date and time',
  single: 'single choice',
  multiple: 'multiple choice',
  yesno: 'yes or no',
  scale: 'scale',
  text: 'free text',
};
const typeName = (type: string) => TYPE_NAMES[type] ?? type;
/** "14 April 2025" from an ISO date. */
const day = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const HELP = `enquete: survey report pipeline

From the project folder, run the commands with npx: npx enquete build data/2024

Usage:
  enquete build <edition-folder> [options]   build every article of the edition: PDF, web article,
                                             newsletter, and the edition's index page
                                             (default: output/<folder name>/)
  enquete check <edition-folder> [--json] [--strict]
                                             check everything a build checks (config, export,
                                             templates, figure ids, charts) without building or
                                             writing anything; --json for CI
  enquete preview <edition-folder> [--port N] [--article <slug>]
                                             serve the outputs on 127.0.0.1 with a desk showing the
                                             web article, the PDF and the newsletter side by side,
                                             rebuilt as you save; Ctrl-C stops it
  enquete figures <edition-folder>           print every figure as JSON
  enquete init <new-folder> --from <previous-edition> --responses <export.csv or .xlsx>
                                             make next year's edition from last year's: the config
                                             and articles copied, the codebook matched to the new
                                             export; prints the report it writes (init-report.md)
  enquete --help | --version

Options:
  --out <folder>       where to write the outputs
  --article <slug>     rebuild (or preview) this article only; the edition's other articles stay
                       as they are
  --base-url <url>     where the output folder will be published: the newsletter's images, its
                       link to the web version and tableaux.pdf's link to free-text.csv point
                       there (default: edition.publishUrl)
  --verbose            (build) list every file written with its size, instead of a summary per
                       article
  --no-cache           (build, figures) neither read nor keep what earlier runs kept (drawings,
                       printed pages, the checked config; node_modules/.cache/enquete): redo it all
  --from <folder>      (init) last year's edition folder
  --responses <file>   (init) the new year's Google Forms export
  --json               (check) print the result as JSON on stdout
  --strict             (check) stop on the warnings too (a stale year, respondents left out of a
                       chart, a comparison on a small base without its bases)
  --port <n>           (preview) the port on 127.0.0.1 (default 5024; 0 picks a free one)
  --lang <fr|en>       the language of messages (default: French, English when LANG is English)
  --debug              print the stack trace of unexpected errors
`;

const INSTALL_HINT =
  'Install Chromium: on Debian/Ubuntu `apt-get install chromium` (npm run setup does it when run as root); elsewhere install Google Chrome, run `npx puppeteer browsers install chrome`, or set ENQUETE_CHROMIUM to the browser executable.';
const AGAIN = 'Run the build again; if it keeps failing, run it with --debug and report it.';
const DOWNLOAD_AGAIN =
  'Download the responses again from Google Forms ("Download responses (.csv)").';

export const en = {
  help: HELP,

  cli: {
    building: (folder: string) => `enquete build ${folder}`,
    initRunning: (folder: string, from: string, responses: string) =>
      `enquete init ${folder} --from ${from} --responses ${responses}`,
    built: (slugs: string[], chromiums: number, seconds: string) =>
      `\nBuilt ${plural(slugs.length, 'article')} (${slugs.join(', ')}) with ${chromiums} Chromium, in ${seconds} s.`,
    written: (files: number, bytes: number) => `Wrote ${plural(files, 'file')}, ${size(bytes)}:`,
    files: (n: number) => plural(n, 'file'),
    size: (bytes: number) => size(bytes),
    duration: (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`),
    subfolder: (name: string, files: number) => `${name}/ (${plural(files, 'file')})`,
    verboseHint: 'Every file with its size: add --verbose.',
    archiveNotOurs: (file: string) =>
      `${file} was not written by enquete: it is left as it is, and the page of every edition is not made there (move that file away to have it made).`,
    checked: (
      folder: string,
      slugs: string[],
      pages: number,
      figures: number,
      rowsIn: number,
      kept: number,
    ) =>
      `\nChecked ${folder}: ${plural(slugs.length, 'article')} (${slugs.join(', ')}), ${pages} pages rendered, ${figures} figures, ${rowsIn} rows (${kept} kept). Nothing written.`,
    cpuUsed: (seconds: string) => `(this process used ${seconds} s of CPU, Chromium not included)`,
    claims: (claims: number, decidedTrue: number) =>
      `${plural(claims, 'wording decision')} in the articles (${decidedTrue} true), each decided by an interval or a threshold: listed in claims.json.`,
    warnings: (n: number) =>
      `\n${plural(n, 'warning')}: what the new data may have broken (check --strict stops on them).`,
    errorHead: 'enquete: ',
  },

  usage: {
    defaultHint: 'Run `npx enquete --help` for the commands and their options.',
    noCommand: () => ({ message: 'No command given.', hint: HELP }),
    badArguments: (message: string) => ({ message }),
    unknownOption: (option: string) => ({ message: `Unknown option '${option}'.` }),
    optionValue: (option: string) => ({ message: `Option '${option}' needs a value.` }),
    unknownCommand: (command: string) => ({
      message: `Unknown command "${command}". The commands are build, check, figures, init and preview.`,
    }),
    noFolder: (command: string) => ({
      message: `"enquete ${command}" needs an edition folder, e.g. data/2024.`,
    }),
    unexpectedArgument: (arg: string) => ({ message: `Unexpected argument "${arg}".` }),
    initNeeds: (option: string) => ({
      message: `"enquete init" needs --${option}.`,
      hint: 'For example: npx enquete init data/2025 --from data/2024 --responses ~/Downloads/export.csv',
    }),
    folderNotEmpty: (folder: string) => ({
      message: `${folder} already exists and is not empty: init makes a new edition folder and never writes into one.`,
      hint: `Nothing in it was touched. Give the name of a folder that does not exist yet; or, to keep this name, first set this folder aside by renaming it (e.g. to ${folder.replace(/[\\/]+$/, '')}-old): its articles and notes stay as they are.`,
    }),
    unknownArticle: (slug: string, slugs: string[]) => ({
      message: `No article "${slug}" in this edition.`,
      hint: `Articles: ${slugs.join(', ')}.`,
    }),
    editionWithoutName: (folder: string) => ({
      message: `The edition folder "${folder}" has no name usable as an output folder.`,
      hint: 'Name edition folders with letters, digits, "-", "_" or "." (e.g. data/2025), or choose the folder with --out.',
    }),
    outIsEdition: (target: string) => ({
      message: `Refusing to write the outputs to "${target}": it holds the edition folder or the current folder, which the build would replace.`,
      hint: 'Choose an output folder of its own with --out, e.g. --out output/2024.',
    }),
    outNotOurs: (target: string) => ({
      message: `Refusing to write the outputs to "${target}": the folder exists and was not made by enquete build, and a build replaces its output folder whole.`,
      hint: 'Choose a new or empty folder with --out, or move that folder away first.',
    }),
    noEditionFolder: (folder: string) => ({
      message: `No edition folder "${folder}".`,
      hint: 'Give the folder that holds edition.yaml, e.g. data/2024.',
    }),
    portInUse: (port: number) => ({
      message: `Port ${port} is already in use on 127.0.0.1 (another preview?).`,
      hint: 'Stop the other preview, or choose another port with --port, e.g. --port 5025.',
    }),
    badPort: (port: string) => ({
      message: `--port ${port} is not a port number.`,
      hint: 'Give a number from 1024 to 65535, e.g. --port 5024 (0 picks a free one).',
    }),
    badLang: (lang: string) => ({
      message: `--lang ${lang} is not a language of enquete.`,
      hint: 'Give --lang fr or --lang en.',
    }),
  },

  environment: {
    noChromium: () => ({
      message: 'No Chromium or Chrome found to print the PDF.',
      fix: INSTALL_HINT,
    }),
    chromiumFailedTwice: (executable: string, reason: string) => ({
      message: `Chromium (${executable}) failed to start twice: ${reason}`,
      fix: `Check that it runs: \`${executable} --headless=new --no-sandbox --dump-dom about:blank\`. ${INSTALL_HINT}`,
    }),
    noAnswer: (seconds: number) => `no answer within ${seconds} s`,
    exited: (code: number | null) => `it exited (code ${code})`,
    printTimedOut: (seconds: number) => ({
      message: `Chromium did not finish printing the PDF within ${seconds} s.`,
      fix: AGAIN,
    }),
    printFailed: (page: string, reason: string) => ({
      message: `Chromium failed while printing ${page}: ${reason}`,
      fix: AGAIN,
    }),
    workerDied: (reason: string) => ({
      message: `The drawing thread stopped: ${reason}`,
      fix: AGAIN,
    }),
    writeFailed: (target: string, reason: string) => ({
      message: `Could not write the outputs to "${target}": ${reason}`,
      fix: 'Check that the disk has room and that the folder can be written to; the previous outputs are untouched.',
    }),
    stdoutFailed: (reason: string) => ({
      message: `Could not write the figures to the standard output: ${reason}`,
      fix: 'Check that the disk the output is redirected to has room and can be written to.',
    }),
    blockedRequests: (slug: string, urls: string[]) =>
      `  note: the print page of "${slug}" asked for ${urls.length} resource(s) outside the build, all refused: ${urls.slice(0, 3).join(', ')}`,
    stopped: (signal: string) =>
      `\nenquete: stopped (${signal}); the previous outputs are untouched.\n`,
    unexpected: (message: string, stack: string | undefined, debug: boolean) =>
      `\nenquete: unexpected error: ${message}\n${debug ? `${stack}\n` : 'Run again with --debug for the details, and report it to the maintainer.\n'}`,
  },

  errors: {
    problems: (task: string, total: number) => `${task}: ${plural(total, 'problem')}`,
    failed: (task: string, total: number) => `${task} failed (${plural(total, 'problem')}):`,
    more: (n: number) =>
      `  … and ${n} more problems, not listed: fix the ones above and run again.`,
    expected: 'expected:',
    found: 'found:',
    fix: 'fix:',
    /** Where in a workbook: its sheet, and the row when there is one. */
    inSheet: (sheet: string, row?: number) =>
      row === undefined ? `sheet "${sheet}"` : `row ${row} of sheet "${sheet}"`,
  },

  stages: {
    readConfig: 'Read edition config',
    readResponses: 'Read responses',
    rowsRead: (rows: string, perSecond: string) =>
      `Read responses: ${rows} rows (${perSecond} rows/s)`,
    computeFigures: 'Compute figures',
    readPrevious: 'Read the previous edition',
    readPast: (n: number) =>
      n > 1 ? `Read the ${n} previous editions` : 'Read the previous edition',
    prepareTemplates: 'Prepare templates',
    drawCharts: (n: number) => `Draw ${plural(n, 'chart')} (SVG, one drawing per medium)`,
    renderEveryPage: 'Render every page',
    writeOutputs: 'Write outputs',
    readNewExport: 'Read the new export',
    writeNewEdition: 'Write the new edition',
    printPdf: 'Print PDF (Chromium)',
    web: 'Web article',
    ofArticle: (stage: string, slug: string) => `${stage}: ${slug}`,
    fragment: 'CMS fragment',
    newsletter: 'Newsletter and chart PNGs',
    cards: 'Social cards (PNG)',
    editionData: 'Figures and data files',
    editionIndex: 'Edition index page',
    archive: 'Page of every edition (beside the output folder)',
    surveyTables: 'The whole survey as tables (page)',
    surveyWorkbook: 'Workbook of the tables (tableaux.xlsx)',
    surveyTablesPdf: 'Printing the tables (Chromium)',
  },

  reconciliation: {
    head: (file: string, rowsIn: number, kept: number, excluded: number) =>
      `Rows of ${file}: ${rowsIn} read = ${kept} kept + ${excluded} excluded`,
    line: (line: number, reason: string, detail: string) => `  line ${line}: ${reason} (${detail})`,
    more: (n: number) => `  … and ${n} more, listed in reconciliation.json`,
    reasons: {
      empty: 'empty',
      outside_field_period: 'outside field period',
      duplicate: 'duplicate',
    },
    empty: () => 'no question answered',
    outside: (day: string, start: string, end: string) =>
      `submitted ${day}, outside ${start} – ${end}`,
    duplicate: (line: number, minutes: number) =>
      `same answers as line ${line}, submitted ${minutes} min apart`,
  },

  tasks: {
    readConfig: 'Reading the edition config',
    checkConfig: 'Checking the edition config',
    readResponses: 'Reading the responses',
    readTemplates: 'Reading the templates',
    renderArticle: 'Rendering the article',
    readArticleTemplates: 'Reading the article templates',
    readTheme: 'Reading the theme',
    readNewExport: 'Reading the new export',
    newYear: 'Checking what the new data may have broken',
    weighResponses: 'Weighting the responses',
  },

  where: {
    key: (key: string) => `key "${key || '(top level)'}"`,
    question: (id: string) => `question "${id}"`,
    questionColumn: (id: string, header: string) => `question "${id}" (column "${header}")`,
    column: (n: number, header: string) => `column ${n} "${header}"`,
    segment: (id: string) => `segment "${id}"`,
    chart: (id: string) => `chart "${id}"`,
    freeText: (slug: string) => `free text of article "${slug}"`,
    figure: (id: string) => `figure "${id}"`,
    line: (n: number) => `line ${n}`,
    chartTitle: (id: string) => `chart "${id}" title`,
    articleDek: (slug: string) => `article "${slug}" dek`,
    alsoAt: (places: string[]) => `also at ${places.join(', ')}`,
    articlePart: (slug: string, part: string) =>
      part === 'body'
        ? `article "${slug}" text`
        : part === 'dek'
          ? `article "${slug}" dek`
          : part === 'title'
            ? `article "${slug}" title`
            : `chart "${part.replace(/^chart:/, '')}" title`,
  },

  config: {
    noConfig: (configFile: string, folder: string) => ({
      expected: `an edition folder holding ${configFile}`,
      found: 'no such file',
      fix: `Check the folder name, or copy data/2024/${configFile} into ${folder} and adapt it.`,
    }),
    yaml: {
      innerQuote: (quote: string) => ({
        expected:
          quote === '"'
            ? 'a value between double quotes with no other double quote inside'
            : 'a value between single quotes with no other single quote inside',
        found: `a ${quote === '"' ? 'double' : 'single'} quote that ends the value early: the text after it is left over`,
        fix:
          quote === '"'
            ? 'Inside a value between double quotes (such as dek: "…"), write single quotes: {{pct \'usage.oui.share.all\'}}, and « » for a quotation; or write \\" for a double quote.'
            : "Inside a value between single quotes, double each single quote (l''IA), or put the value between double quotes: \"l'IA\".",
      }),
      tab: () => ({
        expected: 'indentation made of spaces',
        found: 'a tab at the start of the line',
        fix: 'Replace the tab with spaces (two per level, lined up with the lines around it); set your editor to insert spaces when Tab is pressed.',
      }),
      noSpace: (written: string, spaced: string) => ({
        expected: 'a space after the colon that follows a key (key: value)',
        found: `"${written}"`,
        fix: `Add a space after the colon: ${spaced}`,
      }),
      unclosedQuote: () => ({
        expected: 'a closing quote at the end of the value',
        found: 'a value opened with a quote that is never closed',
        fix: 'Add the closing quote at the end of the value that starts on this line; for a quote inside it, write single quotes or « ».',
      }),
      indent: () => ({
        expected: 'the keys of one block starting at the same column',
        found: 'a line shifted from the keys around it',
        fix: 'Line this key up with the keys of the same level above it (the same number of spaces at the start of the line).',
      }),
      colonInValue: (quotedValue: string) => ({
        expected: 'a value without ": " in it, or a value between quotes',
        found: 'a colon followed by a space inside a value without quotes',
        fix: `Put the value between double quotes: ${quotedValue}`,
      }),
      duplicateKey: (key: string) => ({
        expected: 'each key once in a block',
        found: `"${key}" a second time`,
        fix: 'Remove one of the two lines, or rename the key.',
      }),
      reservedStart: (char: string) => ({
        expected: 'a value that does not start with @, ` or %',
        found: `a value starting with ${char}`,
        fix: 'Put the value between double quotes.',
      }),
      backslash: () => ({
        expected: 'inside double quotes, a backslash only before n, t, " or another backslash',
        found: 'a backslash (\\) followed by another character',
        fix: 'Double the backslash (\\\\), or put the value between single quotes.',
      }),
      other: () => ({
        expected: 'valid YAML',
        found: 'a line YAML cannot read',
        fix: 'The usual causes, near this line: a double quote inside a value between double quotes (write single quotes or « » inside); a tab in the indentation (use spaces); a missing space after the colon of a key (key: value); a forgotten closing quote.',
      }),
    },
    unknownKeys: (
      keys: string[],
      accepted: string[],
      closest: string | undefined,
      spaced: string | undefined,
    ) => ({
      expected: `one of the keys of this block: ${accepted.join(', ')}`,
      found: `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`,
      fix: spaced
        ? `Add a space after the colon: ${spaced}`
        : closest
          ? `Write "${closest}" instead of "${keys[0]}", or remove the key.`
          : 'Remove the key, or write one of the keys listed instead.',
    }),
    missingValue: (key: string, last: string) => ({
      expected: `a value for "${key}"`,
      found: 'nothing',
      fix: `Write "${last}:" here, followed by its value.`,
    }),
    wrongType: (key: string, last: string, expected: string, got: string, value: string) => ({
      expected: `${TYPE_EN[expected] ?? expected} for "${key}"`,
      found: `${value} (${TYPE_EN[got] ?? got})`,
      fix:
        expected === 'string'
          ? `Write text between double quotes: ${last}: "${value.replace(/^"|"$/g, '')}"`
          : expected === 'number' || expected === 'int'
            ? `Write a number without quotes, e.g. ${last}: 10`
            : expected === 'boolean'
              ? `Write ${last}: true or ${last}: false, without quotes.`
              : expected === 'array'
                ? `Write a list: ${last}: [a, b] on one line, or one "- " line per item below it.`
                : `Write the keys of "${last}" on the lines below it, indented by two more spaces.`,
    }),
    tooSmall: (origin: string, minimum: number, exact: boolean) => ({
      expected:
        origin === 'string'
          ? 'some text (not empty)'
          : origin === 'array'
            ? `a list of ${exact ? 'exactly' : 'at least'} ${minimum} item${minimum === 1 ? '' : 's'}`
            : `a number of at least ${minimum}`,
      fix:
        origin === 'string'
          ? 'Write the text between the quotes, or remove the key if it may be left out.'
          : origin === 'array'
            ? 'Add the missing items, one "- " line each.'
            : `Write a number of ${minimum} or more.`,
    }),
    tooBig: (origin: string, maximum: number, exact: boolean) => ({
      expected:
        origin === 'array'
          ? `a list of ${exact ? 'exactly' : 'at most'} ${maximum} item${maximum === 1 ? '' : 's'}`
          : origin === 'string'
            ? `a text of at most ${maximum} characters`
            : `a number of at most ${maximum}`,
      fix:
        origin === 'array'
          ? 'Remove the items over the limit.'
          : origin === 'string'
            ? 'Shorten the text.'
            : `Write a number of ${maximum} or less.`,
    }),
    idFormat: (suggested: string | undefined) => ({
      expected:
        'an id: lower-case letters without accents, digits and "_", starting with a letter (e.g. aide_diagnostic)',
      fix: `${suggested ? `Write "${suggested}": ` : ''}hyphens, spaces, capitals and accents are not allowed in an id; where the id is used elsewhere (segments, charts, texts), change it there too.`,
    }),
    dateFormat: (suggested: string | undefined, written: string) => ({
      expected: 'a date written YYYY-MM-DD (year, month, day), e.g. "2024-04-23"',
      fix: suggested
        ? `Write "${suggested}" instead of "${written}".`
        : 'Write the date as "YYYY-MM-DD", between quotes, e.g. "2024-04-23" for 23 April 2024.',
    }),
    colourFormat: () => ({
      expected: 'a colour written #rrggbb (six hexadecimal digits), e.g. "#7a1f5c"',
      fix: 'Write the colour between quotes, as "#7a1f5c" (the # included: without quotes it starts a comment).',
    }),
    urlFormat: () => ({
      expected: 'a complete web address, starting with https://',
      fix: 'Write the whole address, between quotes, e.g. "https://www.example.org/survey/".',
    }),
    oneOf: (values: string[], closest: string | undefined) => ({
      expected: `one of: ${values.join(', ')}`,
      fix: closest
        ? `Write "${closest}", as listed.`
        : 'Write one of these values, exactly as listed.',
    }),
    questionType: (names: string[]) => ({
      expected: `a question type, one of: ${names.join(', ')}`,
      fix: 'Choose the type that fits the question of the form: single (one answer), multiple (several answers allowed), yesno (yes or no), scale (a mark on a scale, with min: and max:), text (a free answer), timestamp (the "Horodateur" column).',
    }),
    chartKind: (names: string[]) => ({
      expected: `a kind of chart, one of: ${names.join(', ')}`,
      fix: 'Write one of these kinds after "kind:", exactly as listed.',
    }),
    accentFix: (shade: string) =>
      `Write accent: "${shade}" (the nearest darker shade that passes), or choose a darker colour.`,
    invalid: (key: string) => `Correct "${key}" as expected.`,
    accent: (ratio: number, has: string, shade: string) =>
      `an accent colour readable as text on white: WCAG AA asks ${ratio}:1, this one has ${has}:1 (the nearest darker shade that passes is ${shade})`,
    previousMissing: (folder: string, configFile: string, written: string, itself: boolean) => ({
      expected: `the folder of the previous edition, relative to ${folder}, holding its ${configFile}`,
      found: `"${written}" (${itself ? 'this edition itself' : `a folder without ${configFile}`})`,
      fix: 'Write the path from this edition\'s folder to last year\'s, e.g. previous: "../2024", or remove the key to publish without a comparison.',
    }),
    previousCycle: (written: string, loop: string[]) => ({
      expected:
        'editions named by "previous:" one after the other back to the first edition (the one without "previous:")',
      found: `"${written}" leads back to an edition already read: ${loop.join(' → ')}`,
      fix: 'Point "previous:" at the edition before this one; the very first edition has no "previous:".',
    }),
    bodyOutside: (body: string) => ({
      expected: 'a path inside the edition folder (e.g. articles/article.hbs)',
      found: body,
      fix: 'Keep the article texts in the edition folder and give their path relative to it.',
    }),
  },

  references: {
    duplicate: (what: keyof typeof WHAT_EN, value: string | undefined) => ({
      expected: `each ${WHAT_EN[what]} once`,
      found: `"${value}" again`,
      fix: `Give this ${WHAT_EN[what]} a name of its own, or remove the repeated entry.`,
    }),
    segmentAll: () => ({
      expected: 'an id other than "all"',
      found: '"all"',
      fix: '"all" is built in (every respondent kept); rename this segment.',
    }),
    timestampCount: (n: number) => ({
      expected: 'exactly one question of type "timestamp" (the "Horodateur" column)',
      found: `${n}`,
      fix: 'Describe the timestamp column once, with type: timestamp.',
    }),
    appliesTo: (ids: string[], found: string) => ({
      expected: `a segment id (${ids.join(', ')})`,
      found: `"${found}"`,
      fix: 'Use the id of a segment listed under "segments:", or add that segment.',
    }),
    scaleRange: (min: number, max: number) => ({
      expected: 'max greater than min',
      found: `min ${min}, max ${max}`,
      fix: 'Write the range of the scale as the form offers it, e.g. min: 1, max: 10.',
    }),
    otherCode: (code: string) => ({
      expected: `a code other than "${code}"`,
      found: `"${code}"`,
      fix: `"${code}" stands for typed "Autre" answers; set "other: true" instead of listing it.`,
    }),
    unknownQuestion: (ids: string[], found: string) => ({
      expected: `a question id (${ids.join(', ')})`,
      found: `"${found}"`,
      fix: 'Use the id of a question listed under "questions:".',
    }),
    segmentOnOpenQuestion: (id: string, type: string) => ({
      expected: 'a question with answer options (single, multiple or yesno)',
      found: `question "${id}" of type ${type}`,
      fix: 'Segments select respondents by their answers to closed questions.',
    }),
    unknownAnswer: (question: string, codes: string[], found: string) => ({
      expected: `an answer code of "${question}" (${codes.join(', ')})`,
      found: `"${found}"`,
      fix: `Use one of the codes listed under the options of question "${question}".`,
    }),
    chartQuestionType: (
      accepted: readonly string[],
      id: string,
      type: string,
      kinds: string[],
    ) => ({
      expected: `a question of type ${anyOf(accepted)}`,
      found: `question "${id}" of type ${type}`,
      fix:
        kinds.length > 0
          ? `Chart a question of type ${anyOf(accepted)}, or draw this one with ${anyOf(kinds)}.`
          : `Chart a question of type ${anyOf(accepted)}: no chart kind draws a ${type} question.`,
    }),
    chartSegment: (ids: string[], found: string) => ({
      expected: `a segment id (all, ${ids.join(', ')})`,
      found: `"${found}"`,
      fix: 'Use the id of a segment listed under "segments:", or "all".',
    }),
    freeTextQuestion: (ids: string[], found: string) => ({
      expected: `the id of a question respondents typed answers to (${ids.join(', ') || 'none in this edition'})`,
      found: `"${found}", which is no question of this edition`,
      fix: 'Use the id of a question listed under "questions:": a text question, or one with other: true (its typed "Autre" answers).',
    }),
    freeTextNotTyped: (ids: string[], id: string, type: string) => ({
      expected: `a question respondents typed answers to (${ids.join(', ') || 'none in this edition'})`,
      found: `question "${id}" of type ${type}, with no typed answer`,
      fix: 'Typed answers are those of a text question and the "Autre" field of a question with other: true; choose one of these, or remove the entry.',
    }),
    freeTextPrivate: (id: string) => ({
      expected: 'a question whose answers may be published',
      found: `question "${id}", marked private: true`,
      fix: 'A private question is never printed: remove it from freeText.',
    }),
    comparabilityKey: (ids: string[], found: string) => ({
      expected: `the id of a question or a segment whose comparison with the previous edition is decided (${ids.join(', ')})`,
      found: `"${found}"`,
      fix: 'Record each decision under the id of the question or segment that changed, as enquete check names it.',
    }),
    weightingNoQuestion: () => ({
      expected:
        'at least one question under weighting › margins, with the target share of each of its answers',
      found: 'none',
      fix: 'Write under margins: a question id and the share of each answer code, e.g. profession: { radiologue: 0.30, manipulateur: 0.45, cadre: 0.15, autre: 0.10 }; or remove weighting: to publish unweighted figures.',
    }),
    weightingQuestionType: (id: string, type: string) => ({
      expected:
        'a question with one answer per respondent (type single or yesno): its answers split the respondents',
      found: `question "${id}" of type ${typeName(type)}`,
      fix: 'Weight on a single-choice or yes/no question (profession, sector): each respondent must be in exactly one of its answers.',
    }),
    weightingPrivate: (id: string) => ({
      expected:
        'a question whose answers may be published: the methodology box prints the target shares',
      found: `question "${id}", marked private: true`,
      fix: 'Weight on another question, or remove private: true if its answers are not personal data.',
    }),
    weightingMissingCodes: (question: string, codes: string[], missing: string[]) => ({
      expected: `a target share for every answer code of "${question}" (${codes.join(', ')})`,
      found: `no share for ${missing.map((c) => `"${c}"`).join(', ')}`,
      fix: `Add ${missing.map((c) => `${c}: <its share>`).join(', ')}; write 0 for an answer nobody in the population gives.`,
    }),
    weightingShare: (value: number) => ({
      expected: 'a share from 0 to 1 (0.30 for 30 %)',
      found: String(value),
      fix: 'Write the share of the population giving this answer, as a decimal number from 0 to 1.',
    }),
    weightingSum: (question: string, sum: number) => ({
      expected: `target shares of "${question}" summing to 1 (100 %), within 0.001`,
      found: `a sum of ${Math.round(sum * 10_000) / 10_000}`,
      fix: 'Correct the shares so that they add up to 1: every respondent gives one of the answers, "autre" included.',
    }),
    weightingBounds: (low: number, high: number) => ({
      expected:
        'bounds [lowest, highest] for the weights: the lowest above 0 and at most 1, the highest at least 1 (e.g. [0.3, 3])',
      found: `[${low}, ${high}]`,
      fix: 'Write bounds: [0.3, 3] (the default), or other bounds around 1: a weight of 1 is an average respondent.',
    }),
  },

  /** Why the weighting targets cannot be met by the respondents (analysis/weights.ts). */
  weighting: {
    noRespondent: (question: string, code: string, target: number) => ({
      expected: `respondents who gave "${code}" to "${question}", to carry its target share (${percentEn(target)})`,
      found: 'none among the respondents weighted',
      fix: `Set the share of "${code}" to 0 and add it to the closest answer's (the shares still summing to 1), or weight on another question.`,
    }),
    zeroTarget: (question: string, code: string, respondents: number) => ({
      expected: `a share above 0 for "${code}" of "${question}", which ${plural(respondents, 'respondent')} gave`,
      found: '0',
      fix: 'Give the answer its share of the population: a share of 0 would weigh these respondents at nothing.',
    }),
    cannotMeet: (question: string, code: string, target: number, reached: number) => ({
      expected: `weights giving "${code}" of "${question}" its target share (${percentEn(target)}) within 0.1 point`,
      found: `${percentEn(reached)} at best: the targets of the weighting questions contradict each other for these respondents`,
      fix: 'Check that the targets of every weighting question describe the same population, or weight on fewer questions.',
    }),
    boundsTooTight: (
      question: string,
      code: string,
      target: number,
      sample: number,
      needed: number,
      bounds: [number, number],
    ) => ({
      expected: `weights within the bounds [${bounds[0]}, ${bounds[1]}] that give "${code}" of "${question}" its target share (${percentEn(target)})`,
      found: `${percentEn(sample)} of the respondents weighted gave it: the raking needs weights of ${Math.round(needed * 100) / 100}`,
      fix: 'Widen bounds: under weighting: (a very large weight rests a figure on few respondents), or check the target share.',
    }),
  },

  lint: {
    /** The typed « Autre » answers, as a warning lists the answers a chart leaves out. */
    otherAnswer: '"Autre"',
    handTypedKeyFigures: () => ({
      expected:
        'key figures written with {{#keyFigures}} and {{#keyFigure}}, which the social cards show',
      found: 'a list typed by hand (<ul class="key-figures">): no card is made from it',
      fix: 'Write {{#keyFigures}}{{#keyFigure (pct "…")}}its words ({{n "…"}}){{/keyFigure}}…{{/keyFigures}} instead of the list.',
    }),
    literalYear: (year: string, editionYear: string, previous: boolean) => ({
      expected: `no year typed in the text but the edition's (${editionYear})`,
      found: `"${year}"`,
      fix: previous
        ? "Write {{edition.year}} for this edition's year, {{previousEdition}} for the previous one's."
        : "Write {{edition.year}} for the edition's year, or rewrite the sentence.",
    }),
    uncovered: (
      n: number,
      segments: string[],
      answers: { label: string; n: number }[],
      widened: { segment: string; where: string } | undefined,
    ) => ({
      expected: `every respondent in one of the chart's segments (${segments.join(', ')})`,
      found: `${plural(n, 'respondent')} in none: ${answers.map((a) => `${a.label} (${a.n})`).join(', ')}`,
      fix: widened
        ? `Take them into "${widened.segment}" (segments:): ${widened.where}; or add a segment for each answer, under "segments:" and in the chart's list.`
        : 'Add a segment for each of these answers, under "segments:" and in the chart\'s list.',
    }),
    emptySegment: (segment: string, question: string) => ({
      expected: `respondents to "${question}" in segment "${segment}"`,
      found: 'nobody this year: the chart leaves it out, and its note says so',
      fix: `Remove "${segment}" from the chart's list, or keep it if the empty group is itself the news.`,
    }),
    smallBaseClaim: (
      helper: string,
      sides: { figure: string; previous: boolean; first?: true; base: number }[],
    ) => ({
      expected: 'the bases of a comparison on fewer than 30 respondents printed in its paragraph',
      found: `${helper} on ${sides.map((s) => `"${s.figure}"${s.previous ? ' (previous edition)' : s.first ? ' (first edition)' : ''}, n = ${s.base}`).join(', ')}, base not printed near it`,
      fix: 'Print the base beside the claim: {{outof "…"}} ("5 sur 8"), {{n "…"}} ("n = 8"), {{before "…"}} for the previous edition, or {{first "…"}} for the first edition.',
    }),
    percentOnSmallBase: (figure: string, base: number) => ({
      expected: 'a count under 30 respondents ("8 sur 14"), as the methodology box promises',
      found: `{{pct "${figure}"}} on ${base} respondents`,
      fix: 'Use {{share "…"}} (a count under 30, a percentage above) or {{outof "…"}}.',
    }),
  },

  charts: {
    changeNeedsPrevious: () => ({
      expected: 'a previous edition to compare with ("edition.previous")',
      found: 'no "previous:" under "edition:"',
      fix: 'Add previous: "../<last year\'s folder>" under "edition:", or use another chart kind.',
    }),
    changeNeedsAnswer: (question: string, example: string | undefined) => ({
      expected: `the answer whose share is drawn ("answer:" with a code of "${question}")`,
      found: 'no "answer:"',
      fix: `Add answer: <code> to the chart, e.g. answer: ${example}.`,
    }),
  },

  theme: {
    logo: (found: string, fix: string) => ({
      expected: 'an SVG file inside the edition folder',
      found,
      fix,
    }),
    logoOutside: 'Copy the logo into the edition folder and give its path relative to it.',
    logoMissing: (full: string) => `no file at ${full}`,
    logoPath: 'Check the path, relative to the edition folder (e.g. theme/logo.svg).',
    notSvg: 'the file is not an SVG image (its first element is not <svg>)',
    noSize: 'the SVG has neither a viewBox nor a width and height to scale it by',
    logoNotSvg: 'Export the logo as SVG (File > Export > SVG) and point theme.logo at it.',
  },

  templates: {
    missing: () => ({
      expected: 'a Handlebars template',
      found: 'no such file',
      fix: 'Check the path given in the edition config ("body:").',
    }),
    unknownFigure: (reason: string, suggestions: string[]) => ({
      expected:
        'the id of a figure computed from the data (see output/<edition>/figures.json or `npx enquete figures <folder>`)',
      found: reason,
      fix: `Correct the id in the template.${suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
    }),
    noSuchQuestion: (question: string, questions: string[]) => ({
      expected: `a figure of a question of this edition (${questions.join(', ')})`,
      found: `no question "${question}" in edition.yaml`,
      fix: 'If the question was dropped from the form (enquete init lists them in init-report.md), remove this figure and the sentence that cites it; if its id changed, write the new one.',
    }),
    wrongKind: (id: string, kind: string, wanted: string[], mean: string | undefined) => ({
      expected: `a ${wanted.join(' or a ')}: the only ${wanted.length > 1 ? 'figures' : 'figure'} this helper takes`,
      found: `"${id}", a ${kind}`,
      fix:
        wanted.length > 1
          ? 'These helpers compare or rank shares or means: name figures of that kind.'
          : kind === 'share'
            ? `For a share, write {{pct "${id}"}} (a percentage), {{outof "${id}"}} ("21 sur 24") or {{share "${id}"}} (either, by its base).${mean ? ` For the question's mean: {{mean "${mean}"}}.` : ''}`
            : kind === 'mean'
              ? `For a mean, write {{mean "${id}"}}.`
              : kind === 'count'
                ? `For a count, write {{count "${id}"}}.`
                : kind === 'date'
                  ? `For a date, write {{date "${id}"}}.`
                  : kind === 'change'
                    ? `For a change, write {{change "${id.replace(/\.change$/, '')}"}}.`
                    : 'Correct the id, or use the helper that fits this figure.',
    }),
    unknownVariable: (name: string) => ({
      expected: 'only variables the article context provides, or a helper',
      found: `"${name}", which is neither`,
      fix: `Remove or correct "${name}"; figures are printed with helpers such as {{pct "usage.oui.share.all"}}.`,
    }),
    syntax: (found: string | undefined) => ({
      expected: 'a valid Handlebars template',
      found: found ?? 'a block still open at the end of the template',
      fix: 'Check that every {{#if}}, {{#each}} and {{#unless}} is closed by its {{/if}}, {{/each}} or {{/unless}}, and that every "{{" is closed by "}}".',
    }),
    unknownChart: (id: string, ids: string[]) => ({
      expected: `a chart declared under this article's "charts:" in edition.yaml (${ids.length > 0 ? ids.join(', ') : 'it declares none'})`,
      found: `"${id}", which is not one`,
      fix: `Declare the chart in edition.yaml, under "articles:", in this article's "charts:" (- id: ${id}, with its kind:, question: and title:)${ids.length > 0 ? '; or correct the id to that of one of the charts declared above' : ''}; or, if the chart is no longer wanted, remove {{chart "${id}"}} from the text.`,
    }),
    htmlInMarkdown: (tags: string[]) => ({
      expected:
        'an article written in Markdown, with no HTML tag: HTML is not obeyed there, the reader would see the tags as they are',
      found: tags.map((t) => `"${t}"`).join(', '),
      fix: `Remove ${tags.length > 1 ? 'these tags' : 'this tag'} and write in Markdown: a blank line between paragraphs, "##" before a heading, "-" before each item of a list, **bold**, _italics_, [text](address); the key figures in a \`\`\`chiffres-clés block.`,
    }),
    unclosedCall: () => ({
      expected: 'each "{{" closed by "}}"',
      found: 'a "{{" not closed before the next one',
      fix: 'Close the helper with two braces: {{pct "usage.oui.share.all"}}.',
    }),
    strayClose: (name: string) => ({
      expected: `a {{#${name} …}} before this {{/${name}}}`,
      found: `{{/${name}}}, which closes no open block`,
      fix: `Remove this {{/${name}}}, or add above it the {{#${name} …}} it should close.`,
    }),
    mismatchedClose: (opened: string, name: string) => ({
      expected: `{{/${opened}}}, closing the last block opened, {{#${opened} …}}`,
      found: `{{/${name}}}`,
      fix: `Close the {{#${opened} …}} first with {{/${opened}}}; blocks close in the reverse order of their opening.`,
    }),
    unclosedBlock: (name: string) => ({
      expected: `a {{/${name}}} closing this {{#${name} …}}`,
      found: 'a block opened here and never closed',
      fix: `Add {{/${name}}} at the end of what depends on the condition.`,
    }),
    elseOutside: () => ({
      expected: 'an {{else}} between an {{#if …}} and its {{/if}}',
      found: '{{else}} outside any block',
      fix: 'Put it inside an {{#if …}} … {{/if}}, or remove it.',
    }),
    unquotedId: (id: string) => ({
      expected: 'a figure id in quotes',
      found: id,
      fix: `Put the id in quotes: "${id}".`,
    }),
    keyFigureLine: (line: string) => ({
      expected:
        'in the "chiffres-clés" block, one line per figure, starting with the figure: {{pct "…"}}, {{count "…"}} or {{mean "…"}}, then its sentence',
      found: line,
      fix: 'Start the line with the helper that gives the figure, e.g. {{pct "usage.oui.share.radiologues"}} d\'entre eux utilisent l\'IA ({{n "usage.oui.share.radiologues"}})',
    }),
    noPartial: (file: string) => `no partial ${file} in templates/partials`,
    emptyGroup: (segment: string, guard: string) => ({
      expected: `respondents in segment "${segment}" who answered the question`,
      found: 'nobody this year: the figure has no value',
      fix: `Remove the figure from the text, or print the sentence only when there are some: {{#if (atLeast "${guard}" 1)}}…{{/if}}.`,
    }),
    weightingDiffers: (previous: string, difference: Difference) => ({
      expected: `two editions weighted the same way (on the same questions), or both unweighted, to print a change since ${previous}`,
      found: differenceEn(difference, previous),
      fix: `Leave this change out of the text; or weight the ${previous} edition on the same questions (weighting: in its edition.yaml), or print this edition unweighted (weighting: { apply: false, … }).`,
    }),
    notComparable: (previous: string, notes: { about: string; difference: Difference }[]) => ({
      expected: `a figure that measures the same as in ${previous}, or the editor's decision recorded in edition.yaml`,
      found: notes.map((n) => differenceEn(n.difference, previous)).join('; '),
      fix: `Compare only what still measures the same; or, where the comparison still makes sense, say why in edition.yaml (it is printed in the methodology box):\n      comparability:\n${[...new Set(notes.map((n) => n.about))].map((a) => `        ${a}: "…"`).join('\n')}`,
    }),
    /** Each note with the step it was found at: from `previous` to `edition`. */
    seriesNotComparable: (
      notes: { edition: string; previous: string; about: string; difference: Difference }[],
    ) => ({
      expected:
        "a figure that measures the same from the first edition to this one, or the editor's decision recorded where it changed",
      found: notes
        .map((n) => `from ${n.previous} to ${n.edition}: ${differenceEn(n.difference, n.previous)}`)
        .join('; '),
      fix: `Write the trend only since the figure measures the same (a series_by_segment chart shows the break); or, where the comparison still makes sense, say why in the edition.yaml of ${[...new Set(notes.map((n) => `${n.edition}`))].join(', ')} (it is printed in that edition's methodology box):\n      comparability:\n${[...new Set(notes.map((n) => `${n.about}`))].map((a) => `        ${a}: "…"`).join('\n')}`,
    }),
    refused: (reason: 'overlap' | 'same-figure', a: string, b: string) => ({
      expected:
        'two figures on separate respondents, on the same respondents, or a group against a group containing it',
      found:
        reason === 'overlap'
          ? `"${a}" and "${b}" count partly the same respondents`
          : `"${a}" compared with itself`,
      fix:
        reason === 'overlap'
          ? 'Compare groups that do not overlap (hospitaliers and libéraux), the same respondents (two answers of one question), or a group with a group containing it (radiologues and all).'
          : 'Name two different figures.',
    }),
    thresholdNumber: (found: string) => ({
      expected: 'a number to hold the figure against (0.5 for half)',
      found: `"${found}"`,
      fix: 'To set two figures against each other, use higher or lower, decided by their interval: {{#if (higher "a" "b")}}.',
    }),
    fewFigures: () => ({
      expected: 'two figures or more to set against each other',
      found: 'one',
      fix: 'Name every figure the wording compares: {{#if (highest "a" "b" "c")}}.',
    }),
    similarGap: () => ({
      expected: 'similar without gap=',
      found: 'gap=',
      fix: 'similar says there is no measurable difference; to say two figures are of the same order, use {{#if (within "a" "b" 5)}} (the whole interval within ±5 points).',
    }),
    withinGap: (found: string) => ({
      expected: "a margin: in points for shares (5), in the scale's units for means (0.5)",
      found: `"${found}"`,
      fix: 'Write {{#if (within "a" "b" 5)}}.',
    }),
    listPhrase: (found: string) => ({
      expected: 'figure ids, each followed by the words that name it',
      found: `"${found}"`,
      fix: 'Write {{list "usages.diagnostic.share.all" "l\'aide au diagnostic" "usages.segmentation.share.all" "la segmentation"}}.',
    }),
    decimalsBeyondBase: (
      question: string,
      decimals: number,
      figure: string,
      base: number,
      max: number,
    ) => ({
      expected: `at most ${plural(max, 'decimal')} for the means of "${question}": "${figure}" is printed and counts ${base} respondents`,
      found: `decimals=${decimals}`,
      fix: 'A mean of fewer than 30 respondents prints with one decimal at most, any other with two at most: remove decimals= or ask for fewer.',
    }),
    decimals: (question: string, decimals: number, file: string, line: number, found: number) => ({
      expected: `the means of "${question}" with ${plural(decimals, 'decimal')}, as asked in ${file} line ${line}`,
      found: `decimals=${found}`,
      fix: 'A figure prints the same everywhere: give the same decimals= in both places (or leave it out where the other applies).',
    }),
  },

  figures: {
    noSuchFigure: 'no such figure',
    noPrevious: 'no previous edition to compare with: set "previous:" under "edition:"',
    noChange: (noPrevious: string) => `no change figure (${noPrevious}, or it has no such figure)`,
    noSeries: (noPrevious: string) =>
      `no series (${noPrevious}, or no earlier edition has this figure)`,
    notKind: (kinds: string[], kind: string) => `not a ${kinds.join(' or a ')} but a ${kind}`,
    notComparable: (kind: string, otherKind: string, other: string) =>
      `a ${kind}, compared with the ${otherKind} "${other}": compare two shares or two means`,
    aDate: 'a date, not a number',
  },

  ingest: {
    noExport: (folder: string, file: string, configFile: string) => ({
      expected: 'the export of the responses',
      found: 'no such file',
      fix: `Put the Google Forms export in ${folder} as ${file}, or set "source.file" in ${configFile}.`,
    }),
    binary: () => ({
      expected: 'a text CSV file',
      found: 'binary content (NUL bytes): perhaps an .xlsx workbook or a zip archive',
      fix: 'Export the responses as CSV (Google Forms: "Download responses (.csv)"; Excel: "CSV UTF-8"), or, if it is a workbook, name it .xlsx and set that name in "source.file": enquete reads it too.',
    }),
    empty: () => ({
      expected: 'a CSV export with a header row and at least one response',
      found: 'an empty file',
      fix: DOWNLOAD_AGAIN,
    }),
    noRows: () => ({
      expected: 'a header row followed by responses',
      found: 'no rows',
      fix: DOWNLOAD_AGAIN,
    }),
    quoteNotClosed: (line: number | undefined) => ({
      expected: 'every quoted cell closed by a quote',
      found: `a quoted cell opened on or before line ${line} and still open at the end of the file`,
      fix: 'Find the cell near that line whose closing quote is missing and add it; a quote inside a cell is written twice ("").',
    }),
    strayQuote: () => ({
      expected: 'a separator or the end of the line after a closing quote',
      found: 'a quote in the middle of a cell',
      fix: 'Write a quote inside a cell twice ("") or re-export the file from Google Forms, which does it.',
    }),
    shortened: (start: string, length: number) =>
      `${start}… (${length.toLocaleString('en')} characters in all)`,
    changedWhileRead: () => ({
      expected: 'the export as it was when its responses were counted',
      found: 'a file changed since (a different size or modification time)',
      fix: 'Run the command again: it will read the new export from the start.',
    }),
    recordTooLong: (megabytes: number) => ({
      expected: `lines shorter than ${megabytes} MB`,
      found: `a line (or a quoted cell never closed) longer than ${megabytes} MB`,
      fix: 'Check that this file is the export of the responses; if it is, find the cell whose closing quote is missing and export the file again.',
    }),
    tooLarge: (rows: number, megabytes: number) => ({
      expected: `responses that fit in ${megabytes} MB of memory`,
      found: `more than ${rows.toLocaleString('en')} responses before reaching that limit`,
      fix: 'Check that this file is the export of a single survey, not several exports put end to end; a survey of this size is beyond what enquete reads.',
    }),
    badCsv: (found: string) => ({
      expected: 'well-formed CSV',
      found,
      fix: 'Re-export the file from Google Forms or save it from Excel as "CSV UTF-8".',
    }),
    duplicateHeader: (before: number) => ({
      expected: 'each column header once',
      found: `the same header as column ${before}`,
      fix: 'Remove or rename the repeated column; the export must have one column per question.',
    }),
    unknownHeader: (empty: boolean, closest: string | undefined, configFile: string) => ({
      expected: 'a header listed under "questions:" in the edition config',
      found: empty
        ? 'an empty header'
        : `an unknown header${closest === undefined ? '' : ` (closest known header: "${closest}")`}`,
      fix: `If the question was reworded, copy this header into its "header:" in ${configFile}; if it is new, add a question for it.`,
    }),
    missingColumn: (header: string, configFile: string) => ({
      expected: `a column headed "${header}"`,
      found: 'no such column',
      fix: `Check the export is complete; if the question was reworded, update its "header:" in ${configFile}; if it was dropped, remove it from the config.`,
    }),
    fieldCount: (width: number, found: number) => ({
      expected: `${width} fields, as in the header row`,
      found: `${found} fields`,
      fix: 'Check this row for a missing or extra separator; re-export the file rather than editing it by hand.',
    }),
    blankTimestamp: () => ({
      expected: 'the submission time of the response',
      found: 'a blank cell',
      fix: 'Re-export the file from Google Forms; the timestamp is written by the form, never typed.',
    }),
    headerOnly: () => ({
      expected: 'at least one response under the header row',
      found: 'the header row only',
      fix: 'Download the export again once the form has responses.',
    }),
    allExcluded: (rows: number, reasons: string, configFile: string) => ({
      expected: 'at least one response to report on',
      found: `all ${rows} rows excluded (${reasons})`,
      fix: `Check the field period in ${configFile} ("edition.fieldPeriod") against the dates of the export.`,
    }),
    badTimestamp: (found: string) => ({
      expected:
        'a date and time as Google Forms writes it ("2024/04/23 9:15:32 AM UTC+2") or as Google Sheets does ("23/04/2024 09:15:32")',
      found,
      fix: 'Re-export the file without editing the "Horodateur" column.',
    }),
    monthFirstTimestamp: (found: string) => ({
      expected:
        'a date and time as Google Forms writes it ("2024/04/23 9:15:32 AM UTC+2") or as Google Sheets in French does ("23/04/2024 09:15:32", day first)',
      found,
      fix: 'This date is written month first: the spreadsheet that saved the file is set to American English. Take the export as the form gives it (Google Forms: the responses CSV; Microsoft Forms: the .xlsx workbook, whose dates do not depend on the language), or save it from a spreadsheet set to France.',
    }),
    badScale: (min: number, max: number, found: string) => ({
      expected: `a whole number from ${min} to ${max}`,
      found,
      fix: `Correct the cell, or blank it if the respondent gave no answer (a blank is "no answer", never ${min}).`,
    }),
    unknownOption: (labels: string[], found: string, question: string, yesno: boolean) => ({
      expected: `one of ${labels.map((l) => `"${l}"`).join(', ')}`,
      found,
      fix: `If the form offers this answer, add it to the options of question "${question}" in edition.yaml${yesno ? '' : ', or set "other: true" if it is a typed "Autre" answer'}.`,
    }),
    formColumn: (role: 'metadata' | 'responseTime' | 'personal', configFile: string) => ({
      expected: 'a header listed under "questions:" or "source.metadata:" in the edition config',
      found: {
        metadata: "a column of Microsoft Forms' own (an identifier or a time), not an answer",
        responseTime: 'the time Microsoft Forms received each response',
        personal: "the respondent's e-mail address or name, as Microsoft Forms records them",
      }[role],
      fix: {
        metadata: `List this header under "source.metadata" in ${configFile}: the column is then left unread.`,
        responseTime: `Make this header the "header:" of the question of type timestamp in ${configFile}.`,
        personal: `Add a question with this header, "type: text" and "private: true" to ${configFile}: read, never published.`,
      }[role],
    }),
    notWorkbook: (what: 'empty' | 'text' | 'other') => ({
      expected: 'an Excel workbook (.xlsx)',
      found: {
        empty: 'an empty file',
        text: 'a text file, perhaps a CSV export renamed .xlsx',
        other: 'a file that is not a workbook',
      }[what],
      fix: 'Download the responses again (Google Sheets: File › Download › Microsoft Excel (.xlsx); Microsoft Forms: Responses › Open in Excel); a CSV export is read too: name it .csv and set that name in "source.file".',
    }),
    workbookEncrypted: () => ({
      expected: 'a workbook enquete can open',
      found: 'a workbook protected by a password (encrypted)',
      fix: 'Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password: empty the box) and save it as .xlsx again, or download the responses again from the form.',
    }),
    workbookOld: () => ({
      expected: 'an Excel workbook (.xlsx)',
      found: 'an Excel 97-2003 workbook (.xls) named .xlsx',
      fix: 'Open it in Excel and save it as "Excel Workbook (.xlsx)".',
    }),
    workbookTruncated: () => ({
      expected: 'a whole workbook',
      found: 'the beginning of a workbook, its end missing (an interrupted download or copy?)',
      fix: 'Download the responses again and replace this file.',
    }),
    workbookCorrupt: (reason: string) => ({
      expected: 'a workbook enquete can read',
      found: `a damaged workbook (${reason})`,
      fix: 'Download the responses again and replace this file; if Excel opens it, save it again as .xlsx.',
    }),
    noSheet: () => ({
      expected: 'a workbook with at least one sheet',
      found: 'no sheet',
      fix: 'Download the responses again from the form or the spreadsheet.',
    }),
    sheetMissing: (sheet: string, sheets: readonly string[]) => ({
      expected: `a sheet named "${sheet}" ("source.sheet")`,
      found: `the sheets ${sheets.map((s) => `"${s}"`).join(', ')}`,
      fix: 'Write the exact name of the sheet holding the responses in "source.sheet", or remove the key to read the first sheet.',
    }),
    emptySheet: () => ({
      expected: 'a row of headers, then the responses',
      found: 'an empty sheet',
      fix: 'Check that this is the sheet of the responses; if not, name the right one in "source.sheet".',
    }),
    beyondHeader: (column: string) => ({
      expected: 'values under the headers only',
      found: `a value in column ${column}, which has no header`,
      fix: 'Clear that cell (a note typed in by hand?), or give its column a header and describe it in edition.yaml.',
    }),
  },

  initReport: {
    title: (to: string, from: string) => `# Edition ${to}: made from edition ${from}`,
    made: (folder: string, previous: string, exportFile: string, rows: number) =>
      `\`enquete init\` made ${folder} from ${previous} and the export ${exportFile} (${rows} responses).`,
    editionId: (from: string, to: string, survey: string) =>
      `- Edition id: ${from} → **${to}**; survey: "${survey}"`,
    fieldPeriod: (start: string, end: string, wasStart: string, wasEnd: string) =>
      `- Field period (first and last response): ${day(start)} to ${day(end)} (was ${day(wasStart)} to ${day(wasEnd)})`,
    publishedAt: (url: string) => `- Published at: ${url}`,
    comparedWith: (previous: string) =>
      `- Compared with: ${previous} (\`edition.previous\`): every figure both editions have gets a \`.change\` figure`,
    articleDate: (article: string, from: string, to: string) =>
      `- Article ${article}: published on ${day(from)} → on ${day(to)} (set the real publication date)`,
    none: 'None.',
    questionsFound: 'Questions found in the new export',
    questionsHead: '| question | column | header this year | how |',
    foundAt: (column: number, header: string) => `column ${column}, "${header}"`,
    byEvidence: (header: string, answers: string | null, scale: boolean, lastYear: string) =>
      `evidence: headers ${header} alike${answers === null ? '' : `, ${answers} of answers fit its ${scale ? 'scale' : 'options'}`}; last year "${lastYear}"`,
    sameHeader: 'same header',
    sameHeaderNormalised: 'same header but for spaces, apostrophes or case',
    responseTime: (lastYear: string) =>
      `the time the form recorded each response (last year "${lastYear}")`,
    metadataColumns: (headers: string[]) =>
      `- The form's own columns, which are no answers: ${headers.map((h) => `"${h}"`).join(', ')}; listed under \`source.metadata\`, never read`,
    options: 'Answer options',
    renamed: (
      id: string,
      code: string,
      from: string,
      to: string,
      alike: string,
      respondents: number,
    ) =>
      `- ${id}: option ${code} renamed "${from}" → "${to}" (labels ${alike} alike, the old one no longer given; ${respondents} respondents); its code is kept, so its figures compare with last year's`,
    addedOption: (id: string, code: string, label: string, respondents: number) =>
      `- ${id}: new option ${code} "${label}" (${respondents} respondents)`,
    others: (id: string, n: number, list: string, otherSet: boolean) =>
      `- ${id}: ${plural(n, 'typed answer')} kept as « Autre » text (fewer than the 1 % of respondents, and 5, that make an option): ${list}${otherSet ? ' — `other: true` set' : ''}`,
    unseen: (id: string, code: string, label: string) =>
      `- ${id}: option ${code} "${label}" chosen by nobody this year (kept)`,
    widened: (id: string, from: string, to: string) =>
      `- ${id}: scale widened from ${from} to ${to} (answers outside the old range)`,
    allKnown: "Every answer is one of last year's options.",
    newQuestions: 'New questions',
    newQuestion: (
      id: string,
      column: number,
      header: string,
      type: string,
      isPrivate: boolean,
      evidence: string,
    ) =>
      `- ${id} (column ${column}, "${header}"): **${typeName(type)}**${isPrivate ? ', **private**' : ''}, ${evidence}`,
    dropped: 'Dropped questions, and what went with them',
    droppedQuestion: (id: string, header: string) =>
      `- question ${id} ("${header}"): no column this year`,
    droppedSegment: (id: string, because: string) => `- segment ${id}: ${because}`,
    appliesToRemoved: (question: string, segment: string) =>
      `- question ${question}: was asked to segment ${segment}, now gone; \`appliesTo\` removed (its base is now everyone who answered)`,
    droppedChart: (chart: string, article: string, because: string) =>
      `- chart ${chart} (article ${article}): removed, it ${because}`,
    trimmedChart: (chart: string, article: string, segments: string[]) =>
      `- chart ${chart} (article ${article}): segment${segments.length > 1 ? 's' : ''} ${segments.join(', ')} taken out`,
    personal: 'Personal data',
    privateQuestion: (id: string, header: string) =>
      `- ${id} ("${header}") is marked \`private: true\`: read, never printed, never in free-text.csv`,
    noPersonal:
      'No column looks like personal data. E-mail addresses and phone numbers typed in free answers are masked in every output anyway.',
    comparability: (previous: string) => `What no longer compares as it stands with ${previous}`,
    comparabilityNone: (previous: string) =>
      `Every question is asked as in ${previous}: their changes compare as they stand.`,
    comparabilityLine: (id: string, changes: string) => `- ${id}: ${changes}`,
    changes: (previous: string, differences: Difference[], definesGroups: boolean) =>
      [
        ...differences.map((d) => differenceEn(d, previous)),
        ...(definesGroups && differences.some((d) => d.kind === 'added' || d.kind === 'removed')
          ? ['it defines groups: their make-up changes too']
          : []),
      ].join('; '),
    staleDecisions: (ids: string[]) =>
      `- Last year's comparability decisions (${ids.join(', ')}) were about the comparison with the edition before: removed.`,
    comparabilityTodo: (previous: string) =>
      `- The changes of the questions above are not printed until the editors record a decision: in edition.yaml, uncomment the "comparability:" block and say for each why comparing with ${previous} still makes sense (the sentence is printed in the methodology box), or write no change for it`,
    yamlComparability: (previous: string, entries: { id: string; changes: string }[]) => [
      ` What no longer compares as it stands with ${previous} (noted by enquete init). The changes`,
      ' of these questions are not printed until the editors record a decision:',
      ' remove the "#" and say why the comparison still makes sense (printed in the methodology box).',
      ' comparability:',
      ...entries.map((e) => `   ${e.id}: "…" # ${e.changes}`),
    ],
    todo: 'What you must still do',
    doesNotRead: (n: number) => `- **The edition does not read yet** (${plural(n, 'problem')}):`,
    problem: (place: string, expected: string, found: string | undefined, fix: string) =>
      `  - ${place}: expected ${expected}${found ? `, found ${found}` : ''}. ${fix}`,
    rewrite: '- Rewrite these lines: they use what was dropped (`enquete build` stops on each):',
    uses: (place: string, uses: string, text: string) => `  - ${place} uses ${uses}: \`${text}\``,
    checkNew: (id: string, hasOptions: boolean) =>
      `- Check the new question ${id}: its id, label${hasOptions ? ', option codes and labels' : ''}; write about it and chart it if the article should`,
    shortLabel: (id: string, code: string) =>
      `- Give the new option ${id}.${code} a \`short:\` label if charts need one; check the segments that list ${id}'s answers`,
    checkShort: (id: string, code: string, to: string) =>
      `- Check the \`short:\` label of ${id}.${code}, renamed "${to}"`,
    updateTexts:
      '- Update the texts that name the year or the field period (article titles, deks, bodies), the distribution channels and the sample if they changed',
    nextCommands: (check: string, build: string) =>
      `- Then, from the project folder: \`${check}\`, then \`${build}\``,
    thenRun: 'Then, from the project folder:',
    reads: (kept: number, rows: number) =>
      `The export reads with the new config: ${kept} responses kept of ${rows}.`,
    chartUsed: (chart: string) => `chart "${chart}"`,
    segmentOnDropped: (question: string) => `defined on dropped question "${question}"`,
    chartOnDropped: (question: string) => `draws dropped question "${question}"`,
    chartOnDroppedSegment: (segment: string) => `uses dropped segment "${segment}"`,
    evidencePersonal:
      'personal data (its header or its answers are e-mail addresses, names or phone numbers): read, never printed',
    evidenceNoAnswers: 'no answers yet: taken as free text',
    evidenceTimes: 'every answer is a date and time',
    evidenceScale: (lo: number, hi: number, min: number, max: number) =>
      `whole numbers from ${lo} to ${hi}: a scale from ${min} to ${max}`,
    evidenceYesNo: 'every answer is « Oui » or « Non »',
    evidenceSentences: (many: boolean, n: number) =>
      `${many ? 'thousands of' : n} different answers, sentences rather than choices: free text`,
    evidenceMultiple: (n: number, other: boolean) =>
      `${n} answers, several per respondent (joined with ", ")${other ? ', rarer ones as « Autre »' : ''}`,
    evidenceSingle: (n: number, percent: number, other: boolean) =>
      `${n} answers given by ${percent} % of respondents${other ? ', rarer ones as « Autre »' : ''}`,
    evidenceText: (many: boolean, n: number) =>
      `${many ? 'thousands of' : n} different answers: free text`,
  },

  init: {
    noExport: () => ({
      expected: 'the new Google Forms export (CSV)',
      found: 'no such file',
      fix: 'Check the path given to --responses.',
    }),
  },

  preview: {
    listening: (url: string) =>
      `\nPreview of the edition at ${url}\n  The pages reload as you save. Ctrl-C stops the preview.\n`,
    firstBuild: () => 'first build',
    webReady: (why: string, took: string) => `${clock()}  ${why}: web page ready in ${took}`,
    allReady: (took: string) => `${clock()}  every output ready in ${took}`,
    failed: (why: string) => `${clock()}  ${why}: the edition does not build`,
    unexpected: (message: string) =>
      `Unexpected error: ${message}\nSave again; if it persists, stop the preview and run npx enquete build <folder> --debug.`,
    watchFailed: (message: string) =>
      `Watching the edition stopped: ${message}. Restart the preview.`,
    status: (ok: boolean): string => (ok ? 'Up to date' : 'The edition does not build'),
    desk: {
      lang: 'en',
      title: 'enquete preview',
      web: 'Web article',
      print: 'Print (PDF)',
      newsletter: (width: number) => `Newsletter, ${width} px`,
      tables: 'Tables',
      workbook: 'download the workbook (.xlsx)',
      problem: 'The edition does not build: the last good version is shown.',
      open: 'open',
    },
  },
};

/** The types of YAML value the config's keys take, as the messages name them. */
const TYPE_EN: Record<string, string> = {
  string: 'some text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a block of keys',
  record: 'a block of keys',
  null: 'an empty value',
};

const WHAT_EN = {
  questionId: 'question id',
  columnHeader: 'column header',
  segmentId: 'segment id',
  answerCode: 'answer code',
  chartId: 'chart id',
};

export type Catalogue = typeof en;
export type Duplicated = keyof typeof WHAT_EN;
