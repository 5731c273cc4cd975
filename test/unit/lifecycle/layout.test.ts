import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { renderRenewedCertificateFile } from '../../../src/lifecycle/layout';

let emulator: Emulator;
let oldClient: string;
let oldCa: string;
let newClient: string;
let newCa: string;

before(async () => {
  emulator = await startEmulator();
  const a = await emulator.issueClientCertificate({ application: 'a' });
  const b = await emulator.issueClientCertificate({ application: 'b' });
  [oldClient, oldCa, newClient, newCa] = [a.certPem, a.caPem, b.certPem, b.caPem];
});
after(() => emulator.close());

const der = (pem: string): Buffer => new X509Certificate(pem).raw;
const trim = (pem: string): string => pem.trim();

describe('renderRenewedCertificateFile', () => {
  it('replaces the client block in place and keeps comments and the missing final newline', () => {
    const original = `# my app\n${trim(oldClient)}`;
    const out = renderRenewedCertificateFile({ format: 'pem', data: Buffer.from(original), clientDer: der(oldClient) }, newClient, newCa);
    assert.equal(out.toString(), `# my app\n${trim(newClient)}`);
  });

  it('replaces a CA chain with the new CA and keeps CRLF line endings', () => {
    const crlf = (s: string): string => s.replace(/\n/g, '\r\n');
    const original = crlf(`${trim(oldClient)}\n${trim(oldCa)}\n${trim(oldCa)}\n`);
    const out = renderRenewedCertificateFile({ format: 'pem', data: Buffer.from(original), clientDer: der(oldClient) }, newClient, newCa);
    assert.equal(out.toString(), crlf(`${trim(newClient)}\n${trim(newCa)}\n`));
  });

  it('keeps other blocks (a key in the same file) byte for byte', () => {
    const keyBlock = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----';
    const original = `${keyBlock}\n${trim(oldClient)}\n`;
    const out = renderRenewedCertificateFile({ format: 'pem', data: Buffer.from(original), clientDer: der(oldClient) }, newClient, newCa);
    assert.equal(out.toString(), `${keyBlock}\n${trim(newClient)}\n`);
  });

  it('writes DER for a DER file', () => {
    const out = renderRenewedCertificateFile({ format: 'der', data: der(oldClient), clientDer: der(oldClient) }, newClient, newCa);
    assert.deepEqual(out, der(newClient));
  });
});
