/**
 * What the emulator issues and persists: certificate properties of §7 (serial 2, validity from the clock, subject
 * verbatim from the CSR, KeyUsage/ExtKeyUsage/AKI), the server certificate, and the state dir across restarts.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import forge from 'node-forge';
import { certificateFacts, isIssuedBy } from '../../../src/core/certificate';
import { createCsr, parseCsr } from '../../../src/core/csr';
import { parseDuration, startEmulator } from '../../../src/emulator';
import { subjectNameOf } from '../../../src/emulator/pki';
import { keyNamed, kymaSubject } from '../helpers/certs';
import { csrBody, rawRequest, REORDERED_SUBJECT_WITH_EXTRAS } from './support';

const SUBJECT_OF_CSR_DER = (csrPem: string): Buffer => {
  // CertificationRequest → certificationRequestInfo → [version, subject, …]
  const node = forge.asn1.fromDer(parseCsr(csrPem).der.toString('binary'));
  const info = (node.value as forge.asn1.Asn1[])[0];
  return Buffer.from(forge.asn1.toDer((info.value as forge.asn1.Asn1[])[1]).getBytes(), 'binary');
};

describe('issued client certificates', () => {
  it('have serial 2, NotBefore = now, NotAfter = now + validity, KeyUsage/EKU/AKI, the CSR key, signed by CN=Kyma', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const emulator = await startEmulator({ now: () => now, validityMs: 2 * 3_600_000 });
    try {
      const info = JSON.parse((await rawRequest(emulator.mintToken('my-app').url, { ca: emulator.serverCaPem })).body);
      const key = keyNamed('pki-app');
      const response = await rawRequest(info.csrUrl, { method: 'POST', body: csrBody(createCsr(kymaSubject(), key)), ca: emulator.serverCaPem });
      assert.equal(response.status, 201, response.body);
      const pem = Buffer.from(JSON.parse(response.body).clientCrt, 'base64').toString();
      const facts = certificateFacts(pem);
      assert.equal(facts.serialNumber, '02');
      assert.equal(facts.notBefore.getTime(), now.getTime());
      assert.equal(facts.notAfter.getTime(), now.getTime() + 2 * 3_600_000);
      assert.equal(facts.issuerText, 'CN=Kyma');
      assert.ok(isIssuedBy(pem, emulator.clientCaPem));
      assert.deepEqual(facts.extKeyUsage, ['1.3.6.1.5.5.7.3.2']);
      assert.equal(facts.isCA, false);
      assert.ok(new X509Certificate(pem).checkPrivateKey(key));

      const cert = forge.pki.certificateFromPem(pem);
      const ca = forge.pki.certificateFromPem(emulator.clientCaPem);
      const keyUsage = cert.getExtension('keyUsage') as { critical: boolean; digitalSignature: boolean; keyCertSign: boolean; keyEncipherment: boolean };
      assert.equal(keyUsage.critical, true);
      assert.equal(keyUsage.digitalSignature, true);
      assert.equal(keyUsage.keyCertSign, false);
      assert.equal(keyUsage.keyEncipherment, false);
      assert.equal(cert.getExtension('basicConstraints'), null);
      const aki = cert.getExtension('authorityKeyIdentifier') as { value: string };
      const ski = ca.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier: string };
      // AKI value = SEQUENCE { [0] keyIdentifier }: the last 20 bytes are the key id.
      assert.equal(forge.util.bytesToHex(aki.value.slice(-20)), ski.subjectKeyIdentifier);
    } finally {
      await emulator.close();
    }
  });

  it('copy the CSR subject verbatim: RDN order, repeated and extra attributes', async () => {
    const emulator = await startEmulator();
    try {
      const subject = REORDERED_SUBJECT_WITH_EXTRAS;
      const csr = createCsr(subject, keyNamed('pki-app'));
      const info = JSON.parse((await rawRequest(emulator.mintToken('my-app').url, { ca: emulator.serverCaPem })).body);
      const response = await rawRequest(info.csrUrl, { method: 'POST', body: csrBody(csr), ca: emulator.serverCaPem });
      const pem = Buffer.from(JSON.parse(response.body).clientCrt, 'base64').toString();
      assert.deepEqual(subjectNameOf(new X509Certificate(pem).raw), SUBJECT_OF_CSR_DER(csr));
      assert.deepEqual(
        certificateFacts(pem).subject.map((a) => a.type),
        subject.map((a) => a.type),
      );
    } finally {
      await emulator.close();
    }
  });
});

describe('server certificate and CAs', () => {
  it('serves a certificate for localhost, 127.0.0.1 and ::1 signed by the server CA; client CA is CN=Kyma', async () => {
    const emulator = await startEmulator();
    try {
      const server = new X509Certificate(await readFile(join(emulator.stateDir, 'server.crt')));
      assert.equal(server.subjectAltName, 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
      assert.ok(server.checkIssued(new X509Certificate(emulator.serverCaPem)));
      assert.ok(server.verify(new X509Certificate(emulator.serverCaPem).publicKey));
      const clientCa = certificateFacts(emulator.clientCaPem);
      assert.equal(clientCa.subjectText, 'CN=Kyma');
      assert.equal(clientCa.isCA, true);
      assert.equal(clientCa.publicKey.bits, 2048);
      assert.equal(await readFile(emulator.serverCaFile, 'utf8'), emulator.serverCaPem);
      assert.equal(await readFile(emulator.clientCaFile, 'utf8'), emulator.clientCaPem);
      // The server CA trusts the HTTPS listener by host name as well.
      const viaName = await rawRequest(emulator.connectorUrl.replace('127.0.0.1', 'localhost') + '/nothing', { ca: emulator.serverCaPem });
      assert.equal(viaName.status, 404);
    } finally {
      await emulator.close();
    }
  });

  it('creates a 4096-bit client CA on request', async () => {
    const emulator = await startEmulator({ caKeyBits: 4096 });
    try {
      assert.equal(certificateFacts(emulator.clientCaPem).publicKey.bits, 4096);
    } finally {
      await emulator.close();
    }
  });
});

describe('state dir', () => {
  it('persists CAs and keys (keys 0600) and reuses them on restart; issued certificates keep working', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wire-state-'));
    try {
      const first = await startEmulator({ stateDir: dir });
      const cert = await first.issueClientCertificate({ application: 'my-app', publicKey: keyNamed('pki-restart') });
      await first.close();
      assert.ok(existsSync(dir), 'a given state dir is not removed on close');
      for (const file of ['server-ca.key', 'server.key', 'client-ca.key']) {
        assert.equal((await stat(join(dir, file))).mode & 0o777, 0o600, file);
      }

      const second = await startEmulator({ stateDir: dir });
      try {
        assert.equal(second.serverCaPem, first.serverCaPem);
        assert.equal(second.clientCaPem, first.clientCaPem);
        const key = keyNamed('pki-restart').export({ type: 'pkcs8', format: 'pem' }) as string;
        const response = await rawRequest(second.infoUrl, { ca: first.serverCaPem, cert: cert.certPem, key });
        assert.equal(response.status, 200, 'a certificate from before the restart is accepted by the same CA');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uses a temp state dir by default and removes it on close', async () => {
    const emulator = await startEmulator();
    assert.ok(existsSync(emulator.serverCaFile));
    await emulator.close();
    assert.equal(existsSync(emulator.stateDir), false);
  });
});

describe('parseDuration', () => {
  it('reads the CLI forms 92d, 2h, 15m, 90s, 500ms and bare milliseconds', () => {
    assert.equal(parseDuration('92d'), 92 * 86_400_000);
    assert.equal(parseDuration('2h'), 7_200_000);
    assert.equal(parseDuration('15m'), 900_000);
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('500ms'), 500);
    assert.equal(parseDuration('250'), 250);
    for (const bad of ['', 'd', '1y', '-1d', '1.5h', '0s']) assert.throws(() => parseDuration(bad), /invalid duration/, bad);
  });
});
