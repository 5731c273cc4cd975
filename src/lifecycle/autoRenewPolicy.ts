/**
 * When to renew automatically: a pure schedule over certificate validity, remembered connections and past
 * failures. No timers, no I/O — the editor's auto-renew feature feeds it a snapshot and sets one timer.
 *
 * Decisions are deterministic for a given snapshot and clock; randomness (jitter) only delays the next
 * check, so a certificate that is due stays due however often the plan is recomputed.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** What the policy needs to know about one certificate. The caller may pass richer objects. */
export interface AutoRenewCandidate {
  notBefore: Date;
  notAfter: Date;
  /** A remembered connection (renewal URL) exists; without it renewal would need to ask the user. */
  hasConnection: boolean;
  /** Revoked certificates can't be renewed (the service answers 403); only a new token helps. */
  revoked: boolean;
  /** When the last automatic attempt failed, if the current streak has any failures. */
  lastFailure?: Date;
  /** Consecutive failed attempts since the last success (0 when healthy). */
  failureCount: number;
}

export interface AutoRenewPolicyOptions {
  /** Renew once at most this fraction of the validity period is left. Default 1/3. */
  thresholdFraction?: number;
  /** Uniform random in [0, 1); injected so tests are deterministic. Default Math.random. */
  random?: () => number;
  /** First retry delay after a failure. Default 5 minutes. */
  backoffBaseMs?: number;
  /** Retry delays never exceed this. Default 6 hours. */
  backoffMaxMs?: number;
  /** Never schedule a check sooner than this (protects against hot loops). Default 1 minute. */
  minCheckIntervalMs?: number;
  /** Never sleep longer than this (clock changes, sleep/resume, setTimeout's 2^31 ms limit). Default 6 hours. */
  maxCheckIntervalMs?: number;
  /** Next-check delays grow by up to this fraction of themselves, so editors don't renew in lockstep. Default 0.1. */
  jitterFraction?: number;
  /** Consecutive failures after which the user gets a notice that stays until acted on. Default 3. */
  noticeAfterFailures?: number;
}

/** Why a candidate is not considered for automatic renewal; `undefined` when it is eligible. */
export type IneligibleReason = 'revoked' | 'expired' | 'not-yet-valid' | 'no-connection' | 'invalid-validity';

export interface AutoRenewPlan<T extends AutoRenewCandidate> {
  /** The certificate to renew now (the one that expires first), or undefined. */
  due: T | undefined;
  /** Milliseconds until the plan should be recomputed: clamped to [min, max] check interval, then jittered upwards. */
  nextCheckMs: number;
  /** Candidates whose failure streak deserves a persistent notice (revoked ones get their own message). */
  notices: T[];
}

type ResolvedOptions = Required<AutoRenewPolicyOptions>;

export const DEFAULT_AUTO_RENEW_POLICY: Readonly<Omit<ResolvedOptions, 'random'>> = Object.freeze({
  thresholdFraction: 1 / 3,
  backoffBaseMs: 5 * MINUTE_MS,
  backoffMaxMs: 6 * HOUR_MS,
  minCheckIntervalMs: MINUTE_MS,
  maxCheckIntervalMs: 6 * HOUR_MS,
  jitterFraction: 0.1,
  noticeAfterFailures: 3,
});

function resolve(options: AutoRenewPolicyOptions): ResolvedOptions {
  const resolved: ResolvedOptions = { ...DEFAULT_AUTO_RENEW_POLICY, random: Math.random };
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined) (resolved as unknown as Record<string, unknown>)[name] = value;
  }
  if (!(resolved.thresholdFraction > 0 && resolved.thresholdFraction < 1)) {
    throw new RangeError(`thresholdFraction must be in (0, 1), got ${resolved.thresholdFraction}`);
  }
  return resolved;
}

/** The moment renewal becomes due: when `thresholdFraction` of the validity period is left. */
export function renewalDueAt(candidate: Pick<AutoRenewCandidate, 'notBefore' | 'notAfter'>, thresholdFraction = 1 / 3): Date {
  const lifetime = candidate.notAfter.getTime() - candidate.notBefore.getTime();
  return new Date(candidate.notAfter.getTime() - lifetime * thresholdFraction);
}

/**
 * Delay before the next attempt after `failureCount` consecutive failures: base, 2·base, 4·base, … capped at max.
 * 0 failures → 0.
 */
export function backoffDelayMs(
  failureCount: number,
  backoffBaseMs = DEFAULT_AUTO_RENEW_POLICY.backoffBaseMs,
  backoffMaxMs = DEFAULT_AUTO_RENEW_POLICY.backoffMaxMs,
): number {
  if (failureCount <= 0) return 0;
  // Clamp the exponent before Math.pow so a huge count can't overflow to Infinity·0 = NaN.
  const exponent = Math.min(failureCount - 1, 52);
  return Math.min(backoffMaxMs, backoffBaseMs * 2 ** exponent);
}

/** Whether a failure streak is long enough that a dismissible toast is no longer enough. */
export function needsPersistentNotice(failureCount: number, noticeAfterFailures = DEFAULT_AUTO_RENEW_POLICY.noticeAfterFailures): boolean {
  return failureCount >= noticeAfterFailures;
}

/** Why `candidate` can't be renewed automatically at `now`, or undefined if it can (now or later). */
export function ineligibleReason(candidate: AutoRenewCandidate, now: Date): IneligibleReason | undefined {
  const start = candidate.notBefore.getTime();
  const end = candidate.notAfter.getTime();
  if (!(Number.isFinite(start) && Number.isFinite(end) && end > start)) return 'invalid-validity';
  if (candidate.revoked) return 'revoked';
  // The gateway rejects an expired client certificate in the TLS handshake: renewal can't work.
  if (now.getTime() >= end) return 'expired';
  if (now.getTime() < start) return 'not-yet-valid';
  if (!candidate.hasConnection) return 'no-connection';
  return undefined;
}

/** The earliest moment an eligible candidate may be attempted: due time, pushed back by failure backoff. */
export function nextAttemptAt(candidate: AutoRenewCandidate, options: AutoRenewPolicyOptions = {}): Date {
  const o = resolve(options);
  const dueAt = renewalDueAt(candidate, o.thresholdFraction).getTime();
  if (candidate.failureCount <= 0 || candidate.lastFailure === undefined) return new Date(dueAt);
  const retryAt = candidate.lastFailure.getTime() + backoffDelayMs(candidate.failureCount, o.backoffBaseMs, o.backoffMaxMs);
  return new Date(Math.max(dueAt, retryAt));
}

/**
 * Decide what to do now: which certificate (if any) to renew, when to look again, and which failure streaks
 * need a persistent notice. Ineligible candidates (revoked, expired, not yet valid, no connection) are never due
 * and never wake the scheduler.
 */
export function planAutoRenew<T extends AutoRenewCandidate>(candidates: readonly T[], now: Date, options: AutoRenewPolicyOptions = {}): AutoRenewPlan<T> {
  const o = resolve(options);
  const nowMs = now.getTime();
  let due: T | undefined;
  let earliestFutureAttempt = Number.POSITIVE_INFINITY;

  for (const candidate of candidates) {
    if (ineligibleReason(candidate, now) !== undefined) continue;
    const attemptAt = nextAttemptAt(candidate, o).getTime();
    if (attemptAt <= nowMs) {
      // Most urgent first: renewing one at a time keeps network use and lock contention low.
      if (due === undefined || candidate.notAfter.getTime() < due.notAfter.getTime()) due = candidate;
    } else {
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
