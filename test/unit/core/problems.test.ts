import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certificateFacts } from '../../../src/core/certificate';
import { parseCryptoFile } from '../../../src/core/pem';
import { factsForBlocks } from '../../../src/core/certificate';
import { findProblems, KeyPairing, Problem, ProblemInput } from '../../../src/core/problems';
import { certValid } from '../helpers/certs';

// Whole seconds: X.509 validity has second resolution, so day counts below come out exact.
const now = new Date('2025-06-01T12:00:00Z');

/** Parse `text` like the editor does and judge it. */
function problemsOf(text: string, extra: Partial<ProblemInput> = {}): Problem[] {
  const { blocks } = parseCryptoFile(text);
  return findProblems({ blocks, facts: factsForBlocks(blocks), now, ...extra });
}

/** 0-based line of the n-th BEGIN line in `text`. */
function beginLine(text: string, n = 0): number {
  return text
    .split('\n')
    .map((l, i) => (l.startsWith('-----BEGIN') ? i : -1))
    .filter((i) => i >= 0)[n];
}

const leafOk = certValid(now, -30, 335); // 335 of 365 days left

test('a healthy client certificate has no problems', () => {
  assert.deepEqual(problemsOf(leafOk, { key: { status: 'match', file: 'app.key' } }), []);
});

test('an expiring certificate is a renewable warning at its block', () => {
  const text = `subject=CN=my-app\n${certValid(now, -70, 20)}`; // 20 days left: within warnDays 30
  const [p, ...rest] = problemsOf(text);
  assert.deepEqual(rest, []);
  assert.equal(p.code, 'expiring');
  assert.equal(p.severity, 'warning');
  assert.equal(p.renewable, true);
  assert.match(p.message, /expires in 20 days \(2025-06-21 12:00 UTC\)\. Renew it\./);
  assert.equal(p.startLine, 1);
  assert.equal(p.endLine, text.trimEnd().split('\n').length - 1);
});

test('a certificate in its last days is a renewable error', () => {
  const [p] = problemsOf(certValid(now, -87, 3));
  assert.equal(p.code, 'expiring');
  assert.equal(p.severity, 'error');
  assert.equal(p.renewable, true);
  assert.match(p.message, /expires in 3 days/);
});

test('days in the message are rounded like the status bar shows them (11.6 days: 12)', () => {
  const [p] = problemsOf(certValid(now, -80.4, 11.6));
  assert.match(p.message, /expires in 12 days/);
});

test('thresholds are honoured', () => {
  const text = certValid(now, -60, 40); // 40 days and 40% left: above both default thresholds
  assert.deepEqual(problemsOf(text), []);
  assert.equal(problemsOf(text, { thresholds: { warnDays: 45, warnFraction: 0, errorDays: 7 } })[0]?.code, 'expiring');
});

test('an expired certificate is an error that renewal cannot fix', () => {
  const [p, ...rest] = problemsOf(certValid(now, -95, -5));
  assert.deepEqual(rest, []);
  assert.equal(p.code, 'expired');
  assert.equal(p.severity, 'error');
  assert.equal(p.renewable, false);
  assert.match(p.message, /expired 5 days ago .*one-time token/);
  assert.match(problemsOf(certValid(now, -90, -0.5))[0].message, /expired today/);
});

test('a certificate that is not valid yet is an error pointing at the clock', () => {
  const [p] = problemsOf(certValid(now, 2, 92));
  assert.equal(p.code, 'not-yet-valid');
  assert.equal(p.severity, 'error');
  assert.equal(p.renewable, false);
  assert.match(p.message, /not valid until 2025-06-03 12:00 UTC.*clock/);
});

test('a CA certificate before the client certificate is a bundle-order warning at the CA block', () => {
  const ca = certValid(now, -100, 3000, { isCA: true });
  const other = certValid(now, -100, 3000, { isCA: true, commonName: 'Root' });
  const text = `${ca}${leafOk}${other}`;
  const problems = problemsOf(text);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, 'bundle-order');
  assert.equal(problems[0].severity, 'warning');
  assert.equal(problems[0].startLine, beginLine(text, 0));
  assert.match(problems[0].message, /client certificate first/);
  // Leaf first, CA after it: the order openssl and the service expect.
  assert.deepEqual(problemsOf(`${leafOk}${ca}`), []);
  // A CA file on its own (app-ca.crt) has no client certificate to be out of order with.
  assert.deepEqual(problemsOf(`${ca}${other}`), []);
});

