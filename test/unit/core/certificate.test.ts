import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateFacts, certificatesInFile, isIssuedBy } from '../../../src/core/certificate';
import { isKymaCertError } from '../../../src/core/errors';
import { DAY_MS, keyNamed, kymaSubject, makeCa, makeLeaf } from '../helpers/certs';

const rsaCa = makeCa({ keyName: 'core-rsa' });
const ecCa = makeCa({ keyType: 'ec', subject: 'O=Other CA,CN=EC CA' });
const leaf = makeLeaf(rsaCa, { keyType: 'ec', subjectAltNames: ['localhost', '127.0.0.1'] });

function openssl(args: string[], files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'core-cert-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('certificateFacts', () => {
  test('subject and issuer attributes in DER order, text forms, CN', () => {
    const f = certificateFacts(leaf.certPem);
    assert.deepEqual(f.subject, kymaSubject());
    assert.deepEqual(f.issuer, [{ type: 'CN', value: 'Kyma' }]);
    assert.equal(f.subjectText, 'CN=my-app,C=DE,ST=Waldorf,L=Waldorf,OU=OrgUnit,O=Organization');
    assert.equal(f.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
    assert.equal(f.issuerText, 'CN=Kyma');
    assert.equal(f.commonName, 'my-app');
  });

  test('subjectText equals openssl -nameopt RFC2253, fingerprint and serial equal openssl', () => {
    const f = certificateFacts(leaf.certDer);
    const out = openssl(['x509', '-in', 'c.pem', '-noout', '-subject', '-issuer', '-serial', '-fingerprint', '-sha256', '-nameopt', 'RFC2253'], {
      'c.pem': leaf.certPem,
    });
    assert.match(out, new RegExp(`^subject=${escapeRe(f.subjectText)}$`, 'm'));
    assert.match(out, new RegExp(`^issuer=${escapeRe(f.issuerText)}$`, 'm'));
    assert.match(out, new RegExp(`^serial=${f.serialNumber}$`, 'm'));
    assert.match(out, new RegExp(`^sha256 Fingerprint=${f.fingerprint256}$`, 'mi'));
  });

  test('validity, SANs, key info, CA flag, self-signed, hashes', () => {
    const notBefore = new Date(Date.UTC(2030, 0, 2, 3, 4, 5));
    const notAfter = new Date(Date.UTC(2060, 0, 2, 3, 4, 5)); // GeneralizedTime after 2049
    const cert = makeLeaf(ecCa, { keyType: 'ec', curve: 'P-384', notBefore, notAfter, subjectAltNames: ['a.example', '::1'] });
    const f = certificateFacts(cert.certPem);
    assert.equal(f.notBefore.toISOString(), notBefore.toISOString());
    assert.equal(f.notAfter.toISOString(), notAfter.toISOString());
    assert.deepEqual(f.subjectAltNames, ['DNS:a.example', 'IP Address:0:0:0:0:0:0:0:1']);
    assert.deepEqual(f.publicKey, { type: 'ec', bits: 384, curve: 'P-384' });
    assert.equal(f.isCA, false);
    assert.equal(f.selfSigned, false);
    assert.equal(f.sha256Hex, createHash('sha256').update(cert.certDer).digest('hex'));
    assert.equal(f.fingerprint256.replace(/:/g, '').toLowerCase(), f.sha256Hex);
    assert.deepEqual(f.extKeyUsage, ['1.3.6.1.5.5.7.3.2']);
    assert.equal(f.pem, cert.certPem);

    const caFacts = certificateFacts(rsaCa.certPem);
    assert.deepEqual(caFacts.publicKey, { type: 'rsa', bits: 2048 });
    assert.equal(caFacts.isCA, true);
    assert.equal(caFacts.selfSigned, true);
  });

  test('expired and not-yet-valid certificates are still described', () => {
    const expired = makeLeaf(ecCa, { keyType: 'ec', notBefore: new Date(Date.now() - 100 * DAY_MS), validDays: 10 });
    const future = makeLeaf(ecCa, { keyType: 'ec', notBefore: new Date(Date.now() + 10 * DAY_MS) });
    assert.ok(certificateFacts(expired.certPem).notAfter.getTime() < Date.now());
    assert.ok(certificateFacts(future.certPem).notBefore.getTime() > Date.now());
  });

  test('a bundle: certificateFacts takes the first certificate, certificatesInFile all in order', () => {
    const bundle = `${leaf.certPem}${rsaCa.certPem}`;
    assert.equal(certificateFacts(bundle).commonName, 'my-app');
    assert.deepEqual(
      certificatesInFile(`junk\n${rsaCa.certPem}${leaf.keyPem}${leaf.certPem}`).map((f) => f.commonName),
      ['Kyma', 'my-app'],
    );
  });

  test('accepts X509Certificate and facts objects', () => {
    const f = certificateFacts(new X509Certificate(leaf.certDer));
    assert.equal(certificateFacts(f).sha256Hex, f.sha256Hex);
  });

  test('non-certificates and damaged certificates are parse errors', () => {
    const isParse = (e: unknown) => isKymaCertError(e, 'parse');
    assert.throws(() => certificateFacts('hello'), isParse);
    assert.throws(() => certificateFacts(leaf.keyPem), isParse);
    assert.throws(
      () => certificateFacts(leaf.certPem.slice(0, 200)),
      (e) => isParse(e) && /damaged/.test((e as Error).message),
    );
    assert.throws(() => certificateFacts(leaf.certDer.subarray(0, leaf.certDer.length - 1)), isParse);
  });

  test('RFC 4514 escaping and multi-valued RDNs survive a real certificate, as openssl prints them', () => {
    const subject = [
      { type: 'C', value: 'DE' },
      { type: 'OU', value: 'R+D' }, // DER-sorted inside the RDN: the shorter encoding first
      { type: 'O', value: 'ACME, Inc.', joinedWithPrevious: true },
      { type: 'CN', value: ' #lead"quote;<x>\\ ' },
    ];
    const cert = makeLeaf(ecCa, { keyType: 'ec', subject });
    const f = certificateFacts(cert.certPem);
    assert.deepEqual(f.subject, subject);
    assert.equal(f.subjectText, 'CN=\\ #lead\\"quote\\;\\<x\\>\\\\\\ ,O=ACME\\, Inc.+OU=R\\+D,C=DE');
    const out = openssl(['x509', '-in', 'c.pem', '-noout', '-subject', '-nameopt', 'RFC2253'], { 'c.pem': cert.certPem });
    assert.equal(out.trim(), `subject=${f.subjectText}`);
  });
});

