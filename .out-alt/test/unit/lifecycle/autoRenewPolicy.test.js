"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const autoRenewPolicy_1 = require("../../../src/lifecycle/autoRenewPolicy");
const DAY = 86_400_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = new Date('2025-01-01T00:00:00Z');
/** A 90-day certificate issued at `start`; renewal is due on day 60 with the default 1/3 threshold. */
function cert(overrides = {}) {
    return {
        name: 'app',
        notBefore: start,
        notAfter: new Date(start.getTime() + 90 * DAY),
        hasConnection: true,
        revoked: false,
        failureCount: 0,
        ...overrides,
    };
}
const at = (days) => new Date(start.getTime() + days * DAY);
const noJitter = { random: () => 0 };
(0, node_test_1.test)('renewal is due when a third of the validity period is left', () => {
    strict_1.default.equal((0, autoRenewPolicy_1.renewalDueAt)(cert()).toISOString(), at(60).toISOString());
    strict_1.default.equal((0, autoRenewPolicy_1.renewalDueAt)(cert(), 0.5).toISOString(), at(45).toISOString());
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], new Date(at(60).getTime() - 1), noJitter).due, undefined);
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], at(60), noJitter).due?.name, 'app');
});
(0, node_test_1.test)('a custom threshold fraction moves the due time', () => {
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], at(50), { ...noJitter, thresholdFraction: 0.5 }).due?.name, 'app');
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], at(50), noJitter).due, undefined);
    strict_1.default.throws(() => (0, autoRenewPolicy_1.planAutoRenew)([cert()], at(50), { thresholdFraction: 1 }), RangeError);
});
(0, node_test_1.test)('never due when revoked, expired, not yet valid or without a connection', () => {
    const now = at(80);
    strict_1.default.equal((0, autoRenewPolicy_1.ineligibleReason)(cert({ revoked: true }), now), 'revoked');
    strict_1.default.equal((0, autoRenewPolicy_1.ineligibleReason)(cert(), at(90)), 'expired');
    strict_1.default.equal((0, autoRenewPolicy_1.ineligibleReason)(cert({ notBefore: at(81) }), now), 'not-yet-valid');
    strict_1.default.equal((0, autoRenewPolicy_1.ineligibleReason)(cert({ hasConnection: false }), now), 'no-connection');
    strict_1.default.equal((0, autoRenewPolicy_1.ineligibleReason)(cert({ notAfter: start }), now), 'invalid-validity');
    strict_1.default.equal((0, autoRenewPolicy_1.ineligibleReason)(cert(), now), undefined);
    const plan = (0, autoRenewPolicy_1.planAutoRenew)([cert({ revoked: true }), cert({ hasConnection: false }), cert({ notAfter: at(79) }), cert({ notBefore: at(81), notAfter: at(200) })], now, noJitter);
    strict_1.default.equal(plan.due, undefined);
    // Nothing eligible: sleep the maximum interval instead of waking up for certificates we can't renew.
    strict_1.default.equal(plan.nextCheckMs, 6 * HOUR);
});
(0, node_test_1.test)('the most urgent due certificate is renewed first', () => {
    const late = cert({ name: 'late', notAfter: at(100) });
    const soon = cert({ name: 'soon', notAfter: at(85) });
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([late, soon], at(84), noJitter).due?.name, 'soon');
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([soon, late], at(84), noJitter).due?.name, 'soon');
});
(0, node_test_1.test)('next check is the time until the earliest due certificate, clamped', () => {
    // Due on day 60; from day 59.9 that's 0.1 day = 144 minutes, within [1 min, 6 h].
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], new Date(at(60).getTime() - 144 * MINUTE), noJitter).nextCheckMs, 144 * MINUTE);
    // Far away: capped at 6 hours (timers beyond 2^31 ms would fire immediately).
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], at(1), noJitter).nextCheckMs, 6 * HOUR);
    // Seconds away: at least one minute, so a clock skew can't spin the scheduler.
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], new Date(at(60).getTime() - 5_000), noJitter).nextCheckMs, MINUTE);
    // Something due now: re-plan after the minimum interval.
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], at(61), noJitter).nextCheckMs, MINUTE);
});
(0, node_test_1.test)('jitter only delays the next check, by at most the jitter fraction', () => {
    const now = new Date(at(60).getTime() - 144 * MINUTE);
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], now, { random: () => 0.5 }).nextCheckMs, 144 * MINUTE + Math.floor(144 * MINUTE * 0.05));
    const maxJitter = (0, autoRenewPolicy_1.planAutoRenew)([cert()], now, { random: () => 0.999999, jitterFraction: 0.2 }).nextCheckMs;
    strict_1.default.ok(maxJitter > 144 * MINUTE * 1.19 && maxJitter < 144 * MINUTE * 1.2, String(maxJitter));
    // The due decision itself does not depend on the random source.
    for (const r of [0, 0.3, 0.99])
        strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([cert()], at(60), { random: () => r }).due?.name, 'app');
});
(0, node_test_1.test)('backoff doubles per failure and is capped', () => {
    strict_1.default.equal((0, autoRenewPolicy_1.backoffDelayMs)(0), 0);
    strict_1.default.equal((0, autoRenewPolicy_1.backoffDelayMs)(1, 1000, 60_000), 1000);
    strict_1.default.equal((0, autoRenewPolicy_1.backoffDelayMs)(2, 1000, 60_000), 2000);
    strict_1.default.equal((0, autoRenewPolicy_1.backoffDelayMs)(5, 1000, 60_000), 16_000);
    strict_1.default.equal((0, autoRenewPolicy_1.backoffDelayMs)(7, 1000, 60_000), 60_000);
    strict_1.default.equal((0, autoRenewPolicy_1.backoffDelayMs)(10_000, 1000, 60_000), 60_000);
    strict_1.default.equal((0, autoRenewPolicy_1.backoffDelayMs)(1), 5 * MINUTE);
    strict_1.default.equal((0, autoRenewPolicy_1.backoffDelayMs)(20), 6 * HOUR);
});
(0, node_test_1.test)('a failed certificate waits for its backoff before it is due again', () => {
    const failedAt = at(61);
    const failing = cert({ failureCount: 3, lastFailure: failedAt }); // 3 failures → 4 × 5 min = 20 min
    strict_1.default.equal((0, autoRenewPolicy_1.nextAttemptAt)(failing).getTime(), failedAt.getTime() + 20 * MINUTE);
    const before = (0, autoRenewPolicy_1.planAutoRenew)([failing], new Date(failedAt.getTime() + 19 * MINUTE), noJitter);
    strict_1.default.equal(before.due, undefined);
    strict_1.default.equal(before.nextCheckMs, MINUTE);
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([failing], new Date(failedAt.getTime() + 20 * MINUTE), noJitter).due?.name, 'app');
    // A healthy certificate is not held back by a failing one.
    const healthy = cert({ name: 'healthy', notAfter: at(91) }); // due on day 60.67, expires after the failing one
    strict_1.default.equal((0, autoRenewPolicy_1.planAutoRenew)([failing, healthy], new Date(failedAt.getTime() + MINUTE), noJitter).due?.name, 'healthy');
});
(0, node_test_1.test)('a persistent notice is asked for after three consecutive failures', () => {
    strict_1.default.equal((0, autoRenewPolicy_1.needsPersistentNotice)(2), false);
    strict_1.default.equal((0, autoRenewPolicy_1.needsPersistentNotice)(3), true);
    strict_1.default.equal((0, autoRenewPolicy_1.needsPersistentNotice)(1, 1), true);
    const two = cert({ name: 'two', failureCount: 2, lastFailure: at(61) });
    const three = cert({ name: 'three', failureCount: 3, lastFailure: at(61) });
    const revoked = cert({ name: 'revoked', failureCount: 5, lastFailure: at(61), revoked: true });
    strict_1.default.deepEqual((0, autoRenewPolicy_1.planAutoRenew)([two, three, revoked], at(62), noJitter).notices.map((c) => c.name), ['three']);
    strict_1.default.deepEqual((0, autoRenewPolicy_1.planAutoRenew)([two], at(62), { ...noJitter, noticeAfterFailures: 2 }).notices.map((c) => c.name), ['two']);
});
//# sourceMappingURL=autoRenewPolicy.test.js.map