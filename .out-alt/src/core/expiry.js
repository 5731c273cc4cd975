"use strict";
/**
 * The expiry model shared by the status bar, diagnostics, tree view, CLI and auto-renew.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.MS_PER_DAY = exports.DEFAULT_THRESHOLDS = void 0;
exports.assessExpiry = assessExpiry;
exports.describeExpiry = describeExpiry;
exports.DEFAULT_THRESHOLDS = Object.freeze({ warnDays: 30, warnFraction: 1 / 3, errorDays: 7 });
exports.MS_PER_DAY = 86_400_000;
/**
 * Classifies a validity period at `now`. Precedence: not-yet-valid (now < notBefore), expired (now ≥ notAfter),
 * critical (daysLeft ≤ errorDays), expiring (daysLeft ≤ warnDays or fractionLeft ≤ warnFraction), else valid.
 */
function assessExpiry(validity, now, thresholds = exports.DEFAULT_THRESHOLDS) {
    const start = validity.notBefore.getTime();
    const end = validity.notAfter.getTime();
    const t = now.getTime();
    const msLeft = end - t;
    const daysLeft = Math.floor(msLeft / exports.MS_PER_DAY);
    const total = end - start;
    const fractionLeft = total > 0 ? Math.min(1, Math.max(0, msLeft / total)) : 0;
    const result = (state, severity) => ({
        state,
        severity,
        daysLeft,
        msLeft,
        fractionLeft,
    });
    if (t < start)
        return result('not-yet-valid', 'error');
    if (t >= end)
        return result('expired', 'error');
    if (daysLeft <= thresholds.errorDays)
        return result('critical', 'error');
    if (daysLeft <= thresholds.warnDays || fractionLeft <= thresholds.warnFraction)
        return result('expiring', 'warning');
    return result('valid', 'ok');
}
/** Human wording for a state, e.g. "expires in 12 days", "expired 3 days ago". */
function describeExpiry(assessment) {
    const { state, daysLeft } = assessment;
    const days = (n) => `${n} day${n === 1 ? '' : 's'}`;
    switch (state) {
        case 'not-yet-valid':
            return 'not valid yet';
        case 'expired': {
            const ago = Math.floor(-assessment.msLeft / exports.MS_PER_DAY);
            return ago === 0 ? 'expired today' : `expired ${days(ago)} ago`;
        }
        default:
            return daysLeft === 0 ? 'expires today' : `expires in ${days(daysLeft)}`;
    }
}
//# sourceMappingURL=expiry.js.map