describe('isIssuedBy', () => {
  test('true for the issuing CA, false for another CA, itself or reversed', () => {
    assert.equal(isIssuedBy(leaf.certPem, rsaCa.certPem), true);
    assert.equal(isIssuedBy(certificateFacts(leaf.certPem), certificateFacts(rsaCa.certPem)), true);
    assert.equal(isIssuedBy(new X509Certificate(leaf.certDer), new X509Certificate(rsaCa.certDer)), true);
    assert.equal(isIssuedBy(leaf.certPem, ecCa.certPem), false);
    assert.equal(isIssuedBy(rsaCa.certPem, leaf.certPem), false);
    assert.equal(isIssuedBy(rsaCa.certPem, rsaCa.certPem), true); // self-signed
  });

  test('same issuer name but a different key → false (signature is checked)', () => {
    const impostor = makeCa({ keyType: 'ec' }); // also "CN=Kyma"
    assert.deepEqual(certificateFacts(impostor.certPem).subject, certificateFacts(rsaCa.certPem).subject);
    assert.equal(isIssuedBy(leaf.certPem, impostor.certPem), false);
  });

  test('the chain verifies with openssl too', () => {
    const out = openssl(['verify', '-CAfile', 'ca.pem', 'leaf.pem'], { 'ca.pem': rsaCa.certPem, 'leaf.pem': leaf.certPem });
    assert.match(out, /leaf\.pem: OK/);
  });
});

test('the shared RSA key really is reused by name', () => {
  assert.equal(keyNamed('core-rsa'), rsaCa.key);
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
