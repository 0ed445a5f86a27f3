/**
 * The command line: parse arguments, choose the language of messages, run a
 * command, and be the one place that turns errors into messages and exit
 * codes (1: bad input, 2: bad usage).
 */
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import {
  EnvironmentError,
  errorJson,
  formatError,
  InputError,
  isExpectedError,
  UsageError,
} from './errors.js';
import {
  consoleLog,
  formatBuildSummary,
  formatClaims,
  formatReconciliation,
  formatWarnings,
  formatWritten,
  silentLog,
} from './log.js';
import {
  chooseLanguage,
  cli,
  environment,
  help,
  languageFrom,
  preview as previewSays,
  tasks,
  usage,
} from './messages/index.js';

/** V8's budget (bytecodes run) before optimising a function, for a build: 4 × Node 20's default (67 584). */
const OPTIMISE_AFTER = 4 * 67_584;

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  // Chosen before anything is said, the argument errors included (an unknown --lang in the shell's).
  const lang = argv.find((a, i) => argv[i - 1] === '--lang' || a.startsWith('--lang='));
  try {
    chooseLanguage(languageFrom(lang?.replace(/^--lang=/, '')) ?? languageFrom(undefined) ?? 'fr');
    return await run(argv);
  } catch (e) {
    if (isExpectedError(e)) {
      process.stderr.write(`\n${emphasis(cli.errorHead)}${formatError(e)}\n`);
      if (debug && e.cause instanceof Error) process.stderr.write(`${e.cause.stack}\n`);
      return e.exitCode;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(environment.unexpected(err.message, err.stack, debug));
    return 1;
  }
}

/** Bold red on a terminal that takes colour; plain when NO_COLOR is set or stderr is a file or a pipe. */
function emphasis(text: string): string {
  const colour =
    process.stderr.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return colour ? `\x1b[1;31m${text}\x1b[0m` : text;
}

type Values = ReturnType<typeof parse>['values'];

async function run(argv: string[]): Promise<number> {
  const { values, command, folder } = commandLine(argv);
  if (values.help) {
    process.stdout.write(help());
    return 0;
  }
  if (values.version) {
    process.stdout.write('enquete 0.1.0\n');
    return 0;
  }
  if (command === undefined || folder === undefined) throw new UsageError(usage.noCommand());
  if (command === 'init') return init(folder, values);
  if (command === 'check') return check(folder, values.json === true, values.strict === true);
  if (command === 'preview') return preview(folder, values.port ?? '5024', values.article);
  if (command === 'figures') return figures(folder, values['no-cache'] === true);
  return build(folder, values);
}

/** The arguments, checked: a known command and its folder, nothing more (unless --help or --version). */
function commandLine(argv: string[]): { values: Values; command?: string; folder?: string } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError(argumentsError(e));
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && languageFrom(values.lang) === null)
    throw new UsageError(usage.badLang(values.lang));
  if (values.help || values.version) return { values };
  const [command, folder, ...extra] = positionals;
  if (command === undefined) throw new UsageError(usage.noCommand());
  if (!['build', 'check', 'figures', 'init', 'preview'].includes(command))
    throw new UsageError(usage.unknownCommand(command));
  if (folder === undefined) throw new UsageError(usage.noFolder(command));
  if (extra.length > 0) throw new UsageError(usage.unexpectedArgument(extra[0] as string));
  return { values, command, folder };
}

/** enquete init: the new edition's folder from last year's and the new export; the report on stdout. */
async function init(folder: string, values: Values): Promise<number> {
  if (values.from === undefined) throw new UsageError(usage.initNeeds('from'));
  if (values.responses === undefined) throw new UsageError(usage.initNeeds('responses'));
  const [{ initEdition }, { reportTerminal, terminalWidth }, { CHART_KINDS }] = await Promise.all([
    import('./init/init.js'),
    import('./init/terminal-report.js'),
    import('./charts/kinds/index.js'),
  ]);
  const log = consoleLog();
  log.info(cli.initRunning(folder, values.from, values.responses));
  const { document, problems } = await initEdition(
    { folder, from: values.from, responses: values.responses },
    CHART_KINDS,
    log,
  );
  // The report for a person to read; init-report.md, beside the new edition, holds it in Markdown.
  process.stdout.write(`\n${reportTerminal(document, terminalWidth(process.stdout.columns))}`);
  return problems.length > 0 ? 1 : 0;
}

/** enquete figures: every figure as JSON on stdout. */
async function figures(folder: string, noCache: boolean): Promise<number> {
  const [{ analyseEdition }, { defaultCacheFolder }] = await Promise.all([
    import('./analyse.js'),
    import('./worker/cache.js'),
  ]);
  // A config checked before is read back: its checks are most of a small edition's run.
  const cache = noCache ? undefined : defaultCacheFolder();
  const { figures } = await analyseEdition(folder, consoleLog(), { cache });
  await writeOut(figures);
  return 0;
}

