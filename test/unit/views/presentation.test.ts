import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { globMatcher } from '../../../src/core/glob';
import { hoverMarkdown } from '../../../src/views/hoverContent';
import { CertificateView, ExpiryView, FactsView, englishTranslate as t, escapeMarkdown, expiryShort, formatUtc } from '../../../src/views/presentation';
import { mostUrgent, needingAttention, statusBarText, statusBarTooltip } from '../../../src/views/statusBarContent';

const facts = (overrides: Partial<FactsView> = {}): FactsView => ({
  subjectText: 'CN=my-app,C=DE,O=tenant',
  issuerText: 'CN=Kyma CA',
  commonName: 'my-app',
  serialNumber: '0a1b2c',
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2025-04-03T00:00:00Z'),
  subjectAltNames: ['DNS:app.example'],
  fingerprint256: 'AB:CD:EF',
  publicKey: { type: 'rsa', bits: 2048 },
  isCA: false,
  selfSigned: false,
  ...overrides,
});
const expiry = (state: ExpiryView['state'], daysLeft: number): ExpiryView => ({
  state,
  daysLeft,
  // A quarter day past the floored count: shown rounded, the same number.
  msLeft: (daysLeft + 0.25) * 86_400_000,
  severity: state === 'valid' ? 'ok' : state === 'expiring' ? 'warning' : 'error',
});
const view = (overrides: Partial<CertificateView> = {}): CertificateView => ({
  facts: facts(),
  expiry: expiry('expiring', 23),
  revoked: false,
  file: 'certs/app.crt',
  key: { status: 'match', file: 'certs/app.key' },
  ...overrides,
});

test('hover shows subject, issuer, validity with days left, serial, fingerprint, SANs, key and links', () => {
  const md = hoverMarkdown(view(), { t, target: 'file:///w/certs/app.crt' });
  for (const expected of [
    'CN=my\u2011app, C=DE, O=tenant',
    'CN=Kyma\u00a0CA',
    '2025-01-01 00:00 UTC',
    '2025-04-03 00:00 UTC',
    '23 days left',
    '0a1b2c',
    'AB:CD:EF',
    'DNS:app.example',
    'RSA 2048 bits',
    'found, matches (certs/app.key)',
  ]) {
    assert.ok(md.includes(expected), `missing ${expected} in\n${md}`);
  }
  const renew = encodeURIComponent(JSON.stringify(['file:///w/certs/app.crt']));
  assert.ok(md.includes(`(command:kymaCert.renewCertificate?${renew})`), md);
  assert.ok(md.includes(`(command:kymaCert.showCertificateDetails?${renew})`), md);
});

test('hover of a CA certificate or untitled text offers no renewal', () => {
  assert.ok(!hoverMarkdown(view({ facts: facts({ isCA: true }) }), { t, target: 'file:///w/ca.crt' }).includes('renewCertificate'));
  const untitled = hoverMarkdown(view({ key: undefined, file: undefined }), { t });
  assert.ok(!untitled.includes('command:'), untitled);
  assert.ok(!untitled.includes('Private key'), untitled);
});

test('hover reports a missing or mismatching key and a chain position', () => {
  assert.match(hoverMarkdown(view({ key: { status: 'missing' } }), { t }), /Private\u00a0key:\*\* not found/);
  const md = hoverMarkdown(view({ key: { status: 'mismatch', file: 'k.key' } }), { t, chain: { index: 1, count: 3 } });
  assert.match(md, /does not match/);
  assert.match(md, /\(2 of 3\)/);
  const encrypted = hoverMarkdown(view({ key: { status: 'encrypted', file: 'k.key' } }), { t });
  assert.match(encrypted, /k\.key is encrypted; it is checked against this certificate when it is used/);
});

test('markdown from certificate text cannot inject links or formatting', () => {
  const md = hoverMarkdown(view({ facts: facts({ commonName: '[x](command:evil)', subjectText: 'CN=a|b`c' }) }), { t });
  assert.ok(!md.includes('[x](command:evil)'), md);
  assert.ok(md.includes('\\[x\\](command:evil)'), md);
  assert.ok(md.includes('CN=a\\|b\\`c'), md);
});

