/**
 * Each emulator fault kind, observed through ConnectorClient: what the client reports, or (for certificates that
 * are well-formed but wrong) what a caller can see in the returned certificate before trusting it.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { certificateFacts, isIssuedBy } from '../../../src/core/certificate';
import { createCsr, parseCsr } from '../../../src/core/csr';
import { isKymaCertError } from '../../../src/core/errors';
import { ConnectorClient, IssuedCertificates } from '../../../src/connector';
import { startEmulator, Emulator } from '../../../src/emulator';
import { keyNamed, kymaSubject } from '../helpers/certs';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

const client = (options: { timeoutMs?: number; signal?: AbortSignal } = {}) => new ConnectorClient({ tls: { caPem: emulator.serverCaPem }, ...options });
const csr = () => createCsr(kymaSubject('my-app'), keyNamed('fault-key'));

async function issueWithFault(fault: Parameters<Emulator['injectFault']>[0]): Promise<IssuedCertificates> {
  const { csrUrl } = await client().getSigningRequestInfo(emulator.mintToken('my-app').url);
  emulator.injectFault(fault);
  return client().signCsrWithToken(csrUrl, csr());
}

describe('certificate faults (well-formed answers with a wrong certificate)', () => {
  it('foreign-key: the certificate is not for the CSR key', async () => {
    const certs = await issueWithFault({ endpoint: 'certificates', kind: 'foreign-key' });
    assert.equal(new X509Certificate(certs.clientCrtPem).publicKey.equals(parseCsr(csr()).publicKey), false);
    assert.ok(isIssuedBy(certs.clientCrtPem, certs.caCrtPem));
  });

  it('wrong-subject: the certificate subject is not the one requested', async () => {
    const certs = await issueWithFault({ endpoint: 'certificates', kind: 'wrong-subject' });
    assert.notEqual(certificateFacts(certs.clientCrtPem).subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
  });

  it('expired: NotAfter is already in the past', async () => {
    const certs = await issueWithFault({ endpoint: 'certificates', kind: 'expired' });
    assert.ok(certificateFacts(certs.clientCrtPem).notAfter.getTime() < Date.now());
  });

  it('foreign-ca: signed by another CA, reported consistently; the gateway refuses it', async () => {
    const certs = await issueWithFault({ endpoint: 'certificates', kind: 'foreign-ca' });
    assert.ok(isIssuedBy(certs.clientCrtPem, certs.caCrtPem), 'self-consistent answer');
    assert.notEqual(certs.caCrtPem, emulator.clientCaPem);
    assert.equal(isIssuedBy(certs.clientCrtPem, emulator.clientCaPem), false);
    const mtls = new ConnectorClient({
      tls: { caPem: emulator.serverCaPem, certPem: certs.clientCrtPem, keyPem: keyNamed('fault-key').export({ type: 'pkcs8', format: 'pem' }) as string },
    });
    await assert.rejects(mtls.getManagementInfo(emulator.infoUrl), (e: unknown) => isKymaCertError(e, 'tls'));
  });

  it('foreign-ca with the real caCrt: the client certificate is not issued by the CA in the answer', async () => {
    const certs = await issueWithFault({ endpoint: 'certificates', kind: 'foreign-ca', caCrt: 'real' });
    assert.equal(certs.caCrtPem, emulator.clientCaPem);
    assert.equal(isIssuedBy(certs.clientCrtPem, certs.caCrtPem), false);
  });

  it('bad-chain: crt in the wrong order → the client refuses the answer (server)', async () => {
    await assert.rejects(issueWithFault({ endpoint: 'certificates', kind: 'bad-chain' }), (e: unknown) => {
      assert.ok(isKymaCertError(e, 'server'), String(e));
      assert.equal(e.status, 201);
      assert.match(e.message, /"crt" is not the client certificate followed by the CA/);
      return true;
    });
  });

  it('applies on renewals too, and only to the next issuance', async () => {
    const current = await emulator.issueClientCertificate({ application: 'my-app', publicKey: keyNamed('fault-key') });
    const mtls = new ConnectorClient({
      tls: { caPem: emulator.serverCaPem, certPem: current.certPem, keyPem: keyNamed('fault-key').export({ type: 'pkcs8', format: 'pem' }) as string },
    });
    const renewUrl = `${emulator.gatewayUrl}/v1/applications/certificates/renewals`;
    emulator.injectFault({ endpoint: 'renewals', kind: 'expired' });
    await assert.rejects(mtls.renew(renewUrl, createCsr(kymaSubject('other'), keyNamed('fault-key'))), (e: unknown) => isKymaCertError(e, 'bad-request'));
    assert.equal(emulator.pendingFaults, 1, 'a refused request does not use up a certificate fault');
    assert.ok(certificateFacts((await mtls.renew(renewUrl, csr())).clientCrtPem).notAfter.getTime() < Date.now());
    assert.ok(certificateFacts((await mtls.renew(renewUrl, csr())).clientCrtPem).notAfter.getTime() > Date.now());
  });
});

describe('request faults', () => {
  it('status: 500 JSON error → server', async () => {
    emulator.injectFault({ endpoint: 'any', kind: 'status' });
    await assert.rejects(client().getSigningRequestInfo(emulator.mintToken('my-app').url), (e: unknown) => isKymaCertError(e, 'server') && e.status === 500);
  });

  it('garbage: non-JSON body → server', async () => {
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'garbage' });
    await assert.rejects(
      client().getSigningRequestInfo(emulator.mintToken('my-app').url),
      (e: unknown) => isKymaCertError(e, 'server') && /not JSON/.test(e.message),
    );
  });

  it('delay beyond the client timeout → timeout; the token is still usable afterwards', async () => {
    const { url } = emulator.mintToken('my-app');
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'delay', ms: 60_000 });
    const started = Date.now();
    await assert.rejects(client({ timeoutMs: 300 }).getSigningRequestInfo(url), (e: unknown) => {
      assert.ok(isKymaCertError(e, 'timeout'), String(e));
      assert.match(e.message, /within 300 ms/);
      return true;
    });
    assert.ok(Date.now() - started < 10_000);
    assert.ok((await client().getSigningRequestInfo(url)).csrUrl, 'the delayed request never reached the handler');
  });

  it('delay within the timeout → success', async () => {
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'delay', ms: 50 });
    assert.ok((await client({ timeoutMs: 10_000 }).getSigningRequestInfo(emulator.mintToken('my-app').url)).csrUrl);
  });

  it('drop: connection destroyed without an answer → network', async () => {
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'drop' });
    await assert.rejects(client().getSigningRequestInfo(emulator.mintToken('my-app').url), (e: unknown) => {
      assert.ok(isKymaCertError(e, 'network'), String(e));
      assert.match(e.message, /ECONNRESET/);
      return true;
    });
  });

  it('AbortSignal → cancelled', async () => {
    const controller = new AbortController();
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'delay', ms: 60_000 });
    const pending = client({ signal: controller.signal }).getSigningRequestInfo(emulator.mintToken('my-app').url);
    setImmediate(() => controller.abort());
    await assert.rejects(pending, (e: unknown) => isKymaCertError(e, 'cancelled'));
    await assert.rejects(client({ signal: controller.signal }).getSigningRequestInfo(emulator.mintToken('my-app').url), (e: unknown) =>
      isKymaCertError(e, 'cancelled'),
    );
  });

  it('connection refused → network', async () => {
    await assert.rejects(client().getSigningRequestInfo('https://127.0.0.1:1/v1/applications/signingRequests/info?token=x'), (e: unknown) => {
      assert.ok(isKymaCertError(e, 'network'), String(e));
      assert.match(e.message, /ECONNREFUSED/);
      return true;
    });
  });
});
