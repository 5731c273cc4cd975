/**
 * Key rotation on renewal (`rotateKey`, `renew --new-key`) against the emulator: the new key replaces the old one
 * only together with its verified certificate, keeps the old key file's format and encryption, the old key goes into
 * the backup, and restore brings back a matching pair. The fault matrix with rotation lives in renew.test.ts.
 */
import assert from 'node:assert/strict';
import { createPrivateKey, type KeyExportOptions } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { describeKey, keyMatchesCertificate, readPrivateKey } from '../../../src/core/keys';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { listBackups } from '../../../src/lifecycle/backups';
import { renewCertificate, type RenewRequest } from '../../../src/lifecycle/renew';
import { restoreCertificate } from '../../../src/lifecycle/restore';
import { makeWorkspace, modeOf, steppingClock, treeFingerprint, type Workspace, renewRequestFor } from './fixtures';

const PASS = 'rotation passphrase';
let emulator: Emulator;
const logLines: string[] = [];

before(async () => {
  emulator = await startEmulator({ now: steppingClock() });
});
after(() => emulator.close());

function request(ws: Workspace, extra: Partial<RenewRequest> = {}): RenewRequest {
  return renewRequestFor(emulator, ws, { rotateKey: true, log: (line) => logLines.push(line), ...extra });
}

/** Rewrites the workspace key in another encoding (PKCS#1, encrypted PKCS#8, legacy encrypted, …). */
async function reencodeKey(ws: Workspace, options: KeyExportOptions<'pem'>): Promise<Buffer> {
  const key = createPrivateKey(await fs.readFile(ws.keyFile));
  const data = Buffer.from(key.export(options));
  await fs.writeFile(ws.keyFile, data, { mode: 0o600 });
  return data;
}

function assertNoKeyMaterialLogged(...keyFiles: Buffer[]): void {
  for (const line of logLines) {
    assert.doesNotMatch(line, /PRIVATE KEY|BEGIN/, 'PEM in a log line');
    assert.ok(!line.includes(PASS), 'passphrase in a log line');
    for (const data of keyFiles) assert.ok(!line.includes(data.toString('utf8').split('\n')[1] ?? '\0'), 'key bytes in a log line');
  }
}

describe('renewal with key rotation', () => {
  it('swaps certificate and key together: new key (same type/size/format, 0600) matches the new certificate, old key in the backup', async () => {
    const ws = await makeWorkspace(emulator);
    const oldKeyData = await reencodeKey(ws, { type: 'pkcs1', format: 'pem' });
    const oldKey = createPrivateKey(oldKeyData);
    const result = await renewCertificate(request(ws));

    const newKeyData = await fs.readFile(ws.keyFile);
    const loaded = readPrivateKey(newKeyData);
    assert.ok(!loaded.key.equals(oldKey), 'the key was replaced');
    assert.deepEqual(describeKey(loaded.key), describeKey(oldKey), 'same type and size');
    assert.deepEqual(loaded.format, { container: 'pem', type: 'pkcs1' }, 'same file format');
    assert.equal(await modeOf(ws.keyFile), 0o600);
    assert.ok(keyMatchesCertificate(loaded.key, await fs.readFile(ws.certFile)), 'the new certificate is for the new key');
    assert.ok(!keyMatchesCertificate(oldKey, await fs.readFile(ws.certFile)));

    assert.ok(result.keyBackupFile, 'the old key was backed up');
    assert.deepEqual(await fs.readFile(result.keyBackupFile), oldKeyData, 'backup = the old key file, byte for byte');
    assert.equal(await modeOf(result.keyBackupFile), 0o600);
    const [entry] = await listBackups(ws.certFile);
    assert.equal(entry.keyBackup, result.keyBackupFile);
    assert.ok(keyMatchesCertificate(oldKey, await fs.readFile(entry.certBackup)), 'the backup holds a matching pair');
    assertNoKeyMaterialLogged(oldKeyData, newKeyData);
  });

  for (const [name, options, expected] of [
    [
      'encrypted PKCS#8 (AES-256-CBC)',
      { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS },
      { container: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc' },
    ],
    [
      'legacy Proc-Type (DES-EDE3-CBC)',
      { type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: PASS },
      { container: 'pem', type: 'pkcs1', cipher: 'des-ede3-cbc' },
    ],
  ] as Array<[string, KeyExportOptions<'pem'>, object]>) {
    it(`writes the new key encrypted like the old one: ${name}, same passphrase`, async () => {
      const ws = await makeWorkspace(emulator);
      const oldKeyData = await reencodeKey(ws, options);
      await renewCertificate(request(ws, { keyPassphrase: PASS }));
      const newKeyData = await fs.readFile(ws.keyFile);
      assert.throws(
        () => readPrivateKey(newKeyData),
        (e: unknown) => isKymaCertError(e, 'passphrase-required'),
        'still encrypted',
      );
      const loaded = readPrivateKey(newKeyData, PASS);
      assert.deepEqual(loaded.format, expected);
      assert.ok(keyMatchesCertificate(loaded.key, await fs.readFile(ws.certFile)));
      const [entry] = await listBackups(ws.certFile);
      assert.deepEqual(await fs.readFile(entry.keyBackup!), oldKeyData, 'the old key stays encrypted in the backup');
      assertNoKeyMaterialLogged(oldKeyData, newKeyData);
    });
  }

  it('restore after rotation puts back a matching pair (and restoring again brings back the rotated pair)', async () => {
    const ws = await makeWorkspace(emulator);
    const oldKeyData = await fs.readFile(ws.keyFile);
    const oldCert = await fs.readFile(ws.certFile);
    await renewCertificate(request(ws));
    const rotatedKey = await fs.readFile(ws.keyFile);
    const rotatedCert = await fs.readFile(ws.certFile);

    const restored = await restoreCertificate({ certFile: ws.certFile });
    assert.equal(restored.keyFile, ws.keyFile);
    assert.deepEqual(await fs.readFile(ws.keyFile), oldKeyData);
    assert.deepEqual(await fs.readFile(ws.certFile), oldCert);
    assert.equal(await modeOf(ws.keyFile), 0o600);
    assert.ok(keyMatchesCertificate(createPrivateKey(await fs.readFile(ws.keyFile)), await fs.readFile(ws.certFile)));
    // The restored pair works: a plain renewal (same key) succeeds with it.
    await restoreCertificate({ certFile: ws.certFile });
    assert.deepEqual(await fs.readFile(ws.keyFile), rotatedKey, 'restore of the restore: the rotated pair is back');
    assert.deepEqual(await fs.readFile(ws.certFile), rotatedCert);
    await renewCertificate(request(ws, { rotateKey: false }));
  });

  it('refuses to rotate a key that lives inside the certificate file, changing nothing', async () => {
    const ws = await makeWorkspace(emulator);
    const combined = path.join(ws.dir, 'combined.pem');
    await fs.writeFile(combined, `${ws.certPem}${await fs.readFile(ws.keyFile, 'utf8')}`, { mode: 0o600 });
    const before = await treeFingerprint(ws.dir);
    await assert.rejects(renewCertificate(request(ws, { certFile: combined, keyFile: combined })), (e: unknown) => isKymaCertError(e, 'config'));
    assert.deepEqual(await treeFingerprint(ws.dir), before);
  });
});