test('status bar text per state', () => {
  assert.equal(statusBarText(view(), t), '$(shield) my-app · 23d');
  assert.equal(statusBarText(view({ expiry: expiry('expired', -3) }), t), '$(shield) my-app · expired');
  assert.equal(statusBarText(view({ expiry: expiry('not-yet-valid', 40) }), t), '$(shield) my-app · not yet valid');
  assert.equal(statusBarText(view({ revoked: true, expiry: expiry('valid', 60) }), t), '$(shield) my-app · revoked');
  assert.equal(expiryShort(view({ facts: facts({ commonName: undefined }) }), t), '23d');
});

test('most urgent client certificate: revoked and expired before expiring, CA certificates ignored', () => {
  const expiring = view({ facts: facts({ commonName: 'soon', notAfter: new Date('2025-02-01Z') }) });
  const later = view({ expiry: expiry('valid', 80), facts: facts({ commonName: 'later', notAfter: new Date('2025-06-01Z') }) });
  const expired = view({ expiry: expiry('expired', -1), facts: facts({ commonName: 'gone', notAfter: new Date('2025-01-10Z') }) });
  const ca = view({ expiry: expiry('expired', -9), facts: facts({ commonName: 'ca', isCA: true, notAfter: new Date('2024-01-01Z') }) });
  const revoked = view({ revoked: true, expiry: expiry('valid', 90), facts: facts({ commonName: 'revoked', notAfter: new Date('2025-07-01Z') }) });
  assert.equal(mostUrgent([later, expiring, ca])?.facts.commonName, 'soon');
  assert.equal(mostUrgent([later, expiring, expired, ca])?.facts.commonName, 'gone');
  assert.deepEqual(
    needingAttention([later, revoked, expiring, ca, expired]).map((v) => v.facts.commonName),
    ['gone', 'revoked', 'soon'],
  );
  assert.equal(mostUrgent([ca]), undefined);
});

test('status bar tooltip: subject, issuer, dates, days left, file and a Renew link', () => {
  const md = statusBarTooltip(view(), { t, target: 'file:///w/certs/app.crt', othersNeedingAttention: 2 });
  for (const expected of [
    'CN=my\u2011app, C=DE, O=tenant',
    'CN=Kyma\u00a0CA',
    '2025-04-03 00:00 UTC',
    '23 days left',
    'certs/app.crt',
    '[Renew](command:kymaCert.renewCertificate?',
    '2 more certificates need attention',
  ]) {
    assert.ok(md.includes(expected), `missing ${expected} in\n${md}`);
  }
});

test('dates are shown in UTC, markdown specials escaped', () => {
  assert.equal(formatUtc(new Date('2026-03-01T12:34:56Z')), '2026-03-01 12:34 UTC');
  assert.equal(escapeMarkdown('a*b_[c]'), 'a\\*b\\_\\[c\\]');
});

test('globs: files.exclude syntax', () => {
  const excluded = globMatcher(['**/.kyma-backups/**', '**/node_modules/**', '{build,tmp}/*.crt', 'secret?.pem', 'x[!0-9].der']);
  assert.ok(excluded('certs/.kyma-backups/app/1.crt'));
  assert.ok(excluded('.kyma-backups/app.crt'));
  assert.ok(excluded('node_modules/pkg/test.pem'));
  assert.ok(excluded('a/b/node_modules/c.crt'));
  assert.ok(excluded('build/a.crt') && excluded('tmp/a.crt'));
  assert.ok(!excluded('build/sub/a.crt'));
  assert.ok(excluded('secret1.pem') && !excluded('secret12.pem'));
  assert.ok(excluded('xa.der') && !excluded('x1.der'));
  assert.ok(!excluded('certs/app.crt'));
  const include = globMatcher(['**/*.{crt,pem,cer,der}']);
  assert.ok(include('app.crt') && include('a/b/app.der') && !include('app.txt') && !include('app.crt.txt'));
  assert.ok(include('.hidden/app.crt'), 'dot folders are searched like any other');
  const certs = globMatcher(['certs/**']);
  assert.ok(certs('certs') && certs('certs/a/b.crt') && !certs('other/certs.crt'));
  assert.ok(excluded('.cache/node_modules/x.pem'), 'a dot folder above node_modules does not hide it from the exclude');
  assert.ok(globMatcher(['**/x.crt'])('a\\x.crt'), 'backslashes are folder separators');
});
