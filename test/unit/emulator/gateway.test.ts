/**
 * The mTLS gateway of the emulator with raw HTTPS requests: identity from the client certificate (through the
 * synthesised XFCC), management/info, renewal (check order), revocation, and refusal at the TLS handshake.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { certificateFacts } from '../../../src/core/certificate';
import { createCsr } from '../../../src/core/csr';
import { startEmulator, Emulator, IssuedClientCertificate } from '../../../src/emulator';
import { DAY_MS, keyNamed, kymaSubject } from '../helpers/certs';
import { csrBody, errorBody, JSON_CONTENT_TYPE, jsonBody, rawRequest } from './support';

let emulator: Emulator;
let appCert: IssuedClientCertificate;

before(async () => {
  emulator = await startEmulator();
  appCert = await emulator.issueClientCertificate({ application: 'my-app', publicKey: keyNamed('gw-app') });
});
after(() => emulator.close());

const RENEWALS = () => `${emulator.gatewayUrl}/v1/applications/certificates/renewals`;
const REVOCATIONS = () => `${emulator.gatewayUrl}/v1/applications/certificates/revocations`;

function withCert(cert: { certPem: string }, keyName: string) {
  const key = keyNamed(keyName).export({ type: 'pkcs8', format: 'pem' }) as string;
  return {
    get: (url: string) => rawRequest(url, { ca: emulator.serverCaPem, cert: cert.certPem, key }),
    post: (url: string, body?: string) => rawRequest(url, { method: 'POST', body, ca: emulator.serverCaPem, cert: cert.certPem, key }),
  };
}

describe('management/info', () => {
  it('answers 200 with identity from the certificate CN and the subject rebuilt from the server config', async () => {
    const body = jsonBody(await withCert(appCert, 'gw-app').get(emulator.infoUrl), 200);
    assert.deepEqual(Object.keys(body), ['clientIdentity', 'urls', 'certificate']);
    assert.deepEqual(body.clientIdentity, { application: 'my-app' });
    assert.deepEqual(Object.keys(body.urls), ['eventsInfoUrl', 'eventsUrl', 'metadataUrl', 'renewCertUrl', 'revokeCertUrl']);
    assert.equal(body.urls.renewCertUrl, RENEWALS());
    assert.equal(body.urls.revokeCertUrl, REVOCATIONS());
    assert.deepEqual(body.certificate, {
      subject: 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app',
      extensions: '',
      'key-algorithm': 'rsa2048',
    });
  });

  it('rebuilds the subject even when the certificate carries extra attributes', async () => {
    const subject = [...kymaSubject('extra-app'), { type: 'emailAddress', value: 'a@b.c' }];
    const cert = await emulator.issueClientCertificate({ subject, publicKey: keyNamed('gw-extra') });
    const body = JSON.parse((await withCert(cert, 'gw-extra').get(emulator.infoUrl)).body);
    assert.equal(body.certificate.subject, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=extra-app');
  });

  it('answers 400 "Invalid certificate: …" when no subject matches the configured O/OU/L/ST/C or CN is empty', async () => {
    const other = await emulator.issueClientCertificate({
      subject: [...kymaSubject('x').filter((a) => a.type !== 'O'), { type: 'O', value: 'Other' }],
      publicKey: keyNamed('gw-other'),
    });
    const response = await withCert(other, 'gw-other').get(emulator.infoUrl);
    assert.equal(response.status, 400);
    assert.equal(response.body, errorBody(400, 'Invalid certificate: Failed to get certificate subject from header.'));
    const noCn = await emulator.issueClientCertificate({ subject: kymaSubject('x').filter((a) => a.type !== 'CN'), publicKey: keyNamed('gw-nocn') });
    const empty = await withCert(noCn, 'gw-nocn').get(emulator.infoUrl);
    assert.equal(empty.body, errorBody(400, 'Invalid certificate: Empty Common Name in certificate header'));
  });
});

describe('renewals', () => {
  it('issues 201 for a CSR with the management/info subject and any key; the new certificate works', async () => {
    const newKey = keyNamed('gw-renewed');
    const response = await withCert(appCert, 'gw-app').post(RENEWALS(), csrBody(createCsr(kymaSubject('my-app'), newKey)));
    assert.equal(response.status, 201, response.body);
    const body = JSON.parse(response.body);
    assert.deepEqual(Object.keys(body), ['crt', 'clientCrt', 'caCrt']);
    const renewed = { certPem: Buffer.from(body.clientCrt, 'base64').toString() };
    assert.equal(certificateFacts(renewed.certPem).subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
    assert.equal((await withCert(renewed, 'gw-renewed').get(emulator.infoUrl)).status, 200);
    assert.equal((await withCert(appCert, 'gw-app').get(emulator.infoUrl)).status, 200, 'the old certificate stays usable');
  });

  it('validates the CSR against CN of the presented certificate', async () => {
    const response = await withCert(appCert, 'gw-app').post(RENEWALS(), csrBody(createCsr(kymaSubject('someone-else'), keyNamed('gw-app'))));
    assert.equal(response.body, errorBody(400, 'CSR: Invalid common name provided.'));
  });

  it('checks identity (400) before revocation (403) before the body (500)', async () => {
    const other = await emulator.issueClientCertificate({ subject: [{ type: 'CN', value: 'x' }], publicKey: keyNamed('gw-order') });
    emulator.revokeHash(other.sha256Hex);
    assert.equal((await withCert(other, 'gw-order').post(RENEWALS(), 'not json')).status, 400);

    const revoked = await emulator.issueClientCertificate({ application: 'order-app', publicKey: keyNamed('gw-order') });
    emulator.revokeHash(revoked.sha256Hex);
    const response = await withCert(revoked, 'gw-order').post(RENEWALS(), 'not json');
    assert.equal(response.body, errorBody(403, 'Certificate has been revoked.'));
  });
});

describe('revocation', () => {
  it('self-revocation: 201 empty body, idempotent; renewal 403 afterwards, management/info still 200', async () => {
    const cert = await emulator.issueClientCertificate({ application: 'rev-app', publicKey: keyNamed('gw-rev') });
    const client = withCert(cert, 'gw-rev');
    for (let i = 0; i < 2; i++) {
      const response = await client.post(REVOCATIONS());
      assert.equal(response.status, 201);
      assert.equal(response.body, '');
      assert.equal(response.headers['content-type'], JSON_CONTENT_TYPE);
    }
    assert.ok(emulator.isRevoked(new X509Certificate(cert.certPem).fingerprint256.replace(/:/g, '').toLowerCase()));
    const renewal = await client.post(RENEWALS(), csrBody(createCsr(kymaSubject('rev-app'), keyNamed('gw-rev'))));
    assert.equal(renewal.status, 403);
    assert.equal(renewal.body, errorBody(403, 'Certificate has been revoked.'));
    assert.equal((await client.get(emulator.infoUrl)).status, 200);
  });

  it('revocation by hash on the internal API blocks renewal of that certificate only', async () => {
    const first = await emulator.issueClientCertificate({ application: 'hash-app', publicKey: keyNamed('gw-hash') });
    const second = await emulator.issueClientCertificate({ application: 'hash-app', publicKey: keyNamed('gw-hash'), notBefore: new Date(Date.now() - 5000) });
    const revoke = await rawRequest(`${emulator.internalUrl}/v1/applications/certificates/revocations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ hash: certificateFacts(first.certPem).sha256Hex }),
    });
    assert.equal(revoke.status, 201);
    const csr = csrBody(createCsr(kymaSubject('hash-app'), keyNamed('gw-hash')));
    assert.equal((await withCert(first, 'gw-hash').post(RENEWALS(), csr)).status, 403);
    assert.equal((await withCert(second, 'gw-hash').post(RENEWALS(), csr)).status, 201);
  });
});

describe('TLS refusal (before any HTTP)', () => {
  const refused = async (request: Promise<unknown>) => {
    const error = await request.then(
      () => assert.fail('the gateway answered'),
      (e: NodeJS.ErrnoException) => e,
    );
    return error.code;
  };

  it('refuses an expired client certificate at the handshake', async () => {
    const expired = await emulator.issueClientCertificate({
      application: 'my-app',
      publicKey: keyNamed('gw-expired'),
      notBefore: new Date(Date.now() - 2 * DAY_MS),
      validityMs: DAY_MS,
    });
    assert.equal(await refused(withCert(expired, 'gw-expired').get(emulator.infoUrl)), 'ECONNRESET');
  });

  it('refuses a certificate from another CA and a missing certificate', async () => {
    const other = await startEmulator();
    try {
      const foreign = await other.issueClientCertificate({ application: 'my-app', publicKey: keyNamed('gw-foreign') });
      assert.equal(await refused(withCert(foreign, 'gw-foreign').get(emulator.infoUrl)), 'ECONNRESET');
    } finally {
      await other.close();
    }
    const code = await refused(rawRequest(emulator.infoUrl, { ca: emulator.serverCaPem }));
    // TLS 1.2: OpenSSL itself refuses (no certificate) with a handshake_failure alert → EPROTO.
    assert.equal(code, 'EPROTO');
  });
});
