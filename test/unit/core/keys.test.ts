import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { exportPrivateKey, type KeyFileFormat } from '../../../src/core/keyFileFormat';
import {
  describeKey,
  generateEcKey,
  generateRsaKey,
  generateRsaKeyAsync,
  isEncryptedPrivateKey,
  keyMatchesCertificate,
  loadPrivateKey,
  readPrivateKey,
} from '../../../src/core/keys';
import { certificateFacts } from '../../../src/core/certificate';
import { isKymaCertError, KymaCertError } from '../../../src/core/errors';
import { keyNamed, makeCa, makeKey, makeLeaf } from '../helpers/certs';

const rsaKey = keyNamed('core-rsa');
const ca = makeCa({ keyType: 'ec' });
const ecLeaf = makeLeaf(ca, { keyType: 'ec' });
const rsaLeaf = makeLeaf(ca, { key: rsaKey });

const spki = (k: Parameters<typeof createPublicKey>[0]) => createPublicKey(k).export({ type: 'spki', format: 'der' }).toString('hex');

const PASS = 'correct horse battery staple';

/** The error never carries the passphrase (nor the wrong one that was tried). */
function noSecret(e: unknown, ...secrets: string[]): boolean {
  const text = `${String(e)} ${JSON.stringify((e as KymaCertError).toJSON())} ${(e as Error).stack ?? ''}`;
  for (const secret of [PASS, ...secrets].filter((x) => x.length > 3)) assert.ok(!text.includes(secret), 'passphrase in error');
  return true;
}

describe('loadPrivateKey', () => {
  test('PEM PKCS#1, PKCS#8 and SEC1, and the same in DER', () => {
    const inputs: Array<[string, Buffer | string, string]> = [
      ['pkcs1 pem', rsaKey.export({ type: 'pkcs1', format: 'pem' }) as string, spki(rsaKey)],
      ['pkcs8 pem', rsaKey.export({ type: 'pkcs8', format: 'pem' }) as string, spki(rsaKey)],
      ['sec1 pem', ecLeaf.key.export({ type: 'sec1', format: 'pem' }) as string, spki(ecLeaf.key)],
      ['pkcs1 der', rsaKey.export({ type: 'pkcs1', format: 'der' }), spki(rsaKey)],
      ['pkcs8 der', ecLeaf.key.export({ type: 'pkcs8', format: 'der' }), spki(ecLeaf.key)],
      ['sec1 der', ecLeaf.key.export({ type: 'sec1', format: 'der' }), spki(ecLeaf.key)],
    ];
    for (const [name, input, expected] of inputs) {
      const key = loadPrivateKey(input);
      assert.equal(key.type, 'private', name);
      assert.equal(spki(key), expected, name);
    }
  });

  test('finds the key in a combined cert+key file with surrounding text and CRLF', () => {
    const text = `Bag Attributes\r\n${ecLeaf.certPem}${ecLeaf.keyPem}`.replace(/\n/g, '\r\n');
    assert.equal(spki(loadPrivateKey(Buffer.from(text))), spki(ecLeaf.key));
  });

  test('encrypted PKCS#8 (AES-256-CBC) and legacy Proc-Type (DES-EDE3-CBC): right, wrong and missing passphrase', () => {
    const encrypted: Array<[string, Buffer | string, string]> = [
      ['pkcs8 aes-256-cbc pem', rsaKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }), spki(rsaKey)],
      ['legacy rsa des-ede3-cbc', rsaKey.export({ type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: PASS }), spki(rsaKey)],
      ['legacy ec aes-128-cbc', ecLeaf.key.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: PASS }), spki(ecLeaf.key)],
      ['pkcs8 aes-256-cbc der', rsaKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: PASS }), spki(rsaKey)],
    ];
    for (const [name, input, expected] of encrypted) {
      assert.equal(isEncryptedPrivateKey(input), true, name);
      assert.equal(spki(loadPrivateKey(input, PASS)), expected, name);
      assert.throws(
        () => loadPrivateKey(input),
        (e: unknown) => isKymaCertError(e, 'passphrase-required') && noSecret(e),
        name,
      );
      for (const wrong of ['wrong', '', `${PASS} `]) {
        assert.throws(
          () => loadPrivateKey(input, wrong),
          (e: unknown) => isKymaCertError(e, 'bad-passphrase') && noSecret(e, wrong),
          name,
        );
      }
    }
    assert.equal(isEncryptedPrivateKey(rsaKey.export({ type: 'pkcs8', format: 'pem' })), false);
    // A passphrase given for a plain key is simply not needed.
    assert.equal(spki(loadPrivateKey(rsaKey.export({ type: 'pkcs8', format: 'pem' }), PASS)), spki(rsaKey));
  });

  test('the storage format is read back, and a key exported in it loads with the same format', () => {
    const cases: Array<[string, Buffer | string, KeyFileFormat]> = [
      ['plain pkcs1', rsaKey.export({ type: 'pkcs1', format: 'pem' }), { container: 'pem', type: 'pkcs1' }],
      ['plain sec1 der', ecLeaf.key.export({ type: 'sec1', format: 'der' }), { container: 'der', type: 'sec1' }],
      [
        'pkcs8 aes-256',
        rsaKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }),
        { container: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc' },
      ],
      [
        'pkcs8 aes-128 der',
        rsaKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-128-cbc', passphrase: PASS }),
        { container: 'der', type: 'pkcs8', cipher: 'aes-128-cbc' },
      ],
      [
        'legacy des3',
        rsaKey.export({ type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: PASS }),
        { container: 'pem', type: 'pkcs1', cipher: 'des-ede3-cbc' },
      ],
      [
        'legacy ec aes-192',
        ecLeaf.key.export({ type: 'sec1', format: 'pem', cipher: 'aes-192-cbc', passphrase: PASS }),
        { container: 'pem', type: 'sec1', cipher: 'aes-192-cbc' },
      ],
    ];
    const fresh = makeKey({ keyType: 'ec' });
    for (const [name, input, expected] of cases) {
      const loaded = readPrivateKey(input, PASS);
      assert.deepEqual(loaded.format, expected, name);
      const otherKey = expected.type === 'sec1' ? fresh : rsaKey;
      const written = exportPrivateKey(otherKey, loaded.format, expected.cipher ? PASS : undefined);
      const again = readPrivateKey(written, PASS);
      assert.deepEqual(again.format, expected, `${name}: written back`);
      assert.equal(spki(again.key), spki(otherKey), name);
      if (expected.cipher)
        assert.throws(
          () => loadPrivateKey(written),
          (e: unknown) => isKymaCertError(e, 'passphrase-required'),
        );
    }
    // An EC key cannot be PKCS#1: a rotated EC key replacing an RSA key file would be PKCS#8, still encrypted.
    const ecInRsaFormat = exportPrivateKey(fresh, { container: 'pem', type: 'pkcs1', cipher: 'des-ede3-cbc' }, PASS);
    assert.match(String(ecInRsaFormat), /BEGIN ENCRYPTED PRIVATE KEY/);
  });

  test('no key, a certificate, a damaged key → parse; error messages carry no key material', () => {
    const keyPem = rsaKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const lines = keyPem.trimEnd().split('\n');
    const damagedDer = [...lines.slice(0, 4), lines[lines.length - 1]].join('\n'); // DER lengths no longer fit
    const badBase64 = lines.map((l, i) => (i === 5 ? `${l}%%` : l)).join('\n');
    for (const input of ['', 'hello', ecLeaf.certPem, ecLeaf.certDer, damagedDer, badBase64]) {
      assert.throws(
        () => loadPrivateKey(input),
        (e: unknown) => {
          assert.ok(isKymaCertError(e, 'parse'), String(e));
          const text = JSON.stringify((e as KymaCertError).toJSON());
          for (const line of lines.slice(1, -1)) assert.ok(!text.includes(line.slice(0, 20)), 'key material in error');
          return true;
        },
      );
    }
  });
});

