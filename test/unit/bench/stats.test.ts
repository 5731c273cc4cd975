import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRatio, formatTable, interleave, ratio, summarize } from '../../../bench/stats';

test('summarize gives median (odd and even sizes) and nearest-rank p90', () => {
  assert.deepEqual(summarize([5, 1, 3]), { n: 3, median: 3, p90: 5, min: 1, max: 5 });
  const ten = summarize([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  assert.equal(ten.median, 5.5);
  assert.equal(ten.p90, 9);
  assert.throws(() => summarize([]), /no samples/);
});

test('ratio compares medians and describeRatio says which side is faster', () => {
  assert.equal(ratio(summarize([50]), summarize([100])), 0.5);
  assert.equal(describeRatio(0.5), '0.50× (2.0× faster)');
  assert.equal(describeRatio(3), '3.00× (3.0× slower)');
  assert.equal(describeRatio(Number.NaN), 'n/a');
});

test('interleave rotates who goes first, drops warm-up rounds and records every contender each round', async () => {
  const order: string[] = [];
  const contender = (name: string) => ({
    name,
    run: async (round: number) => {
      order.push(`${round}${name}`);
      return round;
    },
  });
  const { samples, rounds, stoppedByBudget } = await interleave([contender('a'), contender('b'), contender('c')], { rounds: 3, warmup: 1 });
  assert.deepEqual(order, ['0a', '0b', '0c', '1b', '1c', '1a', '2c', '2a', '2b', '3a', '3b', '3c']);
  assert.deepEqual(samples, { a: [1, 2, 3], b: [1, 2, 3], c: [1, 2, 3] });
  assert.equal(rounds, 3);
  assert.equal(stoppedByBudget, false);
});

test('interleave stops starting rounds once the budget is spent, but not before minRounds', async () => {
  const { samples, rounds, stoppedByBudget } = await interleave([{ name: 'x', run: async () => 1 }], {
    rounds: 50,
    warmup: 0,
    budgetMs: -1,
    minRounds: 2,
  });
  assert.equal(rounds, 2);
  assert.equal(samples.x.length, 2);
  assert.equal(stoppedByBudget, true);
});

test('formatTable pads every column to its widest cell', () => {
  assert.equal(
    formatTable([
      ['a', 'bb'],
      ['ccc', 'd'],
    ]),
    '| a   | bb |\n|-----|----|\n| ccc | d  |',
  );
});
