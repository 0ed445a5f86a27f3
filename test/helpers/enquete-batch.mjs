// Runs the command once for each argument list given (as JSON) on stdin, in
// one process, as bin/enquete.js runs it: in the language of the
// environment; prints each run's exit code and what it wrote, as JSON.
// Loading the command once for many runs keeps the bad-input tests short
// (test/helpers/cli.ts, enqueteBatch).
import { main } from '../../dist/bundle/cli.js';
import { runCaptured } from './capture.mjs';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const args of JSON.parse(input)) results.push(await runCaptured(main, args));
process.stdout.write(JSON.stringify(results), () => process.exit(0));
