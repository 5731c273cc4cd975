/**
 * Corporate proxies (issue 8 item 6): the proxy rules, and renewal through a real CONNECT proxy on loopback. The
 * proxy must see only `CONNECT host:port` and TLS records: never the key, the certificate request or any request line.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { cliRemedyText } from '../../../src/cli/remedies';
import { isKymaCertError } from '../../../src/core/errors';
import { ConnectorClient } from '../../../src/connector';
import { proxyFor } from '../../../src/connector/proxy';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { renewCertificate } from '../../../src/lifecycle/renew';
import { ensureCliBuilt, runCli } from '../cli/run-cli';
import { startConnectProxy } from '../helpers/connectProxy';
import { makeWorkspace, steppingClock, treeFingerprint } from '../lifecycle/fixtures';

const target = (url: string): URL => new URL(url);

describe('which proxy applies', () => {
  const env = { HTTPS_PROXY: 'http://proxy.corp:3128' };
  it('takes https_proxy before HTTPS_PROXY before http_proxy/HTTP_PROXY; a URL without scheme is http', () => {
    assert.equal(proxyFor(target('https://gw.example.com/x'), {}, env)?.href, 'http://proxy.corp:3128/');
    assert.equal(proxyFor(target('https://gw.example.com/x'), {}, { ...env, https_proxy: 'http://lower:1' })?.host, 'lower:1');
    assert.equal(proxyFor(target('https://gw.example.com/x'), {}, { HTTP_PROXY: 'plain.corp:8080' })?.href, 'http://plain.corp:8080/');
    assert.equal(proxyFor(target('https://gw.example.com/x'), {}, {}), undefined);
  });

  it('honours NO_PROXY (exact, domain suffix with or without dot/star, host:port, *) and the settings list', () => {
    const gw = target('https://gateway.kyma.example.com:8443/x');
    for (const noProxy of [
      'gateway.kyma.example.com',
      'example.com',
      '.example.com',
      '*.example.com',
      'gateway.kyma.example.com:8443',
      '*',
      'a.org, example.com',
    ]) {
      assert.equal(proxyFor(gw, {}, { ...env, NO_PROXY: noProxy }), undefined, noProxy);
      assert.equal(proxyFor(gw, {}, { ...env, no_proxy: noProxy }), undefined, `lower-case ${noProxy}`);
    }
    for (const noProxy of ['ample.com', 'gateway.kyma.example.com:443', 'other.example.com']) {
      assert.ok(proxyFor(gw, {}, { ...env, NO_PROXY: noProxy }), `${noProxy} must not bypass`);
    }
    assert.equal(proxyFor(gw, { url: 'http://vscode.proxy:1', noProxy: ['kyma.example.com'] }, {}), undefined);
    assert.equal(proxyFor(target('https://10.1.2.3/x'), {}, { ...env, NO_PROXY: '10.1.2.3' }), undefined);
  });

  it('sends loopback targets direct unless the proxy was given explicitly for them', () => {
    for (const url of ['https://127.0.0.1:1/x', 'https://localhost/x', 'https://[::1]:8/x', 'https://api.localhost/x']) {
      assert.equal(proxyFor(target(url), {}, env), undefined, url);
      assert.ok(proxyFor(target(url), { url: env.HTTPS_PROXY, includeLoopback: true }, {}), url);
    }
    assert.equal(proxyFor(target('https://127.0.0.1/x'), { url: env.HTTPS_PROXY, includeLoopback: true }, { NO_PROXY: '127.0.0.1' }), undefined);
  });

  it('an explicit empty proxy means direct; a SOCKS proxy is a clear config error', () => {
    assert.equal(proxyFor(target('https://gw.example.com/x'), { url: '' }, env), undefined);
    assert.throws(
      () => proxyFor(target('https://gw.example.com/x'), { url: 'socks5://p:1080' }, {}),
      (e: unknown) => isKymaCertError(e, 'config'),
    );
  });
});

describe('through a real CONNECT proxy', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ now: steppingClock() });
  });
  after(() => emulator.close());

  it('renews end-to-end through the tunnel: the proxy sees CONNECT to the gateway and TLS bytes, never the key or a request', async () => {
    const proxy = await startConnectProxy();
    try {
      const ws = await makeWorkspace(emulator, { application: 'proxied-app' });
      const result = await renewCertificate({
        certFile: ws.certFile,
        keyFile: ws.keyFile,
        infoUrl: emulator.infoUrl,
        caFile: emulator.serverCaFile,
        proxy: { url: proxy.url, includeLoopback: true },
      });
      assert.notEqual(result.renewed.sha256Hex, ws.sha256Hex);
      const gateway = new URL(emulator.gatewayUrl).host;
      assert.ok(proxy.tunnels.length >= 2, `old and new certificate each need a tunnel (${proxy.tunnels.length})`);
      assert.deepEqual([...new Set(proxy.tunnels.map((t) => t.target))], [gateway], 'only CONNECTs to the gateway');
      assert.deepEqual(proxy.plainRequests, []);
      const keyPem = await fs.readFile(ws.keyFile, 'utf8');
      const keyBody = keyPem
        .split('\n')
        .filter((l) => l && !l.startsWith('-----'))
        .join('');
      const keyDer = Buffer.from(keyBody, 'base64');
      for (const tunnel of proxy.tunnels) {
        const bytes = Buffer.concat(tunnel.clientBytes);
        assert.equal(bytes[0], 0x16, 'the first byte in the tunnel is a TLS handshake record');
        const text = bytes.toString('latin1');
        for (const secret of ['management/info', 'renewals', 'BEGIN CERTIFICATE REQUEST', 'PRIVATE KEY', keyBody.slice(0, 40)]) {
          assert.ok(!text.includes(secret), `the proxy must not see "${secret.slice(0, 20)}…"`);
        }
        assert.equal(bytes.indexOf(keyDer.subarray(0, 64)), -1, 'no key bytes in the tunnel');
      }
    } finally {
      await proxy.close();
    }
  });

  it('kyma-cert renew --proxy URL tunnels even to a loopback gateway; HTTPS_PROXY alone leaves loopback direct', async () => {
    ensureCliBuilt();
    const proxy = await startConnectProxy();
    try {
      const ws = await makeWorkspace(emulator, { application: 'proxied-app' });
      const args = ['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile, '--json'];
      const viaEnv = await runCli(args, undefined, { HTTPS_PROXY: proxy.url, NO_PROXY: '' });
      assert.equal(viaEnv.code, 0, viaEnv.stderr);
      assert.equal(proxy.tunnels.length, 0, 'loopback bypasses an environment proxy');
      const viaFlag = await runCli([...args, '--proxy', proxy.url], undefined, { NO_PROXY: '' });
      assert.equal(viaFlag.code, 0, viaFlag.stderr);
      assert.ok(proxy.tunnels.length >= 2);
    } finally {
      await proxy.close();
    }
  });

  it('sends proxy credentials on CONNECT only; a proxy that needs them → network error saying so, files untouched', async () => {
    const proxy = await startConnectProxy({
      answer: (req) => (req.headers['proxy-authorization'] === `Basic ${Buffer.from('alice:s3cret').toString('base64')}` ? undefined : 407),
    });
    try {
      const ws = await makeWorkspace(emulator, { application: 'proxied-app' });
      const request = { certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile };
      const before = await treeFingerprint(ws.dir);
      await assert.rejects(renewCertificate({ ...request, proxy: { url: proxy.url, includeLoopback: true } }), (e: unknown) => {
        assert.ok(isKymaCertError(e, 'network'), String(e));
        assert.match(e.message, /proxy 127\.0\.0\.1:\d+ answered 407/);
        assert.deepEqual(e.remedy, { kind: 'check-proxy', data: { status: 407 } });
        assert.match(cliRemedyText(e.remedy!), /authentication/);
        return true;
      });
      assert.deepEqual(await treeFingerprint(ws.dir), before);
      const withCredentials = proxy.url.replace('http://', 'http://alice:s3cret@');
      await renewCertificate({ ...request, proxy: { url: withCredentials, includeLoopback: true } });
      assert.ok(proxy.tunnels.some((t) => t.headers['proxy-authorization']));
      for (const t of proxy.tunnels) assert.ok(!Buffer.concat(t.clientBytes).toString('latin1').includes('s3cret'), 'credentials never inside the tunnel');
    } finally {
      await proxy.close();
    }
  });

  it('a proxy that refuses CONNECT (403) is a proxy error, not the service saying "revoked"', async () => {
    const proxy = await startConnectProxy({ answer: () => 403 });
    try {
      const client = new ConnectorClient({ tls: { caPem: emulator.serverCaPem, proxy: { url: proxy.url, includeLoopback: true } } });
      await assert.rejects(client.getSigningRequestInfo(emulator.mintToken('my-app').url), (e: unknown) => {
        assert.ok(isKymaCertError(e, 'network'), String(e));
        assert.equal(e.status, undefined, 'not an HTTP answer of the Connector Service');
        assert.match(e.message, /proxy 127\.0\.0\.1:\d+ answered 403 to CONNECT 127\.0\.0\.1:\d+/);
        assert.deepEqual(e.remedy, { kind: 'check-proxy', data: { status: 403 } });
        assert.match(cliRemedyText(e.remedy!), /NO_PROXY/);
        return true;
      });
    } finally {
      await proxy.close();
    }
  });

  it('HTTPS_PROXY from the environment: used for names, bypassed for loopback and for NO_PROXY; verification stays on', async () => {
    const gatewayPort = new URL(emulator.connectorUrl).port; // the token host: no client certificate needed
    const proxy = await startConnectProxy({ resolve: () => '127.0.0.1' });
    const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTPS_PROXY = proxy.url;
    try {
      const client = new ConnectorClient({ tls: { caPem: emulator.serverCaPem } });
      // A name only the proxy can resolve: the request goes through it, and TLS still checks the name (the
      // emulator's certificate is for loopback names only), so the tunnel ends in an untrusted-server error.
      await assert.rejects(client.getSigningRequestInfo(`https://connector.kyma.test:${gatewayPort}/x`), (e: unknown) =>
        isKymaCertError(e, 'untrusted-server'),
      );
      assert.deepEqual(
        proxy.tunnels.map((t) => t.target),
        [`connector.kyma.test:${gatewayPort}`],
      );

      process.env.NO_PROXY = '.kyma.test';
      await assert.rejects(client.getSigningRequestInfo(`https://connector.kyma.test:${gatewayPort}/x`), (e: unknown) => isKymaCertError(e, 'network'));
      assert.equal(proxy.tunnels.length, 1, 'NO_PROXY: direct (and the name does not resolve here)');

      assert.ok((await client.getSigningRequestInfo(emulator.mintToken('my-app').url)).csrUrl, 'loopback: direct');
      assert.equal(proxy.tunnels.length, 1);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await proxy.close();
    }
  });
});
