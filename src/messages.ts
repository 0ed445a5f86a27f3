/**
 * The sentences the command says to its user, as small functions: the
 * wording lives here, the code that decides when to say it elsewhere.
 * (Problems in an input file are worded where they are found, with the
 * rule they break: edition/, ingest/, render/environment.ts.)
 */

export const HELP = `enquete: survey report pipeline

Usage:
  enquete build <edition-folder> [options]   build every article of the edition: PDF, web article,
                                             newsletter, and the edition's index page
                                             (default: output/<folder name>/)
  enquete check <edition-folder> [--json]    check everything a build checks (config, export,
                                             templates, figure ids, charts) without building or
                                             writing anything; --json for CI
  enquete figures <edition-folder>           print every figure as JSON
  enquete init <new-folder> --from <previous-edition> --responses <export.csv>
                                             make next year's edition from last year's: the config
                                             and articles copied, the codebook matched to the new
                                             export; prints the report it writes (init-report.md)
  enquete --help | --version

Options:
  --out <folder>       where to write the outputs
  --article <slug>     rebuild this article only; the edition's other articles stay as they are
  --base-url <url>     where the output folder will be published: the newsletter's images and
                       its link to the web version point there (default: edition.publishUrl)
  --from <folder>      (init) last year's edition folder
  --responses <file>   (init) the new year's Google Forms export
  --json               (check) print the result as JSON on stdout
  --debug              print the stack trace of unexpected errors
`;

/** Usage errors: a message, and a hint (the pointer to --help when none is given). */
export const usage = {
  noCommand: () => ({ message: 'No command given.', hint: HELP }),
  badArguments: (message: string) => ({ message }),
  unknownCommand: (command: string) => ({
    message: `Unknown command "${command}". The commands are build, check, figures and init.`,
  }),
  noFolder: (command: string) => ({
    message: `"enquete ${command}" needs an edition folder, e.g. data/2024.`,
  }),
  unexpectedArgument: (arg: string) => ({ message: `Unexpected argument "${arg}".` }),
  initNeeds: (option: string) => ({
    message: `"enquete init" needs --${option}.`,
    hint: 'For example: enquete init data/2025 --from data/2024 --responses ~/Téléchargements/export.csv',
  }),
  folderNotEmpty: (folder: string) => ({
    message: `${folder} already exists and is not empty: init makes a new edition folder and never writes into one.`,
    hint: 'Give the name of a new folder (e.g. data/2025), or empty this one first.',
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
  outNotOurs: (target: string) => ({
    message: `Refusing to write the outputs to "${target}": the folder exists and was not made by enquete build, and a build replaces its output folder whole.`,
    hint: 'Choose a new or empty folder with --out, or move that folder away first.',
  }),
};

const INSTALL_HINT =
  'Install Chromium: on Debian/Ubuntu `apt-get install chromium` (npm run setup does it when run as root); elsewhere install Google Chrome, run `npx puppeteer browsers install chrome`, or set ENQUETE_CHROMIUM to the browser executable.';

export const noChromium = () => ({
  message: 'No Chromium or Chrome found to print the PDF.',
  fix: INSTALL_HINT,
});

export const chromiumFailedTwice = (executable: string, e: unknown) => ({
  message: `Chromium (${executable}) failed to start twice: ${e instanceof Error ? e.message : String(e)}`,
  fix: `Check that it runs: \`${executable} --headless=new --no-sandbox --dump-dom about:blank\`. ${INSTALL_HINT}`,
});

export const printTimedOut = (seconds: number) => ({
  message: `Chromium did not finish printing the PDF within ${seconds} s.`,
  fix: 'Run the build again; if it keeps failing, run it with --debug and report it.',
});

export const printFailed = (page: string, e: unknown) => ({
  message: `Chromium failed while printing ${page}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
  fix: 'Run the build again; if it keeps failing, run it with --debug and report it.',
});

export const workerDied = (e: unknown) => ({
  message: `The drawing thread stopped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
  fix: 'Run the build again; if it keeps failing, run it with --debug and report it.',
});

export const writeFailed = (target: string, e: unknown) => ({
  message: `Could not write the outputs to "${target}": ${e instanceof Error ? e.message : String(e)}`,
  fix: 'Check that the disk has room and that the folder can be written to; the previous outputs are untouched.',
});

export const stopped = (signal: string) =>
  `\nenquete: stopped (${signal}); the previous outputs are untouched.\n`;

export const unexpected = (message: string, stack: string | undefined, debug: boolean) =>
  `\nenquete: unexpected error: ${message}\n${debug ? `${stack}\n` : 'Run again with --debug for the details, and report it to the maintainer.\n'}`;

export const blockedRequests = (page: string, urls: string[]) =>
  `  note: the ${page} asked for ${urls.length} resource(s) outside the build, all refused: ${urls.slice(0, 3).join(', ')}`;

/** What the preview says in the terminal and on its pages. */
export const preview = {
  listening: (url: string) =>
    `\nPreview of the edition at ${url}\n  The pages reload as you save. Ctrl-C stops the preview.\n`,
  firstBuild: () => 'first build',
  webReady: (why: string, took: string) => `${clock()}  ${why}: web page ready in ${took}`,
  allReady: (took: string) => `${clock()}  every output ready in ${took}`,
  failed: (why: string) => `${clock()}  ${why}: the edition does not build`,
  unexpected: (message: string) =>
    `Unexpected error: ${message}\nSave again; if it persists, stop the preview and run enquete build with --debug.`,
  watchFailed: (message: string) =>
    `Watching the edition stopped: ${message}. Restart the preview.`,
  status: (ok: boolean) => (ok ? 'Up to date' : 'The edition does not build'),
  desk: {
    lang: 'en',
    title: 'enquete preview',
    web: 'Web article',
    print: 'Print (PDF)',
    newsletter: (width: number) => `Newsletter, ${width} px`,
    problem: 'The edition does not build: the last good version is shown.',
    open: 'open',
  },
};

function clock(): string {
  return new Date().toLocaleTimeString('en-GB');
}
