import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createPublicKey, KeyObject } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCsr, parseCsr } from '../../../src/core/csr';
import { DnAttribute, formatRfc4514, toOpensslSubj } from '../../../src/core/dn';
import { isKymaCertError } from '../../../src/core/errors';
import { parseCryptoFile } from '../../../src/core/pem';
import { keyNamed, kymaSubject, makeKey } from '../helpers/certs';

const keys: Array<[string, KeyObject]> = [
  ['RSA 2048', keyNamed('core-rsa')],
  ['EC P-256', makeKey({ keyType: 'ec', curve: 'P-256' })],
  ['EC P-384', makeKey({ keyType: 'ec', curve: 'P-384' })],
];

const SPECIAL: DnAttribute[] = [
  ...kymaSubject('my-app'),
  { type: 'OU', value: 'Second, with "quotes" + plus; <angle> \\ backslash' },
  { type: 'emailAddress', value: 'ops@example.com' },
  { type: 'L', value: ' #leading hash and trailing space ' },
];

/** Runs openssl in a private temp dir with the given files; returns stdout+stderr. */
function openssl(args: string[], files: Record<string, string>): { out: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'core-csr-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const out = execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { out, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('createCsr', () => {
  for (const [name, key] of keys) {
    test(`${name}: openssl verifies the signature and prints exactly the requested subject`, () => {
      const pem = createCsr(SPECIAL, key);
      assert.match(pem, /^-----BEGIN CERTIFICATE REQUEST-----\n/);
      const run = openssl(['req', '-in', 'r.csr', '-verify', '-noout', '-subject', '-nameopt', 'RFC2253'], { 'r.csr': pem });
      run.cleanup();
      assert.equal(run.out.trim(), `subject=${formatRfc4514(SPECIAL)}`);
      const verify = execFileSync('sh', ['-c', 'openssl req -verify -noout 2>&1'], { input: pem, encoding: 'utf8' });
      assert.match(verify, /verify OK/);
    });
  }

  test('the Kyma subject in the order given (DER order), signature algorithm per key type', () => {
    const rsa = createCsr(kymaSubject(), keys[0][1]);
    const run = openssl(['req', '-in', 'r.csr', '-noout', '-text'], { 'r.csr': rsa });
    run.cleanup();
    assert.match(run.out, /Subject: O = Organization, OU = OrgUnit, L = Waldorf, ST = Waldorf, C = DE, CN = my-app/);
    assert.match(run.out, /Signature Algorithm: sha256WithRSAEncryption/);
    const ec = parseCsr(createCsr(kymaSubject(), keys[1][1]));
    assert.equal(ec.signatureAlgorithm, '1.2.840.10045.4.3.2');
  });

  test('public keys and unknown attribute types are rejected', () => {
    assert.throws(
      () => createCsr(kymaSubject(), createPublicKey(keys[1][1])),
      (e) => isKymaCertError(e, 'parse'),
    );
    assert.throws(
      () => createCsr([{ type: 'Bogus', value: 'x' }], keys[1][1]),
      (e) => isKymaCertError(e, 'parse'),
    );
  });
});

describe('parseCsr', () => {
  test('round trip: subject in DER order, the public key, a valid signature', () => {
    for (const [name, key] of keys) {
      const parsed = parseCsr(createCsr(SPECIAL, key));
      assert.deepEqual(parsed.subject, SPECIAL, name);
      assert.equal(parsed.signatureValid, true, name);
      assert.deepEqual(parsed.publicKey.export({ type: 'spki', format: 'der' }), createPublicKey(key).export({ type: 'spki', format: 'der' }));
    }
  });

  test('reads CSRs made by openssl (subject via toOpensslSubj), PEM and DER, both labels', () => {
    const attrs = [...kymaSubject('from-openssl'), { type: 'OU', value: 'a/b+c' }];
    const run = openssl(
      ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-out', 'r.csr', '-subj', toOpensslSubj(attrs)],
      {},
    );
    const pem = readFileSync(join(run.dir, 'r.csr'), 'utf8');
    run.cleanup();
    const parsed = parseCsr(pem);
    assert.deepEqual(parsed.subject, attrs);
    assert.equal(parsed.signatureValid, true);
    assert.equal(parseCsr(pem.replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST')).signatureValid, true);
    assert.equal(parseCsr(parseCryptoFile(pem).blocks[0].der).signatureValid, true);
  });

  test('a tampered CSR parses but its signature is invalid', () => {
    const der = parseCryptoFile(createCsr(kymaSubject(), keys[1][1])).blocks[0].der;
    const tampered = Buffer.from(der);
    const at = tampered.indexOf(Buffer.from('my-app'));
    tampered[at] = 'M'.charCodeAt(0);
    const parsed = parseCsr(tampered);
    assert.equal(parsed.subject.find((a) => a.type === 'CN')?.value, 'My-app');
    assert.equal(parsed.signatureValid, false);
  });

  test('garbage, certificates and truncated CSRs → parse', () => {
    const pem = createCsr(kymaSubject(), keys[1][1]);
    for (const input of ['', 'garbage', Buffer.from([0x30, 0x00]), pem.slice(0, 120), pem.replace(/[a-f]/g, 'A')]) {
      assert.throws(
        () => parseCsr(input),
        (e) => isKymaCertError(e, 'parse'),
        String(input).slice(0, 30),
      );
    }
  });
});
