import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { describeKey, generateEcKey, generateRsaKey, generateRsaKeyAsync, keyMatchesCertificate, loadPrivateKey } from '../../../src/core/keys';
import { certificateFacts } from '../../../src/core/certificate';
import { isKymaCertError, KymaCertError } from '../../../src/core/errors';
import { keyNamed, makeCa, makeLeaf } from '../helpers/certs';

const rsaKey = keyNamed('core-rsa');
const ca = makeCa({ keyType: 'ec' });
const ecLeaf = makeLeaf(ca, { keyType: 'ec' });
const rsaLeaf = makeLeaf(ca, { key: rsaKey });

const spki = (k: Parameters<typeof createPublicKey>[0]) =>
  createPublicKey(k).export({ type: 'spki', format: 'der' }).toString('hex');

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

  test('encrypted keys (PKCS#8 and legacy Proc-Type) → unsupported with a decrypt hint', () => {
    const opts = { cipher: 'aes-256-cbc', passphrase: 'pw' };
    const encrypted = [
      rsaKey.export({ type: 'pkcs8', format: 'pem', ...opts }),
      rsaKey.export({ type: 'pkcs1', format: 'pem', ...opts }),
      ecLeaf.key.export({ type: 'sec1', format: 'pem', ...opts }),
      rsaKey.export({ type: 'pkcs8', format: 'der', ...opts }),
    ];
    for (const input of encrypted) {
      assert.throws(
        () => loadPrivateKey(input),
        (e: unknown) =>
          isKymaCertError(e, 'unsupported') &&
          e.message === 'encrypted keys are not supported yet' &&
          /openssl pkey/.test(e.hint ?? ''),
      );
    }
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
