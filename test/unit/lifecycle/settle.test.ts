import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allInOrder } from '../../../src/lifecycle/settle';

/** A promise settled from outside, so a test decides the order in which steps finish (no timers). */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (e: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('allInOrder', () => {
  it('returns every value in the order of the steps', async () => {
    const late = deferred<string>();
    const result = allInOrder([late.promise, Promise.resolve(2)]);
    late.resolve('one');
    assert.deepEqual(await result, ['one', 2]);
  });

  it('reports the failure of the first step in order, not the one that failed first in time', async () => {
    const first = deferred<never>();
    const second = deferred<never>();
    const result = allInOrder([first.promise, second.promise]);
    second.reject(new Error('second'));
    await Promise.resolve();
    first.reject(new Error('first'));
    await assert.rejects(result, /first/);
  });

  it('fails only once every step has settled: nothing is still running when the caller cleans up', async () => {
    const slow = deferred<void>();
    let slowDone = false;
    const result = allInOrder([Promise.reject(new Error('fast failure')), slow.promise.then(() => (slowDone = true))]);
    let settled = false;
    void result.catch(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    assert.equal(settled, false, 'still waiting for the slow step');
    slow.resolve();
    await assert.rejects(result, /fast failure/);
    assert.equal(slowDone, true);
  });
});
