/** Problems of the errors a test expects. */
import { expect } from 'vitest';
import { InputError, type Problem } from '../../src/errors.js';

/** The first problem of the InputError `fail` must throw. */
export function problemOf(fail: () => unknown): Problem {
  try {
    fail();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems[0] as Problem;
  }
  return expect.unreachable();
}
