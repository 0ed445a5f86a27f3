/**
 * The command run inside the test process, in the test process's language
 * (English: test/helpers/setup.ts), its output captured. Much cheaper than a
 * child process, for the many runs that only need the words.
 */
import { main } from '../../src/cli.js';
import { language } from '../../src/messages/index.js';
import { type Captured, runCaptured } from './capture.mjs';

export function enqueteHere(args: string[]): Promise<Captured> {
  // The process's language is fixed: the command is told so rather than reading LANG.
  return runCaptured(main, [...args, `--lang=${language()}`]);
}
