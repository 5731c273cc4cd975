"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const stats_1 = require("../../../bench/stats");
(0, node_test_1.test)('summarize gives median (odd and even sizes) and nearest-rank p90', () => {
    strict_1.default.deepEqual((0, stats_1.summarize)([5, 1, 3]), { n: 3, median: 3, p90: 5, min: 1, max: 5 });
    const ten = (0, stats_1.summarize)([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    strict_1.default.equal(ten.median, 5.5);
    strict_1.default.equal(ten.p90, 9);
    strict_1.default.throws(() => (0, stats_1.summarize)([]), /no samples/);
});
(0, node_test_1.test)('ratio compares medians and describeRatio says which side is faster', () => {
    strict_1.default.equal((0, stats_1.ratio)((0, stats_1.summarize)([50]), (0, stats_1.summarize)([100])), 0.5);
    strict_1.default.equal((0, stats_1.describeRatio)(0.5), '0.50× (2.0× faster)');
    strict_1.default.equal((0, stats_1.describeRatio)(3), '3.00× (3.0× slower)');
    strict_1.default.equal((0, stats_1.describeRatio)(Number.NaN), 'n/a');
});
(0, node_test_1.test)('interleave rotates who goes first, drops warm-up rounds and records every contender each round', async () => {
    const order = [];
    const contender = (name) => ({
        name,
        run: async (round) => {
            order.push(`${round}${name}`);
            return round;
        },
    });
    const { samples, rounds, stoppedByBudget } = await (0, stats_1.interleave)([contender('a'), contender('b'), contender('c')], { rounds: 3, warmup: 1 });
    strict_1.default.deepEqual(order, ['0a', '0b', '0c', '1b', '1c', '1a', '2c', '2a', '2b', '3a', '3b', '3c']);
    strict_1.default.deepEqual(samples, { a: [1, 2, 3], b: [1, 2, 3], c: [1, 2, 3] });
    strict_1.default.equal(rounds, 3);
    strict_1.default.equal(stoppedByBudget, false);
});
(0, node_test_1.test)('interleave stops starting rounds once the budget is spent, but not before minRounds', async () => {
    const { samples, rounds, stoppedByBudget } = await (0, stats_1.interleave)([{ name: 'x', run: async () => 1 }], {
        rounds: 50,
        warmup: 0,
        budgetMs: -1,
        minRounds: 2,
    });
    strict_1.default.equal(rounds, 2);
    strict_1.default.equal(samples.x.length, 2);
    strict_1.default.equal(stoppedByBudget, true);
});
(0, node_test_1.test)('formatTable pads every column to its widest cell', () => {
    strict_1.default.equal((0, stats_1.formatTable)([['a', 'bb'], ['ccc', 'd']]), '| a   | bb |\n|-----|----|\n| ccc | d  |');
});
//# sourceMappingURL=stats.test.js.map