describe('keyMatchesCertificate', () => {
  test('true for the certificate key (RSA and EC), false for another key', () => {
    assert.equal(keyMatchesCertificate(ecLeaf.key, ecLeaf.certPem), true);
    assert.equal(keyMatchesCertificate(rsaKey, rsaLeaf.certDer), true);
    assert.equal(keyMatchesCertificate(rsaKey, certificateFacts(rsaLeaf.certPem)), true);
    assert.equal(keyMatchesCertificate(ca.key, ecLeaf.certPem), false);
    assert.equal(keyMatchesCertificate(rsaKey, ecLeaf.certPem), false);
    assert.equal(keyMatchesCertificate(ecLeaf.key, rsaLeaf.certPem), false);
  });

  test('a public key works too', () => {
    assert.equal(keyMatchesCertificate(createPublicKey(ecLeaf.key), ecLeaf.certPem), true);
  });
});

describe('generate and describe', () => {
  test('generateRsaKey gives a PKCS#8 PEM that loads back to the same key', () => {
    const { key, pem } = generateRsaKey(1024); // small: only the plumbing is under test
    assert.match(pem, /^-----BEGIN PRIVATE KEY-----/);
    assert.deepEqual(describeKey(key), { type: 'rsa', bits: 1024 });
    assert.equal(spki(loadPrivateKey(pem)), spki(key));
  });

  test('generateRsaKeyAsync and generateEcKey', async () => {
    const rsa = await generateRsaKeyAsync(1024);
    assert.equal(rsa.key.asymmetricKeyDetails?.modulusLength, 1024);
    assert.deepEqual(describeKey(generateEcKey('P-384').key), { type: 'ec', bits: 384, curve: 'P-384' });
  });
});
