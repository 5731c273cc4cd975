/**
 * `kyma-cert emulator --flavor compass` and the other subcommands across processes: the ready line, the Director's
 * token shape on the internal API, `issue` from every Compass form (rawEncoded via $KYMA_CERT_TOKEN, a raw token with
 * --connector-url, the legacy connector URL), renew and revoke with no URL flags, and tokens never in any output.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { exitCodeFor } from '../../../src/core/errors';
import { tempDir } from '../lifecycle/fixtures';
import { ensureCliBuilt, finished, runCli, startCli, type CliResult } from './run-cli';

interface Ready {
  flavor: string;
  connectorUrl: string;
  certificateSecuredConnectorUrl: string;
  directorUrl: string;
  adapterUrl: string;
  adapterMtlsUrl: string;
  internalUrl: string;
  serverCaFile: string;
  clientCaFile: string;
}
interface Ott {
  token: string;
  connectorURL: string;
  legacyConnectorURL: string;
  raw: string;
  rawEncoded: string;
  used: boolean;
  expiresAt: string;
}

let server: ChildProcess;
let serverDone: Promise<CliResult>;
let ready: Ready;
let firstLine: string;

before(async () => {
  ensureCliBuilt();
  server = startCli(['emulator', '--flavor', 'compass']);
  serverDone = finished(server);
  const [chunk] = (await once(server.stdout!, 'data')) as [Buffer];
  firstLine = chunk.toString().split('\n')[0];
  ready = JSON.parse(firstLine) as Ready;
});
after(async () => {
  server.kill('SIGTERM');
  await serverDone;
});

async function mint(application: string): Promise<Ott> {
  const response = await fetch(`${ready.internalUrl}/v1/applications/tokens`, {
    method: 'POST',
    headers: { Application: application, 'Content-Type': 'application/json' },
  });
  assert.equal(response.status, 201);
  return (await response.json()) as Ott;
}

function assertNoSecret(result: CliResult, ott: Ott): void {
  for (const secret of [ott.token, ott.rawEncoded, ott.legacyConnectorURL]) {
    assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), 'no token in any output');
  }
}

describe('kyma-cert emulator --flavor compass', () => {
  it('prints exactly the one JSON line of the issue, and mints Director-shaped tokens', async () => {
    assert.deepEqual(Object.keys(ready), [
      'flavor',
      'connectorUrl',
      'certificateSecuredConnectorUrl',
      'directorUrl',
      'adapterUrl',
      'adapterMtlsUrl',
      'internalUrl',
      'serverCaFile',
      'clientCaFile',
    ]);
    assert.equal(ready.flavor, 'compass');
    assert.match(ready.connectorUrl, /^https:\/\/127\.0\.0\.1:\d+\/connector\/graphql$/);
    assert.match(ready.directorUrl, /\/director\/graphql$/);
    const ott = await mint('cli-app');
    assert.match(ott.token, /^[A-Za-z0-9_-]{86}==$/, '64 random bytes, URL-safe base64 with padding');
    assert.equal(ott.connectorURL, ready.connectorUrl);
    assert.equal(ott.legacyConnectorURL, `${ready.adapterUrl}/v1/applications/signingRequests/info?token=${ott.token}`);
    assert.equal(ott.used, false);
    assert.equal(Buffer.from(ott.rawEncoded, 'base64').toString('utf8'), ott.raw);
    const raw = JSON.parse(ott.raw) as Record<string, unknown>;
    assert.deepEqual(Object.keys(raw), ['token', 'connectorURL', 'used', 'expiresAt', 'createdAt', 'usedAt', 'type', 'scenario_groups']);
    assert.equal(raw.usedAt, '0001-01-01T00:00:00Z');
  });

  it('issue --token from $KYMA_CERT_TOKEN (rawEncoded), renew and revoke with no URL flags, then renew exits 4', async () => {
    const ott = await mint('cli-app');
    const dir = await tempDir();
    const issued = await runCli(['issue', '--out-dir', dir, '--ca-file', ready.serverCaFile, '--json'], undefined, { KYMA_CERT_TOKEN: ott.rawEncoded });
    assert.equal(issued.code, 0, issued.stderr);
    assertNoSecret(issued, ott);
    const doc = JSON.parse(issued.stdout) as { backend: string; infoUrl: string; certFile: string };
    assert.equal(doc.backend, 'compass');
    assert.equal(doc.infoUrl, ready.certificateSecuredConnectorUrl);
    const remembered = JSON.parse(await fs.readFile(path.join(dir, 'client.kyma.json'), 'utf8')) as Record<string, string>;
    assert.equal(remembered.backend, 'compass');

    const renewed = await runCli(['renew', '--cert', doc.certFile, '--ca-file', ready.serverCaFile]);
    assert.equal(renewed.code, 0, renewed.stderr);
    const revoked = await runCli(['revoke', '--cert', doc.certFile, '--yes', '--ca-file', ready.serverCaFile]);
    assert.equal(revoked.code, 0, revoked.stderr);
    const refused = await runCli(['renew', '--cert', doc.certFile, '--ca-file', ready.serverCaFile, '--json']);
    assert.equal(refused.code, exitCodeFor('revoked'));

    const again = await runCli(['issue', '--token', ott.rawEncoded, '--out-dir', await tempDir(), '--ca-file', ready.serverCaFile]);
    assert.equal(again.code, exitCodeFor('invalid-token'), 'a spent token');
    assert.match(again.stderr, /new token/i);
    assertNoSecret(again, ott);
  });

  it('issue from a raw token with --connector-url, and from the legacy connector URL', async () => {
    const raw = await mint('cli-raw');
    const fromRaw = await runCli([
      'issue',
      '--token',
      raw.token,
      '--connector-url',
      raw.connectorURL,
      '--out-dir',
      await tempDir(),
      '--ca-file',
      ready.serverCaFile,
      '--json',
    ]);
    assert.equal(fromRaw.code, 0, fromRaw.stderr);
    assert.equal((JSON.parse(fromRaw.stdout) as { backend: string }).backend, 'compass');
    assertNoSecret(fromRaw, raw);

    const legacy = await mint('cli-legacy');
    const fromLegacy = await runCli([
      'issue',
      '--token-url',
      legacy.legacyConnectorURL,
      '--out-dir',
      await tempDir(),
      '--ca-file',
      ready.serverCaFile,
      '--json',
    ]);
    assert.equal(fromLegacy.code, 0, fromLegacy.stderr);
    const doc = JSON.parse(fromLegacy.stdout) as { backend: string; infoUrl: string };
    assert.equal(doc.backend, 'kyma');
    assert.equal(doc.infoUrl, `${ready.adapterMtlsUrl}/v1/applications/management/info`);

    const missing = await runCli(['issue', '--token', raw.token, '--out-dir', await tempDir()]);
    assert.equal(missing.code, 2, 'a raw token without --connector-url is a usage/config error');
    assert.match(missing.stderr, /--connector-url/);
    assertNoSecret(missing, raw);
  });
});
