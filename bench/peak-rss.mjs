#!/usr/bin/env node
/**
 * Runs a Node script in this process and reports its peak resident memory
 * on stderr when it exits ("peak-rss-kb: N"), for the benchmarks: Node has
 * no portable way to read a child's peak memory from outside.
 *
 *   node bench/peak-rss.mjs bin/enquete.js figures data/2024
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb: ${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(path.resolve(script)).href);
