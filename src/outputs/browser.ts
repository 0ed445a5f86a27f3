/**
 * Which Chromium to drive. Never downloads one: the system's browser first
 * (Debian's /usr/bin/chromium, which scripts/setup.mjs installs when it is
 * missing), then an installed Chrome, then a browser puppeteer itself
 * installed (`npx puppeteer browsers install chrome`) on ordinary machines.
 */
import { existsSync } from 'node:fs';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const BROWSER_ENV = 'ENQUETE_CHROMIUM';

/** The browser's path, or null when this machine has none we can use. */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const configured = env[BROWSER_ENV] ?? env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (system) return system;
  try {
    const puppeteer = await import('puppeteer');
    const own = puppeteer.default.executablePath();
    return existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

/**
 * Flags for a headless Chromium on a machine with no network but the
 * package registries: without the background-networking flags it keeps
 * trying to reach Google and filling the log with refused connections.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--font-render-hinting=none',
];
