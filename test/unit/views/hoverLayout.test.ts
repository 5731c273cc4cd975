/**
 * The hover and the status-bar tooltip laid out for a ~500-px hover, and the days-left count people expect.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverMarkdown } from '../../../src/views/hoverContent';
import {
  CertificateView,
  FactsView,
  daysShown,
  englishTranslate as t,
  expiryPhrase,
  expiryShort,
  fingerprintLines,
  nowrap,
  wrappableName,
} from '../../../src/views/presentation';
import { renewOffered, statusBarTooltip } from '../../../src/views/statusBarContent';
import { DEFAULT_THRESHOLDS, MS_PER_DAY, assessExpiry } from '../../../src/core/expiry';

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (0xa0 + i).toString(16).toUpperCase()).join(':');
const facts = (overrides: Partial<FactsView> = {}): FactsView => ({
  subjectText: 'CN=expiring-app,OU=Org Unit,O=Some Organization,L=Waldorf,ST=Waldorf,C=DE',
  issuerText: 'CN=Kyma CA,O=Kyma',
  commonName: 'expiring-app',
  serialNumber: '0A1B2C',
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2025-04-03T00:00:00Z'),
  subjectAltNames: [],
  fingerprint256: FINGERPRINT,
  publicKey: { type: 'rsa', bits: 2048 },
  isCA: false,
  selfSigned: false,
  ...overrides,
});
const at = (daysLeft: number, overrides: Partial<CertificateView> = {}): CertificateView => {
  const f = facts();
  return {
    facts: f,
    expiry: assessExpiry(f, new Date(f.notAfter.getTime() - daysLeft * MS_PER_DAY), DEFAULT_THRESHOLDS),
    revoked: false,
    file: 'certs/expiring-app.crt',
    key: { status: 'match', file: 'certs/expiring-app.key' },
    ...overrides,
  };
};
const TARGET = 'file:///w/certs/expiring-app.crt';

test('days left are rounded: a fresh 92-day certificate shows 92d, 5½ days show 6d, under half a day <1d', () => {
  const shown = (daysLeft: number) => expiryShort(at(daysLeft), t);
  assert.equal(shown(92), '92d');
  assert.equal(shown(92 - 1 / 86_400), '92d', 'issued a second ago');
  assert.equal(shown(91.5), '92d');
  assert.equal(shown(91.49), '91d');
  assert.equal(shown(5.5), '6d');
  assert.equal(shown(1), '1d');
  assert.equal(shown(0.5), '1d');
  assert.equal(shown(0.49), '<1d');
  assert.equal(shown(-0.01), 'expired');
  assert.equal(expiryPhrase(at(92 - 1 / 86_400), t), '92 days left');
  assert.equal(expiryPhrase(at(0.2), t), 'less than a day left');
  assert.equal(daysShown({ msLeft: -5 * MS_PER_DAY }), 0);
});

test('hover: the summary (name, days left) and the Renew link come first, the problem right under them', () => {
  const md = hoverMarkdown(at(12), { t, target: TARGET, problems: ['Certificate expires in 12 days (2025-04-03 00:00 UTC). Renew it.'] });
  const lines = md.split('\n');
  assert.match(lines[0], /^\*\*expiring-app\*\* · 12 days left/);
  assert.match(lines[1], /\[Renew\]\(command:kymaCert\.renewCertificate\?/);
  assert.match(lines[1], /\[Show Details\]/);
  assert.equal(lines[2], '');
  assert.match(lines[3], /^⚠ Certificate expires in 12 days/);
  assert.ok(md.indexOf('Subject') > md.indexOf('⚠'), 'facts come after the problem');
});

test('hover: labels never wrap, the fingerprint is two lines of 16 bytes, the subject breaks only between attributes', () => {
  const md = hoverMarkdown(at(12), { t, target: TARGET });
  assert.ok(md.includes('**SHA\u2011256:**'), 'SHA-256 with a non-breaking hyphen');
  assert.ok(md.includes('**Public\u00a0key:**'));
  const fingerprint = md.split('\n').filter((l) => /^(\*\*SHA.256:\*\* )?`[0-9A-F]{2}:/.test(l));
  assert.equal(fingerprint.length, 2, md);
  for (const line of fingerprint) assert.equal(/`([^`]+)`/.exec(line)![1].length, 47);
  assert.equal(fingerprintLines(FINGERPRINT).join(':'), FINGERPRINT);
  // Inside an attribute nothing may break (no plain space or hyphen); between attributes ", " may.
  const subject = wrappableName(facts().subjectText);
  assert.equal(subject.split(', ').length, 6);
  for (const attribute of subject.split(', ')) assert.doesNotMatch(attribute, /[ -]/, attribute);
  assert.equal(wrappableName('CN=a\\,b,O=c'), 'CN=a\\,b, O=c', 'an escaped comma stays inside its attribute');
  assert.equal(nowrap('Valid from'), 'Valid\u00a0from');
});

test('status bar tooltip: summary and links first, problem below, no Renew for a revoked or expired certificate', () => {
  const md = statusBarTooltip(at(12), { t, target: TARGET, othersNeedingAttention: 2, problems: ['Certificate expires in 12 days.'] });
  const lines = md.split('\n');
  assert.match(lines[0], /expiring-app\*\* · 12 days left/);
  assert.match(lines[1], /^\[Renew\]/);
  assert.match(lines[3], /^⚠ Certificate expires/);
  for (const expected of ['CN=expiring\u2011app, OU=Org\u00a0Unit', 'certs/expiring-app.crt', '2 more certificates need attention']) {
    assert.ok(md.includes(expected), `missing ${expected} in\n${md}`);
  }
  const revoked = at(40, { revoked: true });
  assert.equal(renewOffered(revoked), false);
  assert.doesNotMatch(statusBarTooltip(revoked, { t, target: TARGET, othersNeedingAttention: 0 }), /renewCertificate/);
  assert.doesNotMatch(hoverMarkdown(revoked, { t, target: TARGET, renewable: renewOffered(revoked) }), /renewCertificate/);
  assert.equal(renewOffered(at(-1)), false, 'expired');
  assert.equal(renewOffered(at(3)), true);
});
