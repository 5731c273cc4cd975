/**
 * ConnectorClient against a running emulator over loopback TLS: every endpoint's success shape, the request the
 * client puts on the wire, and the full onboarding → renewal → revocation cycle.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { certificateFacts, isIssuedBy } from '../../../src/core/certificate';
import { createCsr, parseCsr } from '../../../src/core/csr';
import { isKymaCertError } from '../../../src/core/errors';
import { ConnectorClient } from '../../../src/connector';
import { startEmulator, Emulator } from '../../../src/emulator';
import { keyNamed, kymaSubject } from '../helpers/certs';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

const pem = (name: string) => keyNamed(name).export({ type: 'pkcs8', format: 'pem' }) as string;
const tokenClient = () => new ConnectorClient({ tls: { caPem: emulator.serverCaPem } });

describe('ConnectorClient endpoints', () => {
  it('getSigningRequestInfo returns the info object with csrUrl and the subject to request', async () => {
    const info = await tokenClient().getSigningRequestInfo(emulator.mintToken('my-app').url);
    assert.match(info.csrUrl, /\/v1\/applications\/certificates\?token=[A-Za-z0-9_-]{86}==$/);
    assert.deepEqual(info.certificate, {
      subject: 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app',
      extensions: '',
      'key-algorithm': 'rsa2048',
    });
    assert.equal(info.api.infoUrl, emulator.infoUrl);
  });

  it('signCsrWithToken returns the decoded PEMs: crt = client + CA, client issued by the CA for the CSR key', async () => {
    const info = await tokenClient().getSigningRequestInfo(emulator.mintToken('my-app').url);
    const certs = await tokenClient().signCsrWithToken(info.csrUrl, createCsr(kymaSubject(), keyNamed('client-app')));
    assert.equal(certs.caCrtPem, emulator.clientCaPem);
    assert.equal(certs.crtPem, certs.clientCrtPem + certs.caCrtPem);
    assert.ok(isIssuedBy(certs.clientCrtPem, certs.caCrtPem));
    assert.equal(certificateFacts(certs.clientCrtPem).subjectConnector, info.certificate.subject);
  });

  it('runs the whole cycle: management/info → renew (new key) → revoke → renewal refused as revoked', async () => {
    const first = await emulator.issueClientCertificate({ application: 'cycle-app', publicKey: keyNamed('cycle-1') });
    const mtls = new ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: first.certPem, keyPem: pem('cycle-1') } });
    const management = await mtls.getManagementInfo(emulator.infoUrl);
    assert.deepEqual(management.clientIdentity, { application: 'cycle-app' });
    assert.equal(management.urls.renewCertUrl, `${emulator.gatewayUrl}/v1/applications/certificates/renewals`);
    assert.equal(management.urls.revokeCertUrl, `${emulator.gatewayUrl}/v1/applications/certificates/revocations`);

    const csr = createCsr(kymaSubject('cycle-app'), keyNamed('cycle-2'));
    const renewed = await mtls.renew(management.urls.renewCertUrl, csr);
    assert.ok(new X509Certificate(renewed.clientCrtPem).publicKey.equals(parseCsr(csr).publicKey), 'certificate for the CSR key');

    const second = new ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: renewed.clientCrtPem, keyPem: pem('cycle-2') } });
    assert.equal((await second.getManagementInfo(emulator.infoUrl)).clientIdentity.application, 'cycle-app');

    await second.revoke(management.urls.revokeCertUrl);
    await second.revoke(management.urls.revokeCertUrl); // idempotent
    assert.ok(emulator.isRevoked(certificateFacts(renewed.clientCrtPem).sha256Hex));
    await assert.rejects(second.renew(management.urls.renewCertUrl, csr), (e: unknown) => {
      assert.ok(isKymaCertError(e, 'revoked'));
      assert.equal(e.status, 403);
      assert.equal(e.serverMessage, 'Certificate has been revoked.');
      assert.equal(e.remedy?.kind, 'new-certificate-with-token');
      return true;
    });
    assert.equal((await second.getManagementInfo(emulator.infoUrl)).clientIdentity.application, 'cycle-app', 'revoked still reads management/info');
    assert.ok((await mtls.renew(management.urls.renewCertUrl, csr)).clientCrtPem, 'the predecessor is not affected');
  });

  it('refuses mTLS calls without a client certificate and non-https URLs before any request (config)', async () => {
    await assert.rejects(tokenClient().getManagementInfo(emulator.infoUrl), (e: unknown) => isKymaCertError(e, 'config'));
    await assert.rejects(tokenClient().getSigningRequestInfo(`${emulator.internalUrl}/v1/applications/tokens`), (e: unknown) => isKymaCertError(e, 'config'));
    await assert.rejects(tokenClient().getSigningRequestInfo('not a url'), (e: unknown) => isKymaCertError(e, 'config'));
  });
});

describe('what the client puts on the wire', () => {
  it('sends the token URL unchanged and {"csr": one-line base64 of the PEM} as JSON', async () => {
    // A TLS server with the emulator's own server certificate records the raw request.
    const server = https.createServer({
      key: await readFile(join(emulator.stateDir, 'server.key')),
      cert: await readFile(join(emulator.stateDir, 'server.crt')),
    });
    const seen: Array<{ url: string; body: string; headers: Record<string, unknown> }> = [];
    server.on('request', (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', body, headers: req.headers });
        res.writeHead(403, { 'Content-Type': 'application/json;charset=UTF-8' }).end('{"code":403,"error":"Invalid token."}\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const token = 'h31IwJiLNjnbqIwTPnzLuNmFYsCZeUtVbUvYL2hVNh6kOqFlW9zkHnzxYFCpCExBZ_voGzUo6IVS_ExlZd4muQ==';
      await assert.rejects(tokenClient().getSigningRequestInfo(`${base}/v1/applications/signingRequests/info?token=${token}`));
      const csr = createCsr(kymaSubject(), keyNamed('client-app'));
      await assert.rejects(tokenClient().signCsrWithToken(`${base}/v1/applications/certificates?token=${token}`, csr));
      assert.equal(seen[0].url, `/v1/applications/signingRequests/info?token=${token}`);
      assert.equal(seen[1].url, `/v1/applications/certificates?token=${token}`);
      assert.equal(seen[1].headers['content-type'], 'application/json');
      assert.equal(seen[1].body, JSON.stringify({ csr: Buffer.from(csr).toString('base64') }));
      assert.ok(!seen[1].body.includes('\n'));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
