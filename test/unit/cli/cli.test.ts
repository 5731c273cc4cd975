import assert from 'node:assert/strict';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitCodeFor, isKymaCertError } from '../../../src/core/errors';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { listBackups } from '../../../src/lifecycle/backups';
import { renewCertificate } from '../../../src/lifecycle/renew';
import { DAY_MS, makeWorkspace, steppingClock, tempDir, treeFingerprint } from '../lifecycle/fixtures';
import { ensureCliBuilt, finished, runCli, startCli } from './run-cli';

let emulator: Emulator;

before(async () => {
  ensureCliBuilt();
  emulator = await startEmulator({ now: steppingClock() });
});
after(() => emulator.close());

interface JsonError {
  error: { kind: string; message: string; hint?: string };
}

function parseJson<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

describe('kyma-cert (dist/cli.js)', () => {
  it('prints help with exit 0, and exits 2 on no or unknown command', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /renew/);
    assert.equal((await runCli([])).code, 2);
    const unknown = await runCli(['frobnicate', '--json']);
    assert.equal(unknown.code, 2);
    assert.equal(parseJson<JsonError>(unknown.stdout).error.kind, 'config');
    const badFlag = await runCli(['renew', '--cert', 'x', '--bogus']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /bogus/);
  });

  it('inspect lists every certificate of every file with days left and state', async () => {
    const ws = await makeWorkspace(emulator, { layout: 'chain' });
    const other = await makeWorkspace(emulator, { notBefore: new Date(Date.now() - 10 * DAY_MS), validityMs: DAY_MS });
    const result = await runCli(['inspect', ws.certFile, other.certFile, '--json']);
    assert.equal(result.code, 0, result.stderr);
    const doc = parseJson<{ files: Array<{ file: string; certificates: Array<{ commonName?: string; state: string; daysLeft: number; isCA: boolean }> }> }>(
      result.stdout,
    );
    assert.equal(doc.files.length, 2);
    assert.equal(doc.files[0].certificates.length, 2);
    assert.equal(doc.files[0].certificates[0].commonName, 'my-app');
    assert.equal(doc.files[0].certificates[0].state, 'valid');
    assert.equal(doc.files[0].certificates[0].daysLeft, 90);
    assert.equal(doc.files[0].certificates[1].isCA, true);
    assert.equal(doc.files[1].certificates[0].state, 'expired');

    const human = await runCli(['inspect', ws.certFile]);
    assert.equal(human.code, 0);
    assert.match(human.stdout, /CN=my-app/);
    assert.match(human.stdout, /expires in 90 days/);

    const junk = path.join(ws.dir, 'junk.crt');
    await fs.writeFile(junk, 'not a certificate');
    const bad = await runCli(['inspect', junk]);
    assert.equal(bad.code, exitCodeFor('parse'));
  });

  it('renew --json renews, prints the result on stdout and progress on stderr; a second renew needs no flags', async () => {
    const ws = await makeWorkspace(emulator);
    const result = await runCli(['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile, '--json']);
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
    const ws = await makeWorkspace(emulator);
    const base = ['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--ca-file', emulator.serverCaFile, '--json'];
    const before = await treeFingerprint(ws.dir);

    const noUrl = await runCli(base);
    assert.equal(noUrl.code, 2);
    const err = parseJson<JsonError>(noUrl.stdout).error;
    assert.equal(err.kind, 'config');
    assert.match(err.hint ?? '', /--info-url/);

    emulator.injectFault({ endpoint: 'renewals', kind: 'wrong-subject' });
    const bad = await runCli([...base, '--info-url', emulator.infoUrl]);
    assert.equal(bad.code, exitCodeFor('verification'));
    assert.equal(parseJson<JsonError>(bad.stdout).error.kind, 'verification');

    emulator.injectFault({ endpoint: 'renewals', kind: 'status', status: 500 });
    const server = await runCli([...base, '--info-url', emulator.infoUrl]);
    assert.equal(server.code, exitCodeFor('server'));

    emulator.injectFault({ endpoint: 'renewals', kind: 'delay', ms: 60_000 });
    const slow = await runCli([...base, '--info-url', emulator.infoUrl, '--timeout', '2.5']);
    assert.equal(slow.code, exitCodeFor('timeout'));
    assert.equal(parseJson<JsonError>(slow.stdout).error.kind, 'timeout');

    const human = await runCli(['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', 'http://example.invalid/x']);
    assert.equal(human.code, 2);
    assert.match(human.stderr, /^kyma-cert: .*https/m);
    assert.equal(human.stdout, '');

    assert.deepEqual(await treeFingerprint(ws.dir), before);
  });

  it('renew refuses an expired certificate with exit 4 and the token hint', async () => {
    const ws = await makeWorkspace(emulator, { notBefore: new Date(Date.now() - 10 * DAY_MS), validityMs: DAY_MS });
    const result = await runCli(['renew', '--cert', ws.certFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile]);
    assert.equal(result.code, 4);
    assert.match(result.stderr, /expired/);
    assert.match(result.stderr, /hint: .*token/);
  });

  it('--insecure works without a CA file and warns on stderr', async () => {
    const ws = await makeWorkspace(emulator);
    const result = await runCli(['renew', '--cert', ws.certFile, '--info-url', emulator.infoUrl, '--insecure']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: --insecure/);
    const untrusted = await runCli(['renew', '--cert', ws.certFile, '--info-url', emulator.infoUrl, '--json']);
    assert.equal(untrusted.code, exitCodeFor('untrusted-server'));
  });

  it('revoke refuses without a terminal unless --yes; after revoking, renew exits 4 (revoked)', async () => {
    const ws = await makeWorkspace(emulator);
    const args = ['revoke', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile];
    const refused = await runCli(args);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--yes/);
    assert.equal(emulator.isRevoked(ws.sha256Hex), false);

    const revoked = await runCli([...args, '--yes', '--json']);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(parseJson<{ sha256Hex: string }>(revoked.stdout).sha256Hex, ws.sha256Hex);
    assert.ok(emulator.isRevoked(ws.sha256Hex));

    const renew = await runCli(['renew', '--cert', ws.certFile, '--json']);
    assert.equal(renew.code, 4);
    const err = parseJson<JsonError>(renew.stdout).error;
    assert.equal(err.kind, 'revoked');
    assert.match(err.hint ?? '', /token/);
  });

  it('issue writes a certificate from a token; a used token exits 4 with nothing written', async () => {
    const { url } = emulator.mintToken('my-app');
    const dir = await tempDir();
    const ok = await runCli(['issue', '--token-url', url, '--out-dir', dir, '--name', 'my-app', '--ca-file', emulator.serverCaFile, '--json']);
    assert.equal(ok.code, 0, ok.stderr);
    const doc = parseJson<{ certFile: string; keyFile: string }>(ok.stdout);
    assert.equal(doc.certFile, path.join(dir, 'my-app.crt'));
    assert.equal((await fs.stat(doc.keyFile)).mode & 0o777, 0o600);

    const empty = await tempDir();
    const used = await runCli(['issue', '--token-url', url, '--out-dir', empty, '--ca-file', emulator.serverCaFile, '--json']);
    assert.equal(used.code, 4);
    assert.equal(parseJson<JsonError>(used.stdout).error.kind, 'invalid-token');
    assert.deepEqual(await fs.readdir(empty), []);
  });

  it('restore puts the previous certificate back', async () => {
    const ws = await makeWorkspace(emulator);
    await renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile });
    const list = await runCli(['restore', '--cert', ws.certFile, '--list', '--json']);
    assert.equal(parseJson<{ backups: unknown[] }>(list.stdout).backups.length, 1);
    const result = await runCli(['restore', '--cert', ws.certFile, '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(parseJson<{ restored: { sha256Hex: string } }>(result.stdout).restored.sha256Hex, ws.sha256Hex);
  });

  it('a renewal in another process holds the lock: ours fails with locked, exactly one renewal happens', async () => {
    const ws = await makeWorkspace(emulator);
    // Keep the child's renewal request open long enough for our attempt; the child's first progress line is
    // printed while it holds the lock, so that is the moment to try.
    emulator.injectFault({ endpoint: 'renewals', kind: 'delay', ms: 1500 });
    const child = startCli(['renew', '--cert', ws.certFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile]);
    const done = finished(child);
    await once(child.stderr!, 'data');
    await assert.rejects(
      renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile }),
      (e: unknown) => isKymaCertError(e, 'locked'),
    );
    const result = await done;
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await listBackups(ws.certFile)).length, 1);
  });
});

