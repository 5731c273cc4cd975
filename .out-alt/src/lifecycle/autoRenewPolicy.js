"use strict";
/**
 * When to renew automatically: a pure schedule over certificate validity, remembered connections and past
 * failures. No timers, no I/O — the editor's auto-renew feature feeds it a snapshot and sets one timer.
 *
 * Decisions are deterministic for a given snapshot and clock; randomness (jitter) only delays the next
 * check, so a certificate that is due stays due however often the plan is recomputed.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_AUTO_RENEW_POLICY = void 0;
exports.renewalDueAt = renewalDueAt;
exports.backoffDelayMs = backoffDelayMs;
exports.needsPersistentNotice = needsPersistentNotice;
exports.ineligibleReason = ineligibleReason;
exports.nextAttemptAt = nextAttemptAt;
exports.planAutoRenew = planAutoRenew;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
exports.DEFAULT_AUTO_RENEW_POLICY = Object.freeze({
    thresholdFraction: 1 / 3,
    backoffBaseMs: 5 * MINUTE_MS,
    backoffMaxMs: 6 * HOUR_MS,
    minCheckIntervalMs: MINUTE_MS,
    maxCheckIntervalMs: 6 * HOUR_MS,
    jitterFraction: 0.1,
    noticeAfterFailures: 3,
});
function resolve(options) {
    const resolved = { ...exports.DEFAULT_AUTO_RENEW_POLICY, random: Math.random };
    for (const [name, value] of Object.entries(options)) {
        if (value !== undefined)
            resolved[name] = value;
    }
    if (!(resolved.thresholdFraction > 0 && resolved.thresholdFraction < 1)) {
        throw new RangeError(`thresholdFraction must be in (0, 1), got ${resolved.thresholdFraction}`);
    }
    return resolved;
}
/** The moment renewal becomes due: when `thresholdFraction` of the validity period is left. */
function renewalDueAt(candidate, thresholdFraction = 1 / 3) {
    const lifetime = candidate.notAfter.getTime() - candidate.notBefore.getTime();
    return new Date(candidate.notAfter.getTime() - lifetime * thresholdFraction);
}
/**
 * Delay before the next attempt after `failureCount` consecutive failures: base, 2·base, 4·base, … capped at max.
 * 0 failures → 0.
 */
function backoffDelayMs(failureCount, backoffBaseMs = exports.DEFAULT_AUTO_RENEW_POLICY.backoffBaseMs, backoffMaxMs = exports.DEFAULT_AUTO_RENEW_POLICY.backoffMaxMs) {
    if (failureCount <= 0)
        return 0;
    // Clamp the exponent before Math.pow so a huge count can't overflow to Infinity·0 = NaN.
    const exponent = Math.min(failureCount - 1, 52);
    return Math.min(backoffMaxMs, backoffBaseMs * 2 ** exponent);
}
/** Whether a failure streak is long enough that a dismissible toast is no longer enough. */
function needsPersistentNotice(failureCount, noticeAfterFailures = exports.DEFAULT_AUTO_RENEW_POLICY.noticeAfterFailures) {
    return failureCount >= noticeAfterFailures;
}
/** Why `candidate` can't be renewed automatically at `now`, or undefined if it can (now or later). */
function ineligibleReason(candidate, now) {
    const start = candidate.notBefore.getTime();
    const end = candidate.notAfter.getTime();
    if (!(Number.isFinite(start) && Number.isFinite(end) && end > start))
        return 'invalid-validity';
    if (candidate.revoked)
        return 'revoked';
    // The gateway rejects an expired client certificate in the TLS handshake: renewal can't work.
    if (now.getTime() >= end)
        return 'expired';
    if (now.getTime() < start)
        return 'not-yet-valid';
    if (!candidate.hasConnection)
        return 'no-connection';
    return undefined;
}
/** The earliest moment an eligible candidate may be attempted: due time, pushed back by failure backoff. */
function nextAttemptAt(candidate, options = {}) {
    const o = resolve(options);
    const dueAt = renewalDueAt(candidate, o.thresholdFraction).getTime();
    if (candidate.failureCount <= 0 || candidate.lastFailure === undefined)
        return new Date(dueAt);
    const retryAt = candidate.lastFailure.getTime() + backoffDelayMs(candidate.failureCount, o.backoffBaseMs, o.backoffMaxMs);
    return new Date(Math.max(dueAt, retryAt));
}
/**
 * Decide what to do now: which certificate (if any) to renew, when to look again, and which failure streaks
 * need a persistent notice. Ineligible candidates (revoked, expired, not yet valid, no connection) are never due
 * and never wake the scheduler.
 */
function planAutoRenew(candidates, now, options = {}) {
    const o = resolve(options);
    const nowMs = now.getTime();
    let due;
    let earliestFutureAttempt = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        if (ineligibleReason(candidate, now) !== undefined)
            continue;
        const attemptAt = nextAttemptAt(candidate, o).getTime();
        if (attemptAt <= nowMs) {
            // Most urgent first: renewing one at a time keeps network use and lock contention low.
            if (due === undefined || candidate.notAfter.getTime() < due.notAfter.getTime())
                due = candidate;
        }
        else {
            earliestFutureAttempt = Math.min(earliestFutureAttempt, attemptAt);
        }
    }
    // If something is due now, the caller renews it and re-plans; the check after that is the minimum interval.
    const untilNext = due !== undefined ? o.minCheckIntervalMs : earliestFutureAttempt - nowMs;
    const clamped = Math.min(o.maxCheckIntervalMs, Math.max(o.minCheckIntervalMs, untilNext));
    // Jitter only ever delays, so when the timer fires the candidate it was set for is already due.
    const jittered = clamped + Math.floor(clamped * o.jitterFraction * o.random());
    const notices = candidates.filter((c) => !c.revoked && needsPersistentNotice(c.failureCount, o.noticeAfterFailures));
    return { due, nextCheckMs: jittered, notices };
}
//# sourceMappingURL=autoRenewPolicy.js.map