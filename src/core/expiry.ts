/**
 * The expiry model shared by the status bar, diagnostics, tree view, CLI and auto-renew.
 */

export type ExpiryState = 'valid' | 'expiring' | 'critical' | 'expired' | 'not-yet-valid';
export type ExpirySeverity = 'ok' | 'warning' | 'error';

export interface ExpiryThresholds {
  /** Warn when at most this many whole days are left. */
  warnDays: number;
  /** Warn when at most this fraction of the whole validity period is left (short-lived certificates). */
  warnFraction: number;
  /** Error when at most this many whole days are left. */
  errorDays: number;
}

export const DEFAULT_THRESHOLDS: Readonly<ExpiryThresholds> = Object.freeze({ warnDays: 30, warnFraction: 1 / 3, errorDays: 7 });

export interface ExpiryAssessment {
  state: ExpiryState;
  severity: ExpirySeverity;
  /** floor(msLeft / 1 day); negative once expired. */
  daysLeft: number;
  /** notAfter − now in milliseconds; negative once expired. */
  msLeft: number;
  /** Share of the validity period still ahead, clamped to [0, 1] (1 before notBefore). */
  fractionLeft: number;
}

export const MS_PER_DAY = 86_400_000;

/**
 * Classifies a validity period at `now`. Precedence: not-yet-valid (now < notBefore), expired (now ≥ notAfter),
 * critical (daysLeft ≤ errorDays), expiring (daysLeft ≤ warnDays or fractionLeft ≤ warnFraction), else valid.
 */
export function assessExpiry(validity: { notBefore: Date; notAfter: Date }, now: Date, thresholds: ExpiryThresholds = DEFAULT_THRESHOLDS): ExpiryAssessment {
  const start = validity.notBefore.getTime();
  const end = validity.notAfter.getTime();
  const t = now.getTime();
  const msLeft = end - t;
  const daysLeft = Math.floor(msLeft / MS_PER_DAY);
  const total = end - start;
  const fractionLeft = total > 0 ? Math.min(1, Math.max(0, msLeft / total)) : 0;
  const result = (state: ExpiryState, severity: ExpirySeverity): ExpiryAssessment => ({
    state,
    severity,
    daysLeft,
    msLeft,
    fractionLeft,
  });
  if (t < start) return result('not-yet-valid', 'error');
  if (t >= end) return result('expired', 'error');
  if (daysLeft <= thresholds.errorDays) return result('critical', 'error');
  if (daysLeft <= thresholds.warnDays || fractionLeft <= thresholds.warnFraction) return result('expiring', 'warning');
  return result('valid', 'ok');
}

/** Human wording for a state, e.g. "expires in 12 days", "expired 3 days ago". */
export function describeExpiry(assessment: ExpiryAssessment): string {
  const { state, daysLeft } = assessment;
  const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
  switch (state) {
    case 'not-yet-valid':
      return 'not valid yet';
    case 'expired': {
      const ago = Math.floor(-assessment.msLeft / MS_PER_DAY);
      return ago === 0 ? 'expired today' : `expired ${days(ago)} ago`;
    }
    default:
      return daysLeft === 0 ? 'expires today' : `expires in ${days(daysLeft)}`;
  }
}
