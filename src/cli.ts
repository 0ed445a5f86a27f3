/**
 * The command line: parse arguments, run a command, and be the one place
 * that turns errors into messages and exit codes (1: bad input, 2: bad usage).
 */
import { parseArgs } from 'node:util';
import { formatError, isExpectedError, UsageError } from './errors.js';
import { consoleLog, formatReconciliation, formatWritten } from './log.js';
import { startChromium } from './outputs/chromium.js';
import { startWorker } from './worker/client.js';

const HELP = `enquete: survey report pipeline

Usage:
  enquete build <edition-folder> [options]   build the PDF, web article and newsletter (default: output/<folder name>/)
  enquete figures <edition-folder>                  print every figure as JSON
  enquete --help | --version

Options:
  --out <folder>       where to write the outputs
  --article <slug>     which article of the edition (default: the first listed in edition.yaml)
  --base-url <url>     where the output folder will be published: the newsletter's images and
                       its link to the web version point there (default: edition.publishUrl)
  --debug          print the stack trace of unexpected errors
`;

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv);
  } catch (e) {
    if (isExpectedError(e)) {
      process.stderr.write(`\nenquete: ${formatError(e)}\n`);
      return e.exitCode;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(
      `\nenquete: unexpected error: ${err.message}\n${debug ? `${err.stack}\n` : 'Run again with --debug for the details, and report it to the maintainer.\n'}`,
    );
    return 1;
  }
}

async function run(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError(
      e instanceof Error ? (e.message.split('. ')[0] as string).replace(/\.?$/, '.') : String(e),
    );
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write('enquete 0.1.0\n');
    return 0;
  }
  const [command, folder, ...extra] = positionals;
  if (command === undefined) throw new UsageError('No command given.', HELP);
  if (command !== 'build' && command !== 'figures')
    throw new UsageError(`Unknown command "${command}". The commands are build and figures.`);
  if (folder === undefined)
    throw new UsageError(`"enquete ${command}" needs an edition folder, e.g. data/2024.`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);

  const log = consoleLog();
  if (command === 'figures') {
    const { analyseEdition } = await import('./pipeline.js');
    const { figures } = await analyseEdition(folder, log);
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    return 0;
  }
  log.info(`enquete build ${folder}`);
  const started = performance.now();
  // Chromium and the worker thread first: their start-up overlaps loading the pipeline's code and reading the data.
  const chromium = startChromium();
  const worker = startWorker();
  let result: Awaited<ReturnType<typeof import('./pipeline.js').buildEdition>>;
  try {
    const { buildEdition } = await import('./pipeline.js');
    const options = {
      editionFolder: folder,
      outFolder: values.out,
      article: values.article,
      baseUrl: values['base-url'],
    };
    result = await buildEdition(options, chromium, worker, log);
  } finally {
    await Promise.all([chromium.close(), worker.stop()]);
  }
  const { written, reconciliation } = result;
  log.info(`\n${formatReconciliation(reconciliation)}`);
  if (process.env.ENQUETE_TIMELINE) {
    const cpu = process.cpuUsage();
    log.info(
      `(this process used ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s of CPU, Chromium not included)`,
    );
  }
  log.info(
    `\nWrote ${written.length} files in ${((performance.now() - started) / 1000).toFixed(2)} s:\n${formatWritten(written)}`,
  );
  return 0;
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
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
}
