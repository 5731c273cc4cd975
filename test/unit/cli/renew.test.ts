import assert from 'node:assert/strict';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { exitCodeFor, isKymaCertError } from '../../../src/core/errors';
import { listBackups } from '../../../src/lifecycle/backups';
import { renewCertificate } from '../../../src/lifecycle/renew';
import { DAY_MS, makeWorkspace, treeFingerprint } from '../lifecycle/fixtures';
import { startConnectProxy } from '../helpers/connectProxy';
import { emulatorForCliTests, JsonError, parseJson, finished, runCli, startCli } from './run-cli';

const testEmulator = emulatorForCliTests();

describe('kyma-cert renew (dist/cli.js)', () => {
  it('renew --json renews, prints the result on stdout and progress on stderr; a second renew needs no flags', async () => {
    const ws = await makeWorkspace(testEmulator());
    // Only a CA file inside the certificate's folder is remembered (a remembered path may not lead outside it).
    const serverCa = path.join(ws.dir, 'server-ca.pem');
    await fs.copyFile(testEmulator().serverCaFile, serverCa);
    const result = await runCli(['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', testEmulator().infoUrl, '--ca-file', serverCa, '--json']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    const doc = parseJson<{ renewed: { sha256Hex: string; commonName: string }; previous: { sha256Hex: string }; backupFile: string }>(result.stdout);
    assert.equal(doc.previous.sha256Hex, ws.sha256Hex);
    assert.notEqual(doc.renewed.sha256Hex, ws.sha256Hex);
    assert.equal(doc.renewed.commonName, 'my-app');
    assert.match(result.stderr, /Requesting the renewed certificate/);

    // The key is found next to the certificate and the URL and CA file are remembered.
    const again = await runCli(['renew', '--cert', ws.certFile]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^Renewed CN=my-app, valid until /);
  });

  it('renew maps failures to exit codes and --json errors, leaving files alone', async () => {
    const ws = await makeWorkspace(testEmulator());
    const base = ['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--ca-file', testEmulator().serverCaFile, '--json'];
    const before = await treeFingerprint(ws.dir);

    const noUrl = await runCli(base);
    assert.equal(noUrl.code, 2);
    const err = parseJson<JsonError>(noUrl.stdout).error;
    assert.equal(err.kind, 'config');
    assert.match(err.hint ?? '', /--info-url/);

    testEmulator().injectFault({ endpoint: 'renewals', kind: 'wrong-subject' });
    const bad = await runCli([...base, '--info-url', testEmulator().infoUrl]);
    assert.equal(bad.code, exitCodeFor('verification'));
    assert.equal(parseJson<JsonError>(bad.stdout).error.kind, 'verification');

    testEmulator().injectFault({ endpoint: 'renewals', kind: 'status', status: 500 });
    const server = await runCli([...base, '--info-url', testEmulator().infoUrl]);
    assert.equal(server.code, exitCodeFor('server'));

    testEmulator().injectFault({ endpoint: 'renewals', kind: 'delay', ms: 60_000 });
    const slow = await runCli([...base, '--info-url', testEmulator().infoUrl, '--timeout', '2.5']);
    assert.equal(slow.code, exitCodeFor('timeout'));
    assert.equal(parseJson<JsonError>(slow.stdout).error.kind, 'timeout');

    const human = await runCli(['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', 'http://example.invalid/x']);
    assert.equal(human.code, 2);
    assert.match(human.stderr, /^kyma-cert: .*https/m);
    assert.equal(human.stdout, '');

    assert.deepEqual(await treeFingerprint(ws.dir), before);
  });

  it('renew refuses an expired certificate with exit 4 and the token hint', async () => {
    const ws = await makeWorkspace(testEmulator(), { notBefore: new Date(Date.now() - 10 * DAY_MS), validityMs: DAY_MS });
    const result = await runCli(['renew', '--cert', ws.certFile, '--info-url', testEmulator().infoUrl, '--ca-file', testEmulator().serverCaFile]);
    assert.equal(result.code, 4);
    assert.match(result.stderr, /expired/);
    assert.match(result.stderr, /hint: .*token/);
  });

  it('--insecure works without a CA file and warns on stderr', async () => {
    const ws = await makeWorkspace(testEmulator());
    const result = await runCli(['renew', '--cert', ws.certFile, '--info-url', testEmulator().infoUrl, '--insecure']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: --insecure/);
    const untrusted = await runCli(['renew', '--cert', ws.certFile, '--info-url', testEmulator().infoUrl, '--json']);
    assert.equal(untrusted.code, exitCodeFor('untrusted-server'));
  });

  it('a renewal in another process holds the lock: ours fails with locked, exactly one renewal happens', async () => {
    const ws = await makeWorkspace(testEmulator());
    // Keep the child's renewal request open long enough for our attempt; the child's first progress line is
    // printed while it holds the lock, so that is the moment to try.
    testEmulator().injectFault({ endpoint: 'renewals', kind: 'delay', ms: 1500 });
    const child = startCli(['renew', '--cert', ws.certFile, '--info-url', testEmulator().infoUrl, '--ca-file', testEmulator().serverCaFile]);
    const done = finished(child);
    await once(child.stderr!, 'data');
    await assert.rejects(
      renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: testEmulator().infoUrl, caFile: testEmulator().serverCaFile }),
      (e: unknown) => isKymaCertError(e, 'locked'),
    );
    const result = await done;
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await listBackups(ws.certFile)).length, 1);
  });

  it('renew --proxy goes through the CONNECT proxy with the bundle as shipped (tunnel loaded on demand, axios without its own proxy code)', async () => {
    const ws = await makeWorkspace(testEmulator());
    const proxy = await startConnectProxy();
    try {
      const args = ['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', testEmulator().infoUrl, '--ca-file', testEmulator().serverCaFile];
      const result = await runCli([...args, '--proxy', proxy.url, '--json']);
      assert.equal(result.code, 0, result.stderr + result.stdout);
      assert.notEqual(parseJson<{ renewed: { sha256Hex: string } }>(result.stdout).renewed.sha256Hex, ws.sha256Hex);
      const gateway = new URL(testEmulator().infoUrl).host;
      // management/info and the renewal (one kept-alive tunnel), then the check with the new certificate.
      assert.ok(proxy.tunnels.length >= 2, `tunnels: ${proxy.tunnels.map((t) => t.target).join(', ')}`);
      assert.ok(proxy.tunnels.every((t) => t.target === gateway));
      assert.deepEqual(proxy.plainRequests, []);
    } finally {
      await proxy.close();
    }
  });
});
