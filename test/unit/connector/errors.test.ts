/**
 * Every error the emulator implements, seen through ConnectorClient as a typed KymaCertError (kind, status,
 * the service's message verbatim, an actionable remedy), plus the mapping of TLS alerts a real Istio/Envoy gateway
 * sends but a Node server cannot.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCsr } from '../../../src/core/csr';
import type { DnAttribute } from '../../../src/core/dn';
import { ErrorKind, isKymaCertError, KymaCertError } from '../../../src/core/errors';
import { ConnectorClient } from '../../../src/connector';
import { errorFromResponse, errorFromTransport, TransportContext } from '../../../src/connector/errors';
import { startEmulator, Emulator } from '../../../src/emulator';
import { keyNamed, kymaSubject } from '../helpers/certs';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

const client = () => new ConnectorClient({ tls: { caPem: emulator.serverCaPem } });
const csrUrl = async () => (await client().getSigningRequestInfo(emulator.mintToken('my-app').url)).csrUrl;

async function expectError(promise: Promise<unknown>, kind: ErrorKind, status?: number, serverMessage?: string): Promise<KymaCertError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(isKymaCertError(e), String(e));
    assert.equal(e.kind, kind, e.message);
    assert.equal(e.status, status);
    if (serverMessage !== undefined) assert.equal(e.serverMessage, serverMessage);
    return e;
  }
  return assert.fail('expected a KymaCertError');
}

function subjectWith(type: string, value: string | undefined): DnAttribute[] {
  const rest = kymaSubject('my-app').filter((a) => a.type !== type);
  return value === undefined ? rest : [...rest, { type, value }];
}

describe('HTTP errors from the emulator', () => {
  it('403 token messages → invalid-token with "ask Kyma for a new token"', async () => {
    const used = emulator.mintToken('my-app').url;
    await client().getSigningRequestInfo(used);
    const e = await expectError(client().getSigningRequestInfo(used), 'invalid-token', 403, 'Invalid token.');
    assert.equal(e.remedy?.kind, 'new-token');
    assert.ok(!e.message.includes('token='), 'the token stays out of the message');
    await expectError(
      client().getSigningRequestInfo(`${emulator.connectorUrl}/v1/applications/signingRequests/info`),
      'invalid-token',
      403,
      'Token not provided.',
    );
    await expectError(
      client().signCsrWithToken(`${emulator.connectorUrl}/v1/applications/certificates?token=nope`, 'x'),
      'invalid-token',
      403,
      'Invalid token.',
    );
  });

  it('400 PEM / CSR parse / signature errors → bad-request with the service text', async () => {
    const url = await csrUrl();
    await expectError(client().signCsrWithToken(url, 'not a pem'), 'bad-request', 400, 'Error while decoding pem block.');
    const notCsr = '-----BEGIN CERTIFICATE REQUEST-----\nMAMCAQA=\n-----END CERTIFICATE REQUEST-----\n';
    const parse = await expectError(client().signCsrWithToken(url, notCsr), 'bad-request', 400);
    assert.match(parse.serverMessage ?? '', /^Error while parsing CSR: /);
    const der = Buffer.from(createCsr(kymaSubject(), keyNamed('err-key')).replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 1] ^= 1;
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    await expectError(client().signCsrWithToken(url, tampered), 'bad-request', 400, 'CSR signature invalid: crypto/rsa: verification error');
  });

  it('400 "CSR: …" subject errors → bad-request with a hint about the expected subject', async () => {
    const url = await csrUrl();
    const cases: Array<[DnAttribute[], string]> = [
      [subjectWith('CN', 'other'), 'CSR: Invalid common name provided.'],
      [subjectWith('C', undefined), 'CSR: No country provided.'],
      [subjectWith('C', 'PL'), 'CSR: Invalid country provided.'],
      [subjectWith('O', undefined), 'CSR: No organization provided.'],
      [subjectWith('O', 'x'), 'CSR: Invalid organization provided.'],
      [subjectWith('OU', undefined), 'CSR: No organizational unit provided.'],
      [subjectWith('OU', 'x'), 'CSR: Invalid organizational unit provided.'],
      [subjectWith('L', undefined), 'CSR: No locality provided.'],
      [subjectWith('L', 'x'), 'CSR: Invalid locality provided.'],
      [subjectWith('ST', undefined), 'CSR: No province provided.'],
      [subjectWith('ST', 'x'), 'CSR: Invalid province provided.'],
    ];
    for (const [subject, message] of cases) {
      const e = await expectError(client().signCsrWithToken(url, createCsr(subject, keyNamed('err-key'))), 'bad-request', 400, message);
      assert.match(e.hint ?? '', /certificate\.subject/);
    }
  });

  it('400 "Invalid certificate: …" on the gateway → bad-request', async () => {
    const other = await emulator.issueClientCertificate({ subject: subjectWith('O', 'Other'), publicKey: keyNamed('err-other') });
    const mtls = new ConnectorClient({
      tls: { caPem: emulator.serverCaPem, certPem: other.certPem, keyPem: keyNamed('err-other').export({ type: 'pkcs8', format: 'pem' }) as string },
    });
    await expectError(mtls.getManagementInfo(emulator.infoUrl), 'bad-request', 400, 'Invalid certificate: Failed to get certificate subject from header.');
  });

  it('404 unknown path and 405 wrong method → config ("use the URLs the service returned")', async () => {
    const e = await expectError(client().getSigningRequestInfo(`${emulator.connectorUrl}/v1/nothing`), 'config', 404, 'Requested resource could not be found.');
    assert.equal(e.remedy?.kind, 'check-url');
    await expectError(client().signCsrWithToken(emulator.mintToken('x').url, 'x'), 'config', 405, 'Method not allowed.');
  });

  it('5xx → server, keeping status and message', async () => {
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'status', status: 500, message: 'Failed to resolve token.' });
    await expectError(client().getSigningRequestInfo(emulator.mintToken('x').url), 'server', 500, 'Failed to resolve token.');
    const url = await csrUrl();
    emulator.injectFault({ endpoint: 'certificates', kind: 'status', status: 503 });
    await expectError(client().signCsrWithToken(url, createCsr(kymaSubject(), keyNamed('err-key'))), 'server', 503);
  });

  it('non-JSON bodies and 2xx answers with missing fields → server', async () => {
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'garbage' });
    await expectError(client().getSigningRequestInfo(emulator.mintToken('x').url), 'server', 200);
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'garbage', status: 502 });
    await expectError(client().getSigningRequestInfo(emulator.mintToken('x').url), 'server', 502);
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'garbage', body: '{"api":{},"certificate":{"subject":"CN=x"}}' });
    const missing = await expectError(client().getSigningRequestInfo(emulator.mintToken('x').url), 'server', 200);
    assert.match(missing.message, /csrUrl/);
    const url = await csrUrl();
    emulator.injectFault({ endpoint: 'certificates', kind: 'garbage', status: 201, body: '{"crt":"QUJD","clientCrt":"QUJD","caCrt":"QUJD"}' });
    const notPem = await expectError(client().signCsrWithToken(url, createCsr(kymaSubject(), keyNamed('err-key'))), 'server', 201);
    assert.match(notPem.message, /no PEM certificate/);
  });
});

describe('mapping of what only a real gateway produces', () => {
  const context: TransportContext = {
    operation: 'Renewing the certificate',
    url: 'https://gateway.example/v1/applications/certificates/renewals?token=secret',
    withClientCertificate: true,
    handshakeCompleted: true,
    clientCertificateExpired: false,
    timedOut: false,
    cancelled: false,
    timeoutMs: 30_000,
  };
  const transport = (code: string, extra: Partial<TransportContext> = {}) =>
    errorFromTransport(Object.assign(new Error(`failure ${code}`), { code }), { ...context, ...extra });

  it('maps Envoy alerts: certificate_expired → expired; unknown_ca / bad_certificate / certificate_required → tls', () => {
    assert.equal(transport('ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED').kind, 'expired');
    for (const code of ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'EPROTO']) {
      const e = transport(code);
      assert.equal(e.kind, 'tls', code);
      assert.deepEqual(e.remedy, { kind: 'new-certificate-with-token', data: { reason: 'rejected' } });
    }
  });

  it('maps server-certificate verification failures to untrusted-server with the pass-ca-file remedy', () => {
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      const e = transport(code, { withClientCertificate: false });
      assert.equal(e.kind, 'untrusted-server', code);
      assert.equal(e.remedy?.kind, 'pass-ca-file');
    }
  });

  it('maps socket errors to network, and never shows the query string', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET']) {
      const e = transport(code, { withClientCertificate: false });
      assert.equal(e.kind, 'network', code);
      assert.ok(!e.message.includes('secret'));
    }
  });

  it('maps error bodies that are not the service shape conservatively', () => {
    assert.equal(errorFromResponse('x', 404, '<html>').kind, 'config');
    assert.equal(errorFromResponse('x', 500, '').kind, 'server');
    assert.equal(errorFromResponse('x', 403, '{"code":403,"error":"RBAC: access denied"}').kind, 'bad-request');
  });
});