test('expiry of a CA in the bundle is reported at the CA block but is not renewable', () => {
  const ca = certValid(now, -3000, 10, { isCA: true });
  const text = `${leafOk}${ca}`;
  const [p] = problemsOf(text);
  assert.equal(p.code, 'expiring');
  assert.equal(p.renewable, false);
  assert.match(p.message, /^CA certificate expires in 10 days/);
  assert.equal(p.startLine, beginLine(text, 1));
});

test('key pairing problems sit on the client certificate', () => {
  const ca = certValid(now, -100, 3000, { isCA: true });
  const text = `${leafOk}${ca}`;
  const at = (key: KeyPairing): Problem[] => problemsOf(text, { key });
  const [mismatch] = at({ status: 'mismatch', file: 'app.key' });
  assert.equal(mismatch.code, 'key-mismatch');
  assert.equal(mismatch.severity, 'error');
  assert.equal(mismatch.startLine, 0);
  assert.match(mismatch.message, /^app\.key does not match this certificate/);
  const [missing] = at({ status: 'missing', file: 'app.key' });
  assert.deepEqual([missing.code, missing.severity], ['key-missing', 'information']);
  assert.match(missing.message, /expected app\.key/);
  const [unreadable] = at({ status: 'unreadable', file: 'app.key', problem: 'private key (pkcs8) is malformed' });
  assert.deepEqual([unreadable.code, unreadable.severity], ['key-unreadable', 'warning']);
  assert.match(unreadable.message, /malformed/);
  assert.deepEqual(at({ status: 'match' }), []);
  assert.deepEqual(at({ status: 'encrypted', file: 'app.key' }), [], 'an encrypted key is paired, not a problem');
});

test('a revoked certificate gets one revoked error and no expiry noise', () => {
  const text = certValid(now, -70, 20);
  const sha256Hex = certificateFacts(text).sha256Hex;
  const problems = problemsOf(text, { revoked: { at: '2025-05-30T08:00:00Z', sha256Hex: sha256Hex.toUpperCase() } });
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, 'revoked');
  assert.equal(problems[0].severity, 'error');
  assert.equal(problems[0].renewable, false);
  assert.match(problems[0].message, /revoked on 2025-05-30 08:00 UTC\. Request a new certificate with a one-time token/);
  // The remembered revocation was of an older certificate: the one in the file is fine.
  const renewed = problemsOf(leafOk, { revoked: { at: '2025-05-30T08:00:00Z', sha256Hex } });
  assert.deepEqual(renewed, []);
});

test('a damaged PEM block is reported where it is', () => {
  const text = `${leafOk}-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n`;
  const problems = problemsOf(text);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, 'malformed-block');
  assert.equal(problems[0].startLine, beginLine(text, 1));
  assert.equal(problems[0].endLine, beginLine(text, 1) + 2);
  assert.match(problems[0].message, /invalid base64 on line/);
});

test('a certificate block that is valid base64 but not X.509 is unreadable', () => {
  const text = `-----BEGIN CERTIFICATE-----\n${Buffer.from('definitely not DER').toString('base64')}\n-----END CERTIFICATE-----\n`;
  const [p] = problemsOf(text);
  assert.equal(p.code, 'unreadable-certificate');
  assert.deepEqual([p.startLine, p.endLine], [0, 2]);
});

test('messages go through the translate function', () => {
  const seen: string[] = [];
  const problems = problemsOf(certValid(now, -70, 20), {
    translate: (message, ...args) => {
      seen.push(message);
      return `«${message}»${args.length}`;
    },
  });
  assert.ok(seen.includes('Certificate expires {0} ({1}). Renew it.'));
  assert.match(problems[0].message, /^«Certificate expires/);
});
