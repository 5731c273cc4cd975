"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const expiry_1 = require("../../../src/core/expiry");
const DAY = 86_400_000;
const start = new Date(Date.UTC(2025, 0, 1));
const at = (days) => new Date(start.getTime() + days * DAY);
const year = { notBefore: start, notAfter: at(365) };
(0, node_test_1.test)('valid: more than 30 days and more than a third left', () => {
    const a = (0, expiry_1.assessExpiry)(year, at(100));
    strict_1.default.deepEqual(a, { state: 'valid', severity: 'ok', daysLeft: 265, msLeft: 265 * DAY, fractionLeft: 265 / 365 });
});
(0, node_test_1.test)('expiring by days: exactly warnDays left is a warning, one ms more is not', () => {
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, at(335)).state, 'expiring');
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, at(335)).daysLeft, 30);
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, new Date(at(335).getTime() - 1)).daysLeft, 30); // floor
    const daysOnly = { ...expiry_1.DEFAULT_THRESHOLDS, warnFraction: 0 };
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, new Date(at(334).getTime() - 1), daysOnly).daysLeft, 31);
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, new Date(at(334).getTime() - 1), daysOnly).state, 'valid');
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, at(335), daysOnly).state, 'expiring');
});
(0, node_test_1.test)('expiring by fraction alone: a year certificate warns with 121 days (< 1/3) left', () => {
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, at(243)).state, 'valid'); // 122/365 > 1/3
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, at(244)).state, 'expiring'); // 121/365 < 1/3
});
(0, node_test_1.test)('expiring by fraction: a 30-day certificate warns once a third is left (day 20)', () => {
    const month = { notBefore: start, notAfter: at(30) };
    // 30 days total: daysLeft <= 30 from the start, so the fraction rule only matters with smaller warnDays
    const t = { ...expiry_1.DEFAULT_THRESHOLDS, warnDays: 5, errorDays: 1 };
    strict_1.default.equal((0, expiry_1.assessExpiry)(month, at(19), t).state, 'valid');
    strict_1.default.equal((0, expiry_1.assessExpiry)(month, at(20), t).state, 'expiring');
    strict_1.default.equal((0, expiry_1.assessExpiry)(month, at(20), t).severity, 'warning');
});
(0, node_test_1.test)('critical at errorDays and below', () => {
    const a = (0, expiry_1.assessExpiry)(year, at(358));
    strict_1.default.equal(a.daysLeft, 7);
    strict_1.default.equal(a.state, 'critical');
    strict_1.default.equal(a.severity, 'error');
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, new Date(at(365).getTime() - 1)).state, 'critical');
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, new Date(at(365).getTime() - 1)).daysLeft, 0);
});
(0, node_test_1.test)('expired at notAfter exactly and after; daysLeft negative', () => {
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, at(365)).state, 'expired');
    const later = (0, expiry_1.assessExpiry)(year, at(367.5));
    strict_1.default.equal(later.state, 'expired');
    strict_1.default.equal(later.severity, 'error');
    strict_1.default.equal(later.daysLeft, -3);
    strict_1.default.equal(later.fractionLeft, 0);
    strict_1.default.equal((0, expiry_1.describeExpiry)(later), 'expired 2 days ago');
});
(0, node_test_1.test)('not yet valid before notBefore', () => {
    const a = (0, expiry_1.assessExpiry)(year, at(-1));
    strict_1.default.equal(a.state, 'not-yet-valid');
    strict_1.default.equal(a.severity, 'error');
    strict_1.default.equal(a.fractionLeft, 1);
    strict_1.default.equal((0, expiry_1.assessExpiry)(year, start).state, 'valid');
});
(0, node_test_1.test)('describeExpiry wording', () => {
    strict_1.default.equal((0, expiry_1.describeExpiry)((0, expiry_1.assessExpiry)(year, at(364))), 'expires in 1 day');
    strict_1.default.equal((0, expiry_1.describeExpiry)((0, expiry_1.assessExpiry)(year, at(364.5))), 'expires today');
    strict_1.default.equal((0, expiry_1.describeExpiry)((0, expiry_1.assessExpiry)(year, at(-2))), 'not valid yet');
});
//# sourceMappingURL=expiry.test.js.map