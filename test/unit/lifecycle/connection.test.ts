import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { readConnection, writeConnection } from '../../../src/lifecycle/connection';
import { infoUrlForDomain } from '../../../src/lifecycle/management';
import { tempDir } from './fixtures';

describe('remembered connection', () => {
  it('round-trips with paths stored relative to the certificate folder', async () => {
    const dir = await tempDir();
    const certFile = path.join(dir, 'certs', 'app.crt');
    await fs.mkdir(path.dirname(certFile));
    const connection = {
      infoUrl: 'https://gateway.example.test/v1/applications/management/info',
      keyFile: path.join(dir, 'certs', 'app.key'),
      caFile: path.join(dir, 'cluster-ca.pem'),
      revoked: { at: '2025-01-01T00:00:00.000Z', sha256Hex: 'ab'.repeat(32) },
    };
    await writeConnection(certFile, connection);
    const stored = JSON.parse(await fs.readFile(path.join(dir, 'certs', 'app.kyma.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(stored.keyFile, 'app.key');
    assert.equal(stored.caFile, undefined, 'a path outside the folder is not remembered');
    assert.deepEqual(await readConnection(certFile), { ...connection, caFile: undefined });
  });

  it('is undefined when absent and a config error when broken', async () => {
    const dir = await tempDir();
    const certFile = path.join(dir, 'app.crt');
    assert.equal(await readConnection(certFile), undefined);
    await fs.writeFile(path.join(dir, 'app.kyma.json'), '{ not json');
    await assert.rejects(readConnection(certFile), (e: unknown) => isKymaCertError(e, 'config'));
    await fs.writeFile(path.join(dir, 'app.kyma.json'), '{"keyFile":"app.key"}');
    await assert.rejects(readConnection(certFile), (e: unknown) => isKymaCertError(e, 'config') && /infoUrl/.test(e.message));
  });

  it('derives the gateway info URL from a cluster domain', () => {
    assert.equal(infoUrlForDomain('local.kyma.dev'), 'https://gateway.local.kyma.dev/v1/applications/management/info');
    assert.equal(infoUrlForDomain('https://kyma.example.com/'), 'https://gateway.kyma.example.com/v1/applications/management/info');
  });
});
