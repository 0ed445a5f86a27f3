/**
 * One browser per run. Launched at the start of the build so Chromium's
 * start-up overlaps the analysis and the charts; closed whatever happens.
 * A failed launch is retried once; a hung one times out.
 */
import puppeteer, { type Browser } from 'puppeteer';
import { EnvironmentError } from '../errors.js';
import { CHROMIUM_ARGS, findBrowser, INSTALL_HINT } from './browser.js';

export const LAUNCH_TIMEOUT_MS = 30_000;

export async function launchChromium(): Promise<Browser> {
  const executablePath = await findBrowser();
  if (!executablePath)
    throw new EnvironmentError('No Chromium or Chrome found to print the PDF.', INSTALL_HINT);
  const launch = () =>
    puppeteer.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: LAUNCH_TIMEOUT_MS,
      protocolTimeout: 60_000,
      userDataDir: undefined,
    });
  try {
    return await launch();
  } catch {
    try {
      return await launch();
    } catch (e) {
      throw new EnvironmentError(
        `Chromium (${executablePath}) failed to start twice: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
        `Check that it runs: \`${executablePath} --headless=new --no-sandbox --dump-dom about:blank\`. ${INSTALL_HINT}`,
      );
    }
  }
}

/** Start the browser now; the caller awaits it later and must always close it. */
export function startChromium(): { browser: Promise<Browser>; close: () => Promise<void> } {
  const browser = launchChromium();
  // Keep an early failure from surfacing as an unhandled rejection before the PDF stage awaits it.
  browser.catch(() => {});
  return {
    browser,
    close: async () => {
      const b = await browser.catch(() => null);
      await b?.close().catch(() => b.process()?.kill('SIGKILL'));
    },
  };
}