describe('kyma-cert emulator + the other subcommands, end to end', () => {
  it('serves a token, an issue, an inspect, a revocation and a refused renewal across processes; stops on SIGTERM', async () => {
    const server = startCli(['emulator']);
    const serverDone = finished(server);
    const [line] = (await once(server.stdout!, 'data')) as [Buffer];
    const ready = JSON.parse(line.toString().split('\n')[0]) as { internalUrl: string; infoUrl: string; serverCaFile: string };

    const tokenResponse = await fetch(`${ready.internalUrl}/v1/applications/tokens`, { method: 'POST', headers: { Application: 'e2e-app', 'Content-Type': 'application/json' } });
    assert.equal(tokenResponse.status, 201);
    const { url } = (await tokenResponse.json()) as { url: string };

    const dir = await tempDir();
    const issued = await runCli(['issue', '--token-url', url, '--out-dir', dir, '--ca-file', ready.serverCaFile]);
    assert.equal(issued.code, 0, issued.stderr);
    const certFile = path.join(dir, 'client.crt');
    const inspected = await runCli(['inspect', certFile, path.join(dir, 'client-ca.crt')]);
    assert.equal(inspected.code, 0);
    assert.match(inspected.stdout, /CN=e2e-app/);
    // Everything else comes from the remembered connection and the key next to the certificate.
    const revoked = await runCli(['revoke', '--cert', certFile, '--yes']);
    assert.equal(revoked.code, 0, revoked.stderr);
    const renewed = await runCli(['renew', '--cert', certFile, '--json']);
    assert.equal(renewed.code, exitCodeFor('revoked'));
    assert.equal(parseJson<JsonError>(renewed.stdout).error.kind, 'revoked');

    server.kill('SIGTERM');
    const stopped = await serverDone;
    assert.equal(stopped.code, 0, stopped.stderr);
  });
});
