// Puppeteer must never download a browser: `npm ci` runs on machines whose
// only network is the npm registry. The browser is found at run time by
// src/outputs/browser.ts (system Chromium first); scripts/setup.mjs installs
// one when none is there.
module.exports = { skipDownload: true };
