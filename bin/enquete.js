#!/usr/bin/env node
// The command is compiled from src/ and bundled (scripts/bundle.mjs: it loads
// in half the time) by `npm install` (the "prepare" script) and by
// scripts/setup.mjs; this file only hands over to it.
import { statSync } from 'node:fs';

const compiled = new URL('../dist/bundle/cli.js', import.meta.url);
const made = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (made(compiled) === 0) {
  process.stderr.write('enquete is not built yet: run `npm run setup` (or `npm install`) first.\n');
  process.exit(2);
}
// src/ compiled again (`tsc` alone) but not bundled: the bundle would run the code before.
if (made(compiled) < made(new URL('../dist/.tsbuildinfo', import.meta.url))) {
  process.stderr.write('enquete was compiled but not bundled since: run `npm run build`.\n');
  process.exit(2);
}
const { main } = await import(compiled.href);
// Exit as soon as the command is done: nothing it started (a browser still
// starting, a library's timer) may keep a finished or failed build waiting.
process.exit(await main(process.argv.slice(2)));
