import { describe, expect, it } from 'vitest';
import { hashOf, Memo } from '../../src/worker/memo.js';

describe('the memo of drawings', () => {
  it('makes a drawing once per spec and data, again when either changes', async () => {
    const memo = new Memo<string>(10);
    let made = 0;
    const draw = (job: object) => memo.remember(job, () => `svg ${++made}`);
    const job = { spec: { mark: 'bar' }, data: [{ x: 1 }], widths: [330, 480] };
    expect(await draw(job)).toBe('svg 1');
    expect(await draw(structuredClone(job))).toBe('svg 1');
    expect(await draw({ ...job, data: [{ x: 2 }] })).toBe('svg 2');
    expect(await draw({ ...job, spec: { mark: 'point' } })).toBe('svg 3');
    expect(made).toBe(3);
  });

  it('forgets the oldest drawing past its size', async () => {
    const memo = new Memo<number>(2);
    await memo.remember('a', () => 1);
    await memo.remember('b', () => 2);
    await memo.remember('c', () => 3);
    expect(memo.get(hashOf('a'))).toBeUndefined();
    expect(memo.get(hashOf('c'))).toBe(3);
  });
});
