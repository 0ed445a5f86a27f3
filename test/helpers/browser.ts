/** The real Chromium the build uses, for end-to-end tests that open its pages. */
import puppeteer, { type Browser } from 'puppeteer';
import { CHROMIUM_ARGS, findBrowser } from '../../src/outputs/browser.js';

export async function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: (await findBrowser()) ?? undefined,
    args: CHROMIUM_ARGS,
  });
}
