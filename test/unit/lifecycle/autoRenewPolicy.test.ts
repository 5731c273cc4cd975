import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AutoRenewCandidate,
  backoffDelayMs,
  ineligibleReason,
  needsPersistentNotice,
  nextAttemptAt,
  planAutoRenew,
  renewalDueAt,
} from '../../../src/lifecycle/autoRenewPolicy';

const DAY = 86_400_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = new Date('2025-01-01T00:00:00Z');

/** A 90-day certificate issued at `start`; renewal is due on day 60 with the default 1/3 threshold. */
function cert(overrides: Partial<AutoRenewCandidate> & { name?: string } = {}): AutoRenewCandidate & { name: string } {
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
const at = (days: number): Date => new Date(start.getTime() + days * DAY);
const noJitter = { random: () => 0 };

test('renewal is due when a third of the validity period is left', () => {
  assert.equal(renewalDueAt(cert()).toISOString(), at(60).toISOString());
  assert.equal(renewalDueAt(cert(), 0.5).toISOString(), at(45).toISOString());
  assert.equal(planAutoRenew([cert()], new Date(at(60).getTime() - 1), noJitter).due, undefined);
  assert.equal(planAutoRenew([cert()], at(60), noJitter).due?.name, 'app');
});

test('a custom threshold fraction moves the due time', () => {
  assert.equal(planAutoRenew([cert()], at(50), { ...noJitter, thresholdFraction: 0.5 }).due?.name, 'app');
  assert.equal(planAutoRenew([cert()], at(50), noJitter).due, undefined);
  assert.throws(() => planAutoRenew([cert()], at(50), { thresholdFraction: 1 }), RangeError);
});

test('never due when revoked, expired, not yet valid or without a connection', () => {
  const now = at(80);
  assert.equal(ineligibleReason(cert({ revoked: true }), now), 'revoked');
  assert.equal(ineligibleReason(cert(), at(90)), 'expired');
  assert.equal(ineligibleReason(cert({ notBefore: at(81) }), now), 'not-yet-valid');
  assert.equal(ineligibleReason(cert({ hasConnection: false }), now), 'no-connection');
  assert.equal(ineligibleReason(cert({ notAfter: start }), now), 'invalid-validity');
  assert.equal(ineligibleReason(cert(), now), undefined);
  const plan = planAutoRenew(
    [cert({ revoked: true }), cert({ hasConnection: false }), cert({ notAfter: at(79) }), cert({ notBefore: at(81), notAfter: at(200) })],
    now,
    noJitter,
  );
  assert.equal(plan.due, undefined);
  // Nothing eligible: sleep the maximum interval instead of waking up for certificates we can't renew.
  assert.equal(plan.nextCheckMs, 6 * HOUR);
});

test('the most urgent due certificate is renewed first', () => {
  const late = cert({ name: 'late', notAfter: at(100) });
  const soon = cert({ name: 'soon', notAfter: at(85) });
  assert.equal(planAutoRenew([late, soon], at(84), noJitter).due?.name, 'soon');
  assert.equal(planAutoRenew([soon, late], at(84), noJitter).due?.name, 'soon');
});

test('next check is the time until the earliest due certificate, clamped', () => {
  // Due on day 60; from day 59.9 that's 0.1 day = 144 minutes, within [1 min, 6 h].
  assert.equal(planAutoRenew([cert()], new Date(at(60).getTime() - 144 * MINUTE), noJitter).nextCheckMs, 144 * MINUTE);
  // Far away: capped at 6 hours (timers beyond 2^31 ms would fire immediately).
  assert.equal(planAutoRenew([cert()], at(1), noJitter).nextCheckMs, 6 * HOUR);
  // Seconds away: at least one minute, so a clock skew can't spin the scheduler.
  assert.equal(planAutoRenew([cert()], new Date(at(60).getTime() - 5_000), noJitter).nextCheckMs, MINUTE);
  // Something due now: re-plan after the minimum interval.
  assert.equal(planAutoRenew([cert()], at(61), noJitter).nextCheckMs, MINUTE);
});

test('jitter only delays the next check, by at most the jitter fraction', () => {
  const now = new Date(at(60).getTime() - 144 * MINUTE);
  assert.equal(planAutoRenew([cert()], now, { random: () => 0.5 }).nextCheckMs, 144 * MINUTE + Math.floor(144 * MINUTE * 0.05));
  const maxJitter = planAutoRenew([cert()], now, { random: () => 0.999999, jitterFraction: 0.2 }).nextCheckMs;
  assert.ok(maxJitter > 144 * MINUTE * 1.19 && maxJitter < 144 * MINUTE * 1.2, String(maxJitter));
  // The due decision itself does not depend on the random source.
  for (const r of [0, 0.3, 0.99]) assert.equal(planAutoRenew([cert()], at(60), { random: () => r }).due?.name, 'app');
});

test('backoff doubles per failure and is capped', () => {
  assert.equal(backoffDelayMs(0), 0);
  assert.equal(backoffDelayMs(1, 1000, 60_000), 1000);
  assert.equal(backoffDelayMs(2, 1000, 60_000), 2000);
  assert.equal(backoffDelayMs(5, 1000, 60_000), 16_000);
  assert.equal(backoffDelayMs(7, 1000, 60_000), 60_000);
  assert.equal(backoffDelayMs(10_000, 1000, 60_000), 60_000);
  assert.equal(backoffDelayMs(1), 5 * MINUTE);
  assert.equal(backoffDelayMs(20), 6 * HOUR);
});

test('a failed certificate waits for its backoff before it is due again', () => {
  const failedAt = at(61);
  const failing = cert({ failureCount: 3, lastFailure: failedAt }); // 3 failures → 4 × 5 min = 20 min
  assert.equal(nextAttemptAt(failing).getTime(), failedAt.getTime() + 20 * MINUTE);
  const before = planAutoRenew([failing], new Date(failedAt.getTime() + 19 * MINUTE), noJitter);
  assert.equal(before.due, undefined);
  assert.equal(before.nextCheckMs, MINUTE);
  assert.equal(planAutoRenew([failing], new Date(failedAt.getTime() + 20 * MINUTE), noJitter).due?.name, 'app');
  // A healthy certificate is not held back by a failing one.
  const healthy = cert({ name: 'healthy', notAfter: at(91) }); // due on day 60.67, expires after the failing one
  assert.equal(planAutoRenew([failing, healthy], new Date(failedAt.getTime() + MINUTE), noJitter).due?.name, 'healthy');
});

test('a persistent notice is asked for after three consecutive failures', () => {
  assert.equal(needsPersistentNotice(2), false);
  assert.equal(needsPersistentNotice(3), true);
  assert.equal(needsPersistentNotice(1, 1), true);
  const two = cert({ name: 'two', failureCount: 2, lastFailure: at(61) });
  const three = cert({ name: 'three', failureCount: 3, lastFailure: at(61) });
  const revoked = cert({ name: 'revoked', failureCount: 5, lastFailure: at(61), revoked: true });
  assert.deepEqual(
    planAutoRenew([two, three, revoked], at(62), noJitter).notices.map((c) => c.name),
    ['three'],
  );
  assert.deepEqual(
    planAutoRenew([two], at(62), { ...noJitter, noticeAfterFailures: 2 }).notices.map((c) => c.name),
    ['two'],
  );
});