/** enquete build: every output of the edition, then what was read, decided and written. */
async function build(folder: string, values: Values): Promise<number> {
  const log = consoleLog();
  log.info(cli.building(folder));
  const started = performance.now();
  // A build runs much code a few times each (templates, charts, pages): with V8's default budget,
  // its background threads spent much of its processor time optimising functions that then barely
  // ran. Four times the budget before a function is optimised saved 1.2 s of a cold build's
  // processor time and 0.66 s of its 6.6 s (README, Performance). `figures` keeps the default:
  // its reading loops are hot.
  // Measured on Node 20's V8 (11.3) only: another V8 tiers up otherwise, and keeps its default.
  if (process.versions.v8.startsWith('11.3.'))
    v8.setFlagsFromString(`--interrupt-budget=${OPTIMISE_AFTER}`);
  // Loaded by the commands that use them: `figures` and `check` neither start Chromium nor load its driver or the drawing thread.
  const [{ startChromium }, { startWorker }, { defaultCacheFolder, diskCache, NO_CACHE }] =
    await Promise.all([
      import('./outputs/chromium.js'),
      import('./worker/client.js'),
      import('./worker/cache.js'),
    ]);
  // Chromium and the worker thread first: their start-up overlaps loading the pipeline's code and reading the data.
  const chromium = startChromium();
  // Drawings kept between builds, unless --no-cache: a rebuild after a text edit redraws nothing unchanged.
  const worker = startWorker({
    cache: values['no-cache'] ? NO_CACHE : diskCache(defaultCacheFolder()),
  });
  let result: Awaited<ReturnType<typeof import('./pipeline.js').buildEdition>>;
  try {
    const { buildEdition } = await import('./pipeline.js');
    const options = {
      editionFolder: folder,
      outFolder: values.out,
      article: values.article,
      baseUrl: values['base-url'],
    };
    result = await buildEdition(options, { chromium, worker, offload: worker, kept: worker, log });
  } finally {
    await Promise.all([chromium.close(), worker.stop()]);
  }
  const { written, outFolder, reconciliation, articles, claims, warnings } = result;
  log.info(`\n${formatReconciliation(reconciliation)}`);
  log.info(formatClaims(claims));
  if (warnings.length > 0) log.info(formatWarnings(warnings));
  if (process.env.ENQUETE_TIMELINE) {
    const cpu = process.cpuUsage();
    log.info(cli.cpuUsed(((cpu.user + cpu.system) / 1e6).toFixed(2)));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log.info(cli.built(articles, chromium.starts, seconds));
  // Every file with --verbose; else each article's folder, its files and their size.
  log.info(values.verbose ? formatWritten(written) : formatBuildSummary(written, outFolder));
  return 0;
}

/**
 * enquete check: a sentence, or with --json one JSON object on stdout (the
 * error's problems too); with --strict, the warnings stop it like errors.
 */
async function check(folder: string, json: boolean, strict: boolean): Promise<number> {
  const { checkEdition } = await import('./check.js');
  const log = json ? silentLog : consoleLog();
  let result: Awaited<ReturnType<typeof checkEdition>>;
  try {
    result = await checkEdition(folder, log);
    if (strict && result.warnings.length > 0) throw new InputError(tasks.newYear, result.warnings);
  } catch (e) {
    if (!json || !isExpectedError(e)) throw e;
    await writeOut({ ok: false, error: errorJson(e) });
    return e.exitCode;
  }
  if (json) {
    await writeOut({ ok: true, ...result });
    return 0;
  }
  const { rowsIn, kept } = result.reconciliation;
  if (result.warnings.length > 0) log.info(formatWarnings(result.warnings));
  log.info(cli.checked(folder, result.articles, result.pages, result.figures, rowsIn, kept));
  log.info(formatClaims(result.claims));
  return 0;
}

/** enquete preview: runs until stopped (Ctrl-C); the clean-up on that signal stops Chromium. */
async function preview(folder: string, port: string, article: string | undefined): Promise<number> {
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new UsageError(usage.badPort(port));
  const { startWorker } = await import('./worker/client.js');
  const worker = startWorker();
  const { startPreview } = await import('./preview/server.js');
  const log = consoleLog();
  const desk = await startPreview(
    { editionFolder: folder, port: Number(port), article },
    worker,
    log,
  );
  process.stdout.write(previewSays.listening(desk));
  await new Promise(() => {});
  return 0;
}

/**
 * The JSON on stdout. A reader that stops reading (`enquete figures | head`)
 * is no failure, as for any command-line tool; any other error (a full
 * disk) is one.
 */
function writeOut(value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    // The write's callback is told the error before the stream emits it: decided there.
    process.stdout.once('error', () => {});
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`, (e) =>
      !e || (e as NodeJS.ErrnoException).code === 'EPIPE'
        ? resolve()
        : reject(new EnvironmentError(environment.stdoutFailed(e.message), { cause: e })),
    );
  });
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      article: { type: 'string' },
      'base-url': { type: 'string' },
      from: { type: 'string' },
      port: { type: 'string' },
      lang: { type: 'string' },
      responses: { type: 'string' },
      debug: { type: 'boolean' },
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
      verbose: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
}

/** Node's argument parser speaks English: its errors, by their code, in the catalogue's words. */
function argumentsError(e: unknown) {
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^']*)'/.exec(message)?.[1] ?? '';
  const code = (e as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usage.unknownOption(option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usage.optionValue(option);
  return usage.badArguments(`${message.split('. ')[0]}`.replace(/\.?$/, '.'));
}
