#!/usr/bin/env node
// The command is compiled from src/ and bundled (scripts/bundle.mjs: it loads
// in half the time) by `npm install` (the "prepare" script) and by
// scripts/setup.mjs; this file only hands over to it.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/bundle/cli.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('enquete is not built yet: run `npm run setup` (or `npm install`) first.\n');
  process.exit(2);
}
const { main } = await import(compiled.href);
// Exit as soon as the command is done: nothing it started (a browser still
// starting, a library's timer) may keep a finished or failed build waiting.
process.exit(await main(process.argv.slice(2)));
