/**
 * Issue 7, row 17: the emulator is a test tool for this machine. It refuses a non-loopback listen address unless
 * `--listen-any` is given (and then warns), and its unauthenticated internal API refuses what a web page could send
 * it: a cross-origin `text/plain` POST (no CORS preflight needed) gets 415, any request carrying `Origin` gets 403.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { exitCodeFor, isKymaCertError } from '../../../src/core/errors';
import { isLoopbackHost, startEmulator, type Emulator } from '../../../src/emulator/server';
import { ensureCliBuilt, runCliWithin, startCli } from '../cli/run-cli';
import { rawRequest } from './support';

let emulator: Emulator;
before(async () => {
  ensureCliBuilt();
  emulator = await startEmulator();
});
after(() => emulator.close());

const publicKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('emulator listen address', () => {
  it('knows loopback from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['0.0.0.0', '::', '', '10.0.0.1', '192.168.1.5', 'example.com', '::ffff:10.0.0.1']) assert.ok(!isLoopbackHost(host), host);
  });

  it('startEmulator refuses 0.0.0.0 without listenAny', async () => {
    await assert.rejects(startEmulator({ host: '0.0.0.0' }), (e: unknown) => isKymaCertError(e, 'config') && /loopback/.test(e.message));
  });

  it('kyma-cert emulator --host 0.0.0.0 exits with a config error and listens nowhere', async () => {
    const result = await runCliWithin(['emulator', '--host', '0.0.0.0'], { timeoutMs: 20_000 });
    assert.equal(result.code, exitCodeFor('config'));
    assert.match(result.stderr, /not a loopback address/);
    assert.match(result.stderr, /--listen-any/);
    assert.equal(result.stdout, '');
  });

  it('--listen-any listens on 0.0.0.0 and warns on stderr', async () => {
    const child = startCli(['emulator', '--host', '0.0.0.0', '--listen-any']);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    try {
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const ready = JSON.parse(line) as { internalUrl: string };
      assert.match(ready.internalUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(stderr, /warning: --listen-any: .*0\.0\.0\.0/);
    } finally {
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    }
  });
});

describe('emulator internal API refuses browser requests', () => {
  const issue = (headers: Record<string, string>) =>
    rawRequest(`${emulator.internalUrl}/emulator/certificates`, { method: 'POST', headers, body: JSON.stringify({ publicKeyPem, application: 'web' }) });

  it('a text/plain POST (what a page can send cross-origin without preflight) gets 415 and issues nothing', async () => {
    const refused = await issue({ 'Content-Type': 'text/plain' });
    assert.equal(refused.status, 415);
    assert.equal(JSON.parse(refused.body).crt, undefined);
    assert.equal((await issue({})).status, 415);
    assert.equal((await issue({ 'Content-Type': 'application/x-www-form-urlencoded' })).status, 415);
    const tokens = await rawRequest(`${emulator.internalUrl}/v1/applications/tokens`, {
      method: 'POST',
      headers: { Application: 'web', 'Content-Type': 'text/plain' },
    });
    assert.equal(tokens.status, 415);
    const revoke = await rawRequest(`${emulator.internalUrl}/v1/applications/certificates/revocations`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"hash":"feed"}',
    });
    assert.equal(revoke.status, 415);
    assert.equal(emulator.isRevoked('feed'), false);
  });

  it('a request with an Origin header gets 403 even as JSON; plain JSON from a script works', async () => {
    assert.equal((await issue({ 'Content-Type': 'application/json', Origin: 'http://evil.example' })).status, 403);
    const ok = await issue({ 'Content-Type': 'application/json; charset=utf-8' });
    assert.equal(ok.status, 201, ok.body);
  });
});
