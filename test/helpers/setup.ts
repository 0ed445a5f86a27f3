/**
 * Set up before every test file.
 *
 * The code under test in this process speaks English, the wording its unit
 * tests were written against. The commands run in child processes speak
 * French, the editors' language (helpers/cli.ts), and the bad-input
 * fixtures pin both languages.
 *
 * Every scratch folder the file made is removed after its tests.
 */
import { afterAll } from 'vitest';
import { chooseLanguage } from '../../src/messages/index.js';
import { removeScratch } from './scratch.js';

chooseLanguage('en');
afterAll(removeScratch);
