/**
 * Set up before every test file: the code under test in this process speaks
 * English, the wording its unit tests were written against. The commands
 * run in child processes speak French, the editors' language (helpers/cli.ts),
 * and the bad-input fixtures pin both languages.
 */
import { chooseLanguage } from '../../src/messages/index.js';

chooseLanguage('en');
