"use strict";
/** Sample statistics and the plain-text table the bench prints. Ratios, not absolute numbers, are the result. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.summarize = summarize;
exports.ratio = ratio;
exports.describeRatio = describeRatio;
exports.ms = ms;
exports.formatTable = formatTable;
exports.interleave = interleave;
/** Median and p90 (nearest rank) of a non-empty sample. */
function summarize(samples) {
    if (samples.length === 0)
        throw new Error('summarize: no samples');
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { n: sorted.length, median, p90: rank(0.9), min: sorted[0], max: sorted[sorted.length - 1] };
}
/** `ours / baseline` of the medians: below 1 means ours is faster. */
function ratio(ours, baseline) {
    return ours.median / baseline.median;
}
/** "0.42× (2.4× faster)" or "1.80× (1.8× slower)". */
function describeRatio(r) {
    if (!Number.isFinite(r) || r <= 0)
        return 'n/a';
    const verdict = r < 1 ? `${(1 / r).toFixed(1)}× faster` : `${r.toFixed(1)}× slower`;
    return `${r.toFixed(2)}× (${verdict})`;
}
/** Milliseconds with a sensible number of digits. */
function ms(value) {
    if (value >= 100)
        return `${value.toFixed(0)} ms`;
    if (value >= 10)
        return `${value.toFixed(1)} ms`;
    return `${value.toFixed(2)} ms`;
}
/** A left-aligned text table; the first row is the header. */
function formatTable(rows) {
    const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
    const line = (r) => `| ${r.map((cell, col) => cell.padEnd(widths[col])).join(' | ')} |`;
    return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
/**
 * Runs the named contenders in rounds, rotating the order every round so that drift (thermal, page cache,
 * other processes on a 2-core machine) and "who goes first" effects fall on every side alike.
 * `warmup` rounds run the same way but are not recorded. Once `budgetMs` has passed and at least `minRounds`
 * rounds are recorded, no new round starts (a loaded machine must not stretch the bench without bound).
 */
async function interleave(contenders, options) {
    const { rounds, warmup, budgetMs = Infinity, minRounds = 3 } = options;
    const samples = Object.fromEntries(contenders.map((c) => [c.name, []]));
    const started = Date.now();
    let recorded = 0;
    for (let round = 0; round < warmup + rounds; round++) {
        if (recorded >= minRounds && Date.now() - started > budgetMs)
            return { samples, rounds: recorded, stoppedByBudget: true };
        for (let i = 0; i < contenders.length; i++) {
            const contender = contenders[(round + i) % contenders.length];
            const elapsed = await contender.run(round);
            if (round >= warmup)
                samples[contender.name].push(elapsed);
        }
        if (round >= warmup)
            recorded++;
    }
    return { samples, rounds: recorded, stoppedByBudget: false };
}
//# sourceMappingURL=stats.js.map