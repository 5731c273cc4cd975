import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, KeyObject, X509Certificate, type JsonWebKey, type KeyExportOptions } from 'node:crypto';
import { createRequire } from 'node:module';
import { describeKey, keyDataMatchesCertificate, keyMatchesCertificate } from '../../../src/core/keys';
import { certificateSpki, publicKeyOfPrivateKey, publicKeyOfSpki, summaryOfSpki } from '../../../src/core/publicKeyBytes';
import { isKymaCertError } from '../../../src/core/errors';
import { buildCertificate } from '../../../src/core/certificate-builder';
import { kymaSubject, keyNamed, makeCa, makeKey, makeLeaf } from '../helpers/certs';

const ca = makeCa({ keyType: 'ec' });
const rsa = makeLeaf(ca, { key: keyNamed('core-rsa') });
const otherRsa = makeLeaf(ca, { key: keyNamed('core-rsa-other') });
const ecLeaves = (['P-256', 'P-384', 'P-521'] as const).map((curve) => makeLeaf(ca, { keyType: 'ec', curve }));
const ed25519 = makeLeaf(ca, { keyType: 'ed25519' });

const jwk = (key: KeyObject): JsonWebKey => key.export({ format: 'jwk' });
const b64url = (text: string | undefined): Buffer => Buffer.from(text ?? '', 'base64url');
const stripZero = (b: Buffer): Buffer => (b[0] === 0 ? b.subarray(1) : b);
const der = (key: KeyObject, type: 'pkcs1' | 'pkcs8' | 'sec1'): Buffer => key.export({ type, format: 'der' } as KeyExportOptions<'der'>);
const pem = (key: KeyObject, type: 'pkcs1' | 'pkcs8' | 'sec1'): Buffer => Buffer.from(key.export({ type, format: 'pem' }) as string);

/** node:crypto's own exports object, which the compiled keys.ts calls createPrivateKey through. */
const cryptoExports = createRequire(__filename)('node:crypto') as { createPrivateKey: typeof import('node:crypto').createPrivateKey };

/** Counts the private-key decodes (createPrivateKey calls) `work` makes. */
function privateKeyDecodes(work: () => void): number {
  const original = cryptoExports.createPrivateKey;
  let calls = 0;
  cryptoExports.createPrivateKey = (...args: Parameters<typeof original>) => {
    calls++;
    return original(...args);
  };
  try {
    work();
  } finally {
    cryptoExports.createPrivateKey = original;
  }
  return calls;
}

describe('public key bytes from DER', () => {
  test('RSA keys (PKCS#1, PKCS#8) give the modulus and exponent node reports', () => {
    for (const format of ['pkcs1', 'pkcs8'] as const) {
      const key = publicKeyOfPrivateKey(der(rsa.key, format), format);
      assert.ok(key?.type === 'rsa', format);
      assert.deepEqual(stripZero(key.modulus), b64url(jwk(rsa.key).n), format);
      assert.deepEqual(key.exponent, b64url(jwk(rsa.key).e), format);
    }
  });

  test('EC keys (SEC1, PKCS#8) on every NIST curve give the curve and the stored point', () => {
    for (const leaf of ecLeaves) {
      const { x, y } = jwk(leaf.key);
      const point = Buffer.concat([Buffer.from([4]), b64url(x), b64url(y)]);
      for (const format of ['sec1', 'pkcs8'] as const) {
        const key = publicKeyOfPrivateKey(der(leaf.key, format), format);
        assert.ok(key?.type === 'ec', format);
        assert.deepEqual(key.point, point);
        assert.deepEqual(key, publicKeyOfSpki(certificateSpki(leaf.certDer)!));
      }
    }
  });

  test('shapes it does not read are left to node: Ed25519, truncated or re-ordered structures, odd integers', () => {
    assert.equal(publicKeyOfPrivateKey(der(ed25519.key, 'pkcs8'), 'pkcs8'), undefined);
    const pkcs1 = der(rsa.key, 'pkcs1');
    assert.equal(publicKeyOfPrivateKey(pkcs1.subarray(0, pkcs1.length - 1), 'pkcs1'), undefined);
    assert.equal(publicKeyOfPrivateKey(Buffer.concat([pkcs1, Buffer.from([0])]), 'pkcs1'), undefined);
    assert.equal(publicKeyOfPrivateKey(pkcs1, 'sec1'), undefined);
    // An EC key without its public point: node has to compute the point.
    const sec1 = der(ecLeaves[0].key, 'sec1');
    const withoutPoint = Buffer.from(sec1);
    const pointAt = sec1.indexOf(Buffer.from([0xa1]), 7 + 32);
    const trimmed = Buffer.concat([Buffer.from([0x30, pointAt - 2]), withoutPoint.subarray(2, pointAt)]);
    assert.equal(publicKeyOfPrivateKey(trimmed, 'sec1'), undefined);
    assert.ok(publicKeyOfPrivateKey(sec1, 'sec1'));
  });

  test('the SPKI of a certificate is its exact bytes; the key summary equals describeKey for RSA, EC and EdDSA', () => {
    const rsa1024 = makeLeaf(ca, { keyType: 'rsa', bits: 1024 });
    for (const leaf of [rsa, rsa1024, ...ecLeaves, ed25519]) {
      const x509 = new X509Certificate(leaf.certDer);
      const spki = certificateSpki(leaf.certDer);
      assert.ok(spki && leaf.certDer.includes(spki));
      assert.deepEqual(spki, x509.publicKey.export({ type: 'spki', format: 'der' }));
      assert.deepEqual(summaryOfSpki(spki), describeKey(x509.publicKey));
    }
  });

  test('an RSA-PSS key is no RSA key here: its summary and pairing come from node', () => {
    const { privateKey } = generateKeyPairSync('rsa-pss', { modulusLength: 1024 });
    const cert = buildCertificate({
      subject: kymaSubject('pss'),
      publicKey: createPublicKey(privateKey),
      signingKey: makeKey({ keyType: 'ec' }),
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 86_400_000),
    });
    const spki = certificateSpki(cert.der)!;
    assert.equal(summaryOfSpki(spki), undefined);
    assert.equal(publicKeyOfSpki(spki), undefined);
    assert.equal(keyDataMatchesCertificate(pem(privateKey, 'pkcs8'), cert.der), true);
  });
});

