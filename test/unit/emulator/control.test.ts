/**
 * Emulator-only control routes on the internal listener (for demos, benchmarks and tests in other processes),
 * and fault validation.
 */
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { certificateFacts, isIssuedBy } from '../../../src/core/certificate';
import { startEmulator, Emulator } from '../../../src/emulator';
import { DAY_MS, keyNamed, kymaSubject } from '../helpers/certs';
import { rawRequest } from './support';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

const postJson = (path: string, body: unknown) =>
  rawRequest(`${emulator.internalUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /emulator/faults', () => {
  it('queues a fault that the next matching request consumes', async () => {
    const queued = await postJson('/emulator/faults', { endpoint: 'signingRequestInfo', kind: 'status', status: 503 });
    assert.equal(queued.status, 201);
    assert.equal(emulator.pendingFaults, 1);
    const { url } = emulator.mintToken('my-app');
    const faulted = await rawRequest(url, { ca: emulator.serverCaPem });
    assert.equal(faulted.status, 503);
    assert.equal(JSON.parse(faulted.body).code, 503);
    assert.equal(emulator.pendingFaults, 0);
    assert.equal((await rawRequest(url, { ca: emulator.serverCaPem })).status, 200, 'consumed once, token untouched');
  });

  it('rejects invalid faults with 400 and a readable message', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ endpoint: 'nowhere', kind: 'drop' }, /unknown fault endpoint/],
      [{ endpoint: 'any', kind: 'explode' }, /unknown fault kind/],
      [{ endpoint: 'managementInfo', kind: 'expired' }, /only applies to an issuing endpoint/],
      [{ endpoint: 'any', kind: 'delay' }, /needs "ms"/],
      ['[1]', /JSON object/],
    ];
    for (const [fault, message] of cases) {
      const response = await postJson('/emulator/faults', fault);
      assert.equal(response.status, 400);
      assert.match(JSON.parse(response.body).error, message);
    }
    assert.throws(() => emulator.injectFault({ endpoint: 'revocations', kind: 'bad-chain' }), /issuing endpoint/);
    assert.equal(emulator.pendingFaults, 0);
  });
});

describe('POST /emulator/certificates', () => {
  it('issues a client certificate for a public key with the requested application and validity window', async () => {
    const publicKeyPem = createPublicKey(keyNamed('control-key')).export({ type: 'spki', format: 'pem' }) as string;
    const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - DAY_MS);
    const response = await postJson('/emulator/certificates', {
      publicKeyPem,
      application: 'bench-app',
      validityMs: 3_600_000,
      notBefore: notBefore.toISOString(),
    });
    assert.equal(response.status, 201, response.body);
    const body = JSON.parse(response.body);
    assert.deepEqual(Object.keys(body), ['crt', 'clientCrt', 'caCrt']);
    const pem = Buffer.from(body.clientCrt, 'base64').toString();
    const facts = certificateFacts(pem);
    assert.equal(facts.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=bench-app');
    assert.equal(facts.notBefore.getTime(), notBefore.getTime());
    assert.equal(facts.notAfter.getTime(), notBefore.getTime() + 3_600_000);
    assert.ok(isIssuedBy(pem, emulator.clientCaPem));
  });

  it('accepts a connector-form subject and refuses requests without a public key', async () => {
    const publicKeyPem = createPublicKey(keyNamed('control-key')).export({ type: 'spki', format: 'pem' }) as string;
    const response = await postJson('/emulator/certificates', { publicKeyPem, subject: 'O=Other,CN=x' });
    assert.equal(certificateFacts(Buffer.from(JSON.parse(response.body).clientCrt, 'base64').toString()).subjectConnector, 'O=Other,CN=x');
    const missing = await postJson('/emulator/certificates', { application: 'x' });
    assert.equal(missing.status, 400);
    assert.match(JSON.parse(missing.body).error, /publicKeyPem/);
  });
});

describe('lifecycle and configuration', () => {
  it('close() clears pending delay timers and drops the delayed requests', async () => {
    const delayed = await startEmulator();
    delayed.injectFault({ endpoint: 'signingRequestInfo', kind: 'delay', ms: 10 * 60_000 });
    const pending = rawRequest(delayed.mintToken('my-app').url, { ca: delayed.serverCaPem }).then(
      () => 'answered',
      (e: NodeJS.ErrnoException) => e.code,
    );
    // Wait until the request is being held (its fault consumed), then close.
    while (delayed.pendingFaults > 0) await new Promise((resolve) => setImmediate(resolve));
    const started = Date.now();
    await delayed.close();
    assert.equal(await pending, 'ECONNRESET');
    assert.ok(Date.now() - started < 5_000, 'close does not wait for the delay');
  });

  it('uses the configured subject defaults for info, the CSR check and the gateway identity', async () => {
    const custom = await startEmulator({ subject: { O: 'Acme', C: 'PL' } });
    try {
      const info = JSON.parse((await rawRequest(custom.mintToken('app').url, { ca: custom.serverCaPem })).body);
      assert.equal(info.certificate.subject, 'O=Acme,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=PL,CN=app');
      const key = keyNamed('control-key').export({ type: 'pkcs8', format: 'pem' }) as string;
      const matching = await custom.issueClientCertificate({ application: 'app', publicKey: keyNamed('control-key') });
      assert.equal(certificateFacts(matching.certPem).subjectConnector, 'O=Acme,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=PL,CN=app');
      const ok = await rawRequest(custom.infoUrl, { ca: custom.serverCaPem, cert: matching.certPem, key });
      assert.equal(JSON.parse(ok.body).clientIdentity.application, 'app');
      const kymaDefault = await custom.issueClientCertificate({ subject: kymaSubject('app'), publicKey: keyNamed('control-key') });
      const refused = await rawRequest(custom.infoUrl, { ca: custom.serverCaPem, cert: kymaDefault.certPem, key });
      assert.equal(JSON.parse(refused.body).error, 'Invalid certificate: Failed to get certificate subject from header.');
    } finally {
      await custom.close();
    }
  });
});
