import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_THRESHOLDS, assessExpiry, describeExpiry } from '../../../src/core/expiry';

const DAY = 86_400_000;
const start = new Date(Date.UTC(2025, 0, 1));
const at = (days: number) => new Date(start.getTime() + days * DAY);
const year = { notBefore: start, notAfter: at(365) };

test('valid: more than 30 days and more than a third left', () => {
  const a = assessExpiry(year, at(100));
  assert.deepEqual(a, { state: 'valid', severity: 'ok', daysLeft: 265, msLeft: 265 * DAY, fractionLeft: 265 / 365 });
});

test('expiring by days: exactly warnDays left is a warning, one ms more is not', () => {
  assert.equal(assessExpiry(year, at(335)).state, 'expiring');
  assert.equal(assessExpiry(year, at(335)).daysLeft, 30);
  assert.equal(assessExpiry(year, new Date(at(335).getTime() - 1)).daysLeft, 30); // floor
  const daysOnly = { ...DEFAULT_THRESHOLDS, warnFraction: 0 };
  assert.equal(assessExpiry(year, new Date(at(334).getTime() - 1), daysOnly).daysLeft, 31);
  assert.equal(assessExpiry(year, new Date(at(334).getTime() - 1), daysOnly).state, 'valid');
  assert.equal(assessExpiry(year, at(335), daysOnly).state, 'expiring');
});

test('expiring by fraction alone: a year certificate warns with 121 days (< 1/3) left', () => {
  assert.equal(assessExpiry(year, at(243)).state, 'valid'); // 122/365 > 1/3
  assert.equal(assessExpiry(year, at(244)).state, 'expiring'); // 121/365 < 1/3
});

test('expiring by fraction: a 30-day certificate warns once a third is left (day 20)', () => {
  const month = { notBefore: start, notAfter: at(30) };
  // 30 days total: daysLeft <= 30 from the start, so the fraction rule only matters with smaller warnDays
  const t = { ...DEFAULT_THRESHOLDS, warnDays: 5, errorDays: 1 };
  assert.equal(assessExpiry(month, at(19), t).state, 'valid');
  assert.equal(assessExpiry(month, at(20), t).state, 'expiring');
  assert.equal(assessExpiry(month, at(20), t).severity, 'warning');
});

test('critical at errorDays and below', () => {
  const a = assessExpiry(year, at(358));
  assert.equal(a.daysLeft, 7);
  assert.equal(a.state, 'critical');
  assert.equal(a.severity, 'error');
  assert.equal(assessExpiry(year, new Date(at(365).getTime() - 1)).state, 'critical');
  assert.equal(assessExpiry(year, new Date(at(365).getTime() - 1)).daysLeft, 0);
});

test('expired at notAfter exactly and after; daysLeft negative', () => {
  assert.equal(assessExpiry(year, at(365)).state, 'expired');
  const later = assessExpiry(year, at(367.5));
  assert.equal(later.state, 'expired');
  assert.equal(later.severity, 'error');
  assert.equal(later.daysLeft, -3);
  assert.equal(later.fractionLeft, 0);
  assert.equal(describeExpiry(later), 'expired 2 days ago');
});

test('not yet valid before notBefore', () => {
  const a = assessExpiry(year, at(-1));
  assert.equal(a.state, 'not-yet-valid');
  assert.equal(a.severity, 'error');
  assert.equal(a.fractionLeft, 1);
  assert.equal(assessExpiry(year, start).state, 'valid');
});

test('describeExpiry wording', () => {
  assert.equal(describeExpiry(assessExpiry(year, at(364))), 'expires in 1 day');
  assert.equal(describeExpiry(assessExpiry(year, at(364.5))), 'expires today');
  assert.equal(describeExpiry(assessExpiry(year, at(-2))), 'not valid yet');
});
