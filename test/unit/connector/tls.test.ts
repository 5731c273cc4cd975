/**
 * TLS behaviour of ConnectorClient against the emulator: server trust (CA file, system roots kept, insecure) and the
 * gateway refusing the client certificate, as Node actually reports it (reset, no alert; see EmulatorOptions).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { after, before, describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { ConnectorClient } from '../../../src/connector';
import { agentFor } from '../../../src/connector/agent';
import { firstTrust, secureContextFor, secureContextOptions } from '../../../src/connector/tls';
import { startEmulator, Emulator, IssuedClientCertificate } from '../../../src/emulator';
import { DAY_MS, keyNamed } from '../helpers/certs';

const execFileAsync = promisify(execFile);

let emulator: Emulator;
let other: Emulator;
let expired: IssuedClientCertificate;
let foreign: IssuedClientCertificate;

before(async () => {
  [emulator, other] = await Promise.all([startEmulator(), startEmulator()]);
  expired = await emulator.issueClientCertificate({
    application: 'my-app',
    publicKey: keyNamed('tls-key'),
    notBefore: new Date(Date.now() - 2 * DAY_MS),
    validityMs: DAY_MS,
  });
  foreign = await other.issueClientCertificate({ application: 'my-app', publicKey: keyNamed('tls-key') });
});
after(() => Promise.all([emulator.close(), other.close()]));

const keyPem = () => keyNamed('tls-key').export({ type: 'pkcs8', format: 'pem' }) as string;

describe('server trust', () => {
  it('rejects the self-signed cluster without a CA file → untrusted-server, remedy: pass the CA file', async () => {
    await assert.rejects(new ConnectorClient().getSigningRequestInfo(emulator.mintToken('my-app').url), (e: unknown) => {
      assert.ok(isKymaCertError(e, 'untrusted-server'), String(e));
      assert.match(e.message, /UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
      assert.equal(e.remedy?.kind, 'pass-ca-file');
      return true;
    });
  });

  it('trusts the server with caPem (also by host name, SNI), and with insecure', async () => {
    const viaCa = new ConnectorClient({ tls: { caPem: emulator.serverCaPem } });
    assert.ok((await viaCa.getSigningRequestInfo(emulator.mintToken('my-app').url)).csrUrl);
    const byName = emulator.mintToken('my-app').url.replace('127.0.0.1', 'localhost');
    assert.ok((await viaCa.getSigningRequestInfo(byName)).csrUrl);
    const insecure = new ConnectorClient({ tls: { insecure: true } });
    assert.ok((await insecure.getSigningRequestInfo(emulator.mintToken('my-app').url)).csrUrl);
  });

  it('with a CA file, verifies against that CA alone first (no system root store to build); stays there once it verifies', async () => {
    const options = { caPem: emulator.serverCaPem };
    const client = new ConnectorClient({ tls: options });
    const url = new URL(emulator.mintToken('my-app').url);
    assert.equal(firstTrust(options, url.host), 'ca');
    assert.ok((await client.getSigningRequestInfo(url.href)).csrUrl);
    assert.equal(firstTrust(options, url.host), 'ca', 'verified by the CA file: no reason to widen');
    assert.equal(firstTrust({}, url.host), 'roots-and-ca', 'without a CA file: the system roots');
  });

  it('keeps the system roots trusted with a CA file: a chain only a system root verifies is retried with roots + CA', async () => {
    // The system roots of a child process get the emulator's CA through NODE_EXTRA_CA_CERTS; its CA file is another
    // cluster's. Verified against the CA file alone the handshake fails; the retry with the roots succeeds.
    const dir = await mkdtemp(path.join(tmpdir(), 'kyma-cert-roots-'));
    try {
      const rootFile = path.join(dir, 'system-root.crt');
      await writeFile(rootFile, emulator.serverCaPem);
      const script = `
        const { ConnectorClient } = require(${JSON.stringify(require.resolve('../../../src/connector'))});
        const { firstTrust } = require(${JSON.stringify(require.resolve('../../../src/connector/tls'))});
        const options = { caPem: process.env.OTHER_CA };
        const host = new URL(process.env.TOKEN_URL).host;
        new ConnectorClient({ tls: options }).getSigningRequestInfo(process.env.TOKEN_URL).then(
          (info) => console.log(JSON.stringify({ ok: Boolean(info.csrUrl), nextTrust: firstTrust(options, host) })),
          (e) => console.log(JSON.stringify({ error: String(e) })),
        );`;
      const env = { ...process.env, NODE_EXTRA_CA_CERTS: rootFile, OTHER_CA: other.serverCaPem, TOKEN_URL: emulator.mintToken('my-app').url };
      const { stdout } = await execFileAsync(process.execPath, ['-e', script], { env });
      assert.deepEqual(JSON.parse(stdout), { ok: true, nextTrust: 'roots-and-ca' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does not trust a CA file of another cluster', async () => {
    const wrongCa = new ConnectorClient({ tls: { caPem: other.serverCaPem } });
    await assert.rejects(wrongCa.getSigningRequestInfo(emulator.mintToken('my-app').url), (e: unknown) => isKymaCertError(e, 'untrusted-server'));
  });

  it('starts from the system roots (no CA list re-parsed), verifies by default, keeps connections alive', async () => {
    const options = secureContextOptions({ caPem: emulator.serverCaPem });
    assert.equal(options.ca, undefined, 'caPem is added to the shared root store, not passed as a CA list');
    assert.equal(options.minVersion, 'TLSv1.2');
    const verified = (await agentFor({ caPem: emulator.serverCaPem }, new URL('https://gateway.local.kyma.dev/x'))).options;
    assert.equal(verified.rejectUnauthorized, true);
    assert.equal(verified.keepAlive, true);
    assert.equal(verified.servername, undefined, "per request: Node's agent sends SNI for names, never for IP literals");
    assert.equal((await agentFor({ insecure: true }, new URL('https://[::1]:8443/x'))).options.rejectUnauthorized, false);
  });

  it('caches one TLS context and one agent per (CA, certificate, key, insecure)', async () => {
    const a = { caPem: emulator.serverCaPem, certPem: expired.certPem, keyPem: keyPem() };
    assert.equal(secureContextFor(a), secureContextFor({ ...a }), 'same inputs → the same context');
    assert.notEqual(secureContextFor(a), secureContextFor({ ...a, certPem: foreign.certPem }));
    const url = new URL(emulator.infoUrl);
    assert.equal(await agentFor(a, url), await agentFor({ ...a }, url));
    assert.notEqual(await agentFor(a, url), await agentFor({ ...a, insecure: true }, url), 'insecure never shares a verifying agent');
  });

  it('requests with the same credentials share one TLS connection', async () => {
    const client = await emulator.issueClientCertificate({ application: 'keep-alive-app', publicKey: keyNamed('tls-key') });
    const connector = new ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: client.certPem, keyPem: keyPem() } });
    const sockets = new Set<unknown>();
    const onResponse = (message: unknown): void => void sockets.add((message as { request: { socket: unknown } }).request.socket);
    subscribe('http.client.response.finish', onResponse);
    try {
      await connector.getManagementInfo(emulator.infoUrl);
      await connector.getManagementInfo(emulator.infoUrl);
      await connector.getManagementInfo(emulator.infoUrl);
    } finally {
      unsubscribe('http.client.response.finish', onResponse);
    }
    const connections = sockets.size;
    assert.equal(connections, 1, 'three requests, one connection (one TLS handshake)');
  });

  it('reports unusable TLS inputs as config without echoing them', async () => {
    const client = new ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: 'garbage-cert', keyPem: 'SECRET-KEY-MATERIAL' } });
    await assert.rejects(client.getManagementInfo(emulator.infoUrl), (e: unknown) => {
      assert.ok(isKymaCertError(e, 'config'), String(e));
      assert.ok(!e.message.includes('SECRET'));
      return true;
    });
  });
});

describe('client certificate refused by the gateway', () => {
  it('expired client certificate → reset during the handshake → expired, with the new-certificate remedy', async () => {
    const client = new ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: expired.certPem, keyPem: keyPem() } });
    await assert.rejects(client.getManagementInfo(emulator.infoUrl), (e: unknown) => {
      assert.ok(isKymaCertError(e, 'expired'), String(e));
      assert.equal(e.status, undefined, 'no HTTP answer at all');
      assert.equal(e.remedy?.kind, 'new-certificate-with-token');
      return true;
    });
  });

  it('certificate from another CA → reset during the TLS 1.2 handshake → tls, with the new-certificate remedy', async () => {
    const client = new ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: foreign.certPem, keyPem: keyPem() } });
    await assert.rejects(client.getManagementInfo(emulator.infoUrl), (e: unknown) => {
      assert.ok(isKymaCertError(e, 'tls'), String(e));
      assert.match(e.message, /ECONNRESET/);
      assert.equal(e.remedy?.kind, 'new-certificate-with-token');
      return true;
    });
  });

  it('with TLS 1.3 on the gateway: expired is still recognised; a foreign CA looks like a reset (network + remedy)', async () => {
    const tls13 = await startEmulator({ stateDir: undefined, gatewayMaxTlsVersion: 'TLSv1.3' });
    try {
      const old = await tls13.issueClientCertificate({
        application: 'my-app',
        publicKey: keyNamed('tls-key'),
        notBefore: new Date(Date.now() - 2 * DAY_MS),
        validityMs: DAY_MS,
      });
      const expiredClient = new ConnectorClient({ tls: { caPem: tls13.serverCaPem, certPem: old.certPem, keyPem: keyPem() } });
      await assert.rejects(expiredClient.getManagementInfo(tls13.infoUrl), (e: unknown) => isKymaCertError(e, 'expired'));
      const foreignClient = new ConnectorClient({ tls: { caPem: tls13.serverCaPem, certPem: foreign.certPem, keyPem: keyPem() } });
      await assert.rejects(foreignClient.getManagementInfo(tls13.infoUrl), (e: unknown) => {
        assert.ok(isKymaCertError(e, 'network'), String(e));
        assert.deepEqual(e.remedy, { kind: 'check-network', data: { maybeRejected: true } });
        return true;
      });
    } finally {
      await tls13.close();
    }
  });
});