describe('keyDataMatchesCertificate', () => {
  test('agrees with keyMatchesCertificate for every key format and type, matching or not', () => {
    const cases: Array<[string, Buffer, KeyObject]> = [
      ['rsa pkcs1 pem', pem(rsa.key, 'pkcs1'), rsa.key],
      ['rsa pkcs8 pem', pem(rsa.key, 'pkcs8'), rsa.key],
      ['rsa pkcs8 der', der(rsa.key, 'pkcs8'), rsa.key],
      ['ec sec1 pem', pem(ecLeaves[1].key, 'sec1'), ecLeaves[1].key],
      ['ec pkcs8 der', der(ecLeaves[2].key, 'pkcs8'), ecLeaves[2].key],
      ['ed25519 pkcs8 pem', pem(ed25519.key, 'pkcs8'), ed25519.key],
    ];
    for (const [name, data, key] of cases) {
      for (const cert of [rsa, otherRsa, ...ecLeaves, ed25519]) {
        assert.equal(keyDataMatchesCertificate(data, cert.certDer), keyMatchesCertificate(key, cert.certDer), `${name} vs ${cert.subject.at(-1)?.value}`);
      }
    }
  });

  test('a matching RSA or EC key file is paired without decoding the private key', () => {
    // Fresh content (a comment line) so no cache of an earlier test answers.
    const fresh = (data: Buffer): Buffer => Buffer.concat([Buffer.from(`# ${Math.random()}\n`), data]);
    assert.equal(
      privateKeyDecodes(() => assert.ok(keyDataMatchesCertificate(fresh(pem(rsa.key, 'pkcs8')), rsa.certDer))),
      0,
    );
    assert.equal(
      privateKeyDecodes(() => assert.ok(keyDataMatchesCertificate(fresh(pem(ecLeaves[0].key, 'sec1')), ecLeaves[0].certDer))),
      0,
    );
    // A mismatch is confirmed by node (the same answer keyMatchesCertificate gives).
    assert.equal(
      privateKeyDecodes(() => assert.equal(keyDataMatchesCertificate(fresh(pem(rsa.key, 'pkcs1')), otherRsa.certDer), false)),
      1,
    );
  });

  test('encrypted and damaged keys throw as loadPrivateKey does', () => {
    const encrypted = Buffer.from(rsa.key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string);
    assert.throws(
      () => keyDataMatchesCertificate(encrypted, rsa.certDer),
      (e) => isKymaCertError(e, 'passphrase-required'),
    );
    // RSA fields after the exponent missing: the modulus still equals the certificate's, but it is no key.
    const pkcs1 = der(rsa.key, 'pkcs1');
    const fields = [...pkcs1.subarray(4)];
    const truncatedBody = Buffer.from(fields.slice(0, 3 + 261 + 5));
    const header = Buffer.from([0x30, 0x82, truncatedBody.length >> 8, truncatedBody.length & 0xff]);
    const damaged = Buffer.from(
      `-----BEGIN RSA PRIVATE KEY-----\n${Buffer.concat([header, truncatedBody]).toString('base64')}\n-----END RSA PRIVATE KEY-----\n`,
    );
    assert.throws(
      () => keyDataMatchesCertificate(damaged, rsa.certDer),
      (e) => isKymaCertError(e, 'parse'),
    );
  });
});
