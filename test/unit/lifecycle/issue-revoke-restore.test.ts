import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { keyMatchesCertificate, loadPrivateKey } from '../../../src/core/keys';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { listBackups } from '../../../src/lifecycle/backups';
import { readConnection } from '../../../src/lifecycle/connection';
import { issueCertificate } from '../../../src/lifecycle/issue';
import { renewCertificate } from '../../../src/lifecycle/renew';
import { restoreCertificate } from '../../../src/lifecycle/restore';
import { revokeCertificate } from '../../../src/lifecycle/revoke';
import { makeWorkspace, modeOf, sha256Of, steppingClock, tempDir, treeFingerprint } from './fixtures';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator({ now: steppingClock() });
});
after(() => emulator.close());

describe('issueCertificate', () => {
  it('redeems a token: 0600 key, matching certificate, CA file, remembered connection; then renews with no URL', async () => {
    const outDir = path.join(await tempDir(), 'new-folder');
    const { url } = emulator.mintToken('my-app');
    const result = await issueCertificate({ tokenUrl: url, outDir, name: 'my-app', caFile: emulator.serverCaFile });

    assert.equal(result.certFile, path.join(outDir, 'my-app.crt'));
    assert.equal(await modeOf(result.keyFile), 0o600);
    const key = loadPrivateKey(await fs.readFile(result.keyFile));
    const cert = new X509Certificate(await fs.readFile(result.certFile));
    assert.ok(keyMatchesCertificate(key, cert));
    assert.equal(result.certificate.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
    execFileSync('openssl', ['verify', '-CAfile', result.caFile, result.certFile], { stdio: 'pipe' });
    assert.equal(result.infoUrl, emulator.infoUrl);
    const remembered = await readConnection(result.certFile);
    // The server CA lives outside the new folder, so it is not remembered (a remembered path may not lead outside).
    assert.deepEqual(remembered, { infoUrl: emulator.infoUrl, keyFile: result.keyFile, caFile: undefined, revoked: undefined });

    const renewed = await renewCertificate({ certFile: result.certFile, keyFile: result.keyFile, caFile: emulator.serverCaFile });
    assert.equal(renewed.previous.sha256Hex, result.certificate.sha256Hex);
  });

  it('explains a used token and writes nothing', async () => {
    const { url } = emulator.mintToken('my-app');
    const first = await tempDir();
    await issueCertificate({ tokenUrl: url, outDir: first, caFile: emulator.serverCaFile });
    const second = await tempDir();
    await assert.rejects(issueCertificate({ tokenUrl: url, outDir: second, caFile: emulator.serverCaFile }), (e: unknown) => {
      return isKymaCertError(e, 'invalid-token') && e.status === 403 && e.remedy?.kind === 'new-token';
    });
    assert.deepEqual(await fs.readdir(second), []);
  });

  it('refuses to overwrite existing files before spending the token', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'client.key'), 'precious');
    const before = await treeFingerprint(dir);
    const { url } = emulator.mintToken('my-app');
    await assert.rejects(issueCertificate({ tokenUrl: url, outDir: dir, caFile: emulator.serverCaFile }), (e: unknown) => isKymaCertError(e, 'config'));
    assert.deepEqual(await treeFingerprint(dir), before);
    // The token is still good.
    const result = await issueCertificate({ tokenUrl: url, outDir: dir, name: 'other', caFile: emulator.serverCaFile });
    assert.ok(result.certificate.sha256Hex);
  });

  it('rejects a certificate answer that fails verification and creates no folder', async () => {
    const parent = await tempDir();
    const outDir = path.join(parent, 'out');
    emulator.injectFault({ endpoint: 'certificates', kind: 'foreign-key' });
    const { url } = emulator.mintToken('my-app');
    await assert.rejects(issueCertificate({ tokenUrl: url, outDir, caFile: emulator.serverCaFile }), (e: unknown) => isKymaCertError(e, 'verification'));
    assert.deepEqual(await fs.readdir(parent), []);
  });
});

describe('revokeCertificate', () => {
  it('revokes at the service, records it, and a following renewal fails with revoked', async () => {
    const ws = await makeWorkspace(emulator);
    const result = await revokeCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile });
    assert.equal(result.sha256Hex, ws.sha256Hex);
    assert.ok(emulator.isRevoked(ws.sha256Hex));
    const remembered = await readConnection(ws.certFile);
    assert.equal(remembered?.revoked?.sha256Hex, ws.sha256Hex);
    assert.equal(remembered?.revoked?.at, result.revokedAt);

    const before = await treeFingerprint(ws.dir);
    await assert.rejects(renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, caFile: emulator.serverCaFile }), (e: unknown) =>
      isKymaCertError(e, 'revoked'),
    );
    assert.deepEqual(await treeFingerprint(ws.dir), before);
  });
});

describe('restoreCertificate', () => {
  it('puts the previous certificate back and pushes the current one into the history (restore twice = undo)', async () => {
    const ws = await makeWorkspace(emulator, { layout: 'chain' });
    const original = await sha256Of(ws.certFile);
    await renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile });
    const renewed = await sha256Of(ws.certFile);

    const first = await restoreCertificate({ certFile: ws.certFile });
    assert.equal(await sha256Of(ws.certFile), original);
    assert.equal(first.restored.sha256Hex, ws.sha256Hex);
    const history = await listBackups(ws.certFile);
    assert.equal(history.length, 1);
    assert.equal(await sha256Of(history[0].certBackup), renewed);

    await restoreCertificate({ certFile: ws.certFile });
    assert.equal(await sha256Of(ws.certFile), renewed);
  });

  it('restores a chosen backup by id and reports a missing one', async () => {
    const ws = await makeWorkspace(emulator);
    const req = { certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile };
    await renewCertificate(req);
    await renewCertificate(req);
    const [, oldest] = await listBackups(ws.certFile);
    await restoreCertificate({ certFile: ws.certFile, backup: oldest.id });
    assert.equal(new X509Certificate(await fs.readFile(ws.certFile)).fingerprint256.replace(/:/g, '').toLowerCase(), ws.sha256Hex);
    await assert.rejects(restoreCertificate({ certFile: ws.certFile, backup: 'nope' }), (e: unknown) => isKymaCertError(e, 'config'));
  });

  it('says so when there is no backup', async () => {
    const ws = await makeWorkspace(emulator);
    await assert.rejects(restoreCertificate({ certFile: ws.certFile }), (e: unknown) => isKymaCertError(e, 'config'));
  });
});
