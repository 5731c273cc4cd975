import assert from 'node:assert/strict';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { exitCodeFor } from '../../../src/core/errors';
import { renewCertificate } from '../../../src/lifecycle/renew';
import { makeWorkspace, tempDir } from '../lifecycle/fixtures';
import { emulatorForCliTests, JsonError, parseJson, finished, runCli, startCli } from './run-cli';

const testEmulator = emulatorForCliTests();

describe('kyma-cert revoke, issue, restore (dist/cli.js)', () => {
  it('revoke refuses without a terminal unless --yes; after revoking, renew exits 4 (revoked)', async () => {
    const ws = await makeWorkspace(testEmulator());
    const args = ['revoke', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', testEmulator().infoUrl, '--ca-file', testEmulator().serverCaFile];
    const refused = await runCli(args);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--yes/);
    assert.equal(testEmulator().isRevoked(ws.sha256Hex), false);

    const revoked = await runCli([...args, '--yes', '--json']);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(parseJson<{ sha256Hex: string }>(revoked.stdout).sha256Hex, ws.sha256Hex);
    assert.ok(testEmulator().isRevoked(ws.sha256Hex));

    // The URL and the key come from the remembered connection; the CA file outside the folder is not remembered.
    const renew = await runCli(['renew', '--cert', ws.certFile, '--ca-file', testEmulator().serverCaFile, '--json']);
    assert.equal(renew.code, 4);
    const err = parseJson<JsonError>(renew.stdout).error;
    assert.equal(err.kind, 'revoked');
    assert.match(err.hint ?? '', /token/);
  });

  it('issue writes a certificate from a token; a used token exits 4 with nothing written', async () => {
    const { url } = testEmulator().mintToken('my-app');
    const dir = await tempDir();
    const ok = await runCli(['issue', '--token-url', url, '--out-dir', dir, '--name', 'my-app', '--ca-file', testEmulator().serverCaFile, '--json']);
    assert.equal(ok.code, 0, ok.stderr);
    const doc = parseJson<{ certFile: string; keyFile: string }>(ok.stdout);
    assert.equal(doc.certFile, path.join(dir, 'my-app.crt'));
    assert.equal((await fs.stat(doc.keyFile)).mode & 0o777, 0o600);

    const empty = await tempDir();
    const used = await runCli(['issue', '--token-url', url, '--out-dir', empty, '--ca-file', testEmulator().serverCaFile, '--json']);
    assert.equal(used.code, 4);
    assert.equal(parseJson<JsonError>(used.stdout).error.kind, 'invalid-token');
    assert.deepEqual(await fs.readdir(empty), []);
  });

  it('restore puts the previous certificate back', async () => {
    const ws = await makeWorkspace(testEmulator());
    await renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: testEmulator().infoUrl, caFile: testEmulator().serverCaFile });
    const list = await runCli(['restore', '--cert', ws.certFile, '--list', '--json']);
    assert.equal(parseJson<{ backups: unknown[] }>(list.stdout).backups.length, 1);
    const result = await runCli(['restore', '--cert', ws.certFile, '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(parseJson<{ restored: { sha256Hex: string } }>(result.stdout).restored.sha256Hex, ws.sha256Hex);
  });
});

describe('kyma-cert emulator + the other subcommands, end to end', () => {
  it('serves a token, an issue, an inspect, a revocation and a refused renewal across processes; stops on SIGTERM', async () => {
    const server = startCli(['emulator']);
    const serverDone = finished(server);
    const [line] = (await once(server.stdout!, 'data')) as [Buffer];
    const ready = JSON.parse(line.toString().split('\n')[0]) as { internalUrl: string; infoUrl: string; serverCaFile: string };

    const tokenResponse = await fetch(`${ready.internalUrl}/v1/applications/tokens`, {
      method: 'POST',
      headers: { Application: 'e2e-app', 'Content-Type': 'application/json' },
    });
    assert.equal(tokenResponse.status, 201);
    const { url } = (await tokenResponse.json()) as { url: string };

    const dir = await tempDir();
    const issued = await runCli(['issue', '--token-url', url, '--out-dir', dir, '--ca-file', ready.serverCaFile]);
    assert.equal(issued.code, 0, issued.stderr);
    const certFile = path.join(dir, 'client.crt');
    const inspected = await runCli(['inspect', certFile, path.join(dir, 'client-ca.crt')]);
    assert.equal(inspected.code, 0);
    assert.match(inspected.stdout, /CN=e2e-app/);
    // The URL comes from the remembered connection and the key from next to the certificate; the server CA lies
    // outside the folder, so it is not remembered (a remembered path may not lead outside) and is passed again.
    const revoked = await runCli(['revoke', '--cert', certFile, '--yes', '--ca-file', ready.serverCaFile]);
    assert.equal(revoked.code, 0, revoked.stderr);
    const renewed = await runCli(['renew', '--cert', certFile, '--ca-file', ready.serverCaFile, '--json']);
    assert.equal(renewed.code, exitCodeFor('revoked'));
    assert.equal(parseJson<JsonError>(renewed.stdout).error.kind, 'revoked');

    server.kill('SIGTERM');
    const stopped = await serverDone;
    assert.equal(stopped.code, 0, stopped.stderr);
  });
});
