/**
 * Issue 7 rows 4, 5, 7, 8: one lock for every write, the renew re-check, restore's key check, and symlinks.
 * Renewals are held in flight with the emulator's `delay` fault; the test acts on the progress event that says the
 * renewal request is being sent (an event, not a sleep).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { keyMatchesCertificate, loadPrivateKey } from '../../../src/core/keys';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { issueCertificate } from '../../../src/lifecycle/issue';
import { renewCertificate, type RenewRequest } from '../../../src/lifecycle/renew';
import { restoreCertificate } from '../../../src/lifecycle/restore';
import { makeWorkspace, mountTmpfs, steppingClock, tempDir, treeFingerprint, type Workspace, renewRequestFor } from './fixtures';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator({ now: steppingClock() });
});
after(() => emulator.close());

function request(ws: Workspace, extra: Partial<RenewRequest> = {}): RenewRequest {
  return renewRequestFor(emulator, ws, extra);
}

/** Starts a renewal held in flight at the renewal request; resolves `inFlight` once the request is being sent. */
function renewHeld(ws: Workspace, extra: Partial<RenewRequest> = {}): { inFlight: Promise<void>; done: Promise<unknown> } {
  emulator.injectFault({ endpoint: 'renewals', kind: 'delay', ms: 1500 });
  let signal!: () => void;
  const inFlight = new Promise<void>((r) => (signal = r));
  const done = renewCertificate(request(ws, { ...extra, onProgress: (step) => step === 'Requesting the renewed certificate' && signal() })).then(
    (r) => r,
    (e: unknown) => e,
  );
  return { inFlight, done };
}

async function pairOnDiskMatches(certFile: string, keyFile: string): Promise<boolean> {
  const cert = new X509Certificate(await fs.readFile(certFile));
  return keyMatchesCertificate(loadPrivateKey(await fs.readFile(keyFile)), cert);
}

describe('one lock for every write to a certificate set', () => {
  it('issue --force while a renew of the same name is in flight: refused as locked; the pair on disk always matches', async () => {
    const ws = await makeWorkspace(emulator);
    const { inFlight, done } = renewHeld(ws);
    await inFlight;
    const { url } = emulator.mintToken('my-app');
    await assert.rejects(issueCertificate({ tokenUrl: url, outDir: ws.dir, name: 'app', force: true, caFile: emulator.serverCaFile }), (e: unknown) =>
      isKymaCertError(e, 'locked'),
    );
    const renewed = await done;
    assert.ok(!(renewed instanceof Error), String(renewed));
    assert.ok(await pairOnDiskMatches(ws.certFile, ws.keyFile), 'cert and key no longer match');
    // Serialised: once the renewal is done, issue --force runs (the token was not spent by the refused attempt).
    await issueCertificate({ tokenUrl: url, outDir: ws.dir, name: 'app', force: true, caFile: emulator.serverCaFile });
    assert.ok(await pairOnDiskMatches(ws.certFile, ws.keyFile));
  });

  it('renew re-checks right before writing: a pair replaced meanwhile (by another tool) is left alone', async () => {
    const ws = await makeWorkspace(emulator);
    const other = await makeWorkspace(emulator, { application: 'other-app' });
    const { inFlight, done } = renewHeld(ws);
    await inFlight;
    await fs.copyFile(other.certFile, ws.certFile);
    await fs.copyFile(other.keyFile, ws.keyFile);
    const replaced = await treeFingerprint(ws.dir);
    delete replaced['.app.crt.kyma-lock']; // the renewal's own lock, released when it ends
    const error = await done;
    assert.ok(isKymaCertError(error, 'io') && /changed while the renewal was running/.test(error.message), String(error));
    assert.deepEqual(await treeFingerprint(ws.dir), replaced, 'something was written');
    assert.ok(await pairOnDiskMatches(ws.certFile, ws.keyFile));
  });

  it('restore refuses a backup for another key (key-mismatch) and writes nothing', async () => {
    const ws = await makeWorkspace(emulator);
    await renewCertificate(request(ws)); // the original certificate is now a backup
    const { url } = emulator.mintToken('my-app');
    await issueCertificate({ tokenUrl: url, outDir: ws.dir, name: 'app', force: true, caFile: emulator.serverCaFile }); // new key
    const before = await treeFingerprint(ws.dir);
    await assert.rejects(restoreCertificate({ certFile: ws.certFile }), (e: unknown) => isKymaCertError(e, 'key-mismatch'));
    assert.deepEqual(await treeFingerprint(ws.dir), before);
    assert.ok(await pairOnDiskMatches(ws.certFile, ws.keyFile));
  });
});

describe('symlinks', () => {
  it('a symlinked certificate (certbot-style live/ → archive/) is renewed through the link; the link stays', async () => {
    const ws = await makeWorkspace(emulator);
    const archive = path.join(ws.dir, 'archive');
    await fs.mkdir(archive);
    await fs.rename(ws.certFile, path.join(archive, 'app1.crt'));
    await fs.symlink(path.join('archive', 'app1.crt'), ws.certFile);
    const result = await renewCertificate(request(ws));
    assert.ok((await fs.lstat(ws.certFile)).isSymbolicLink(), 'the link was replaced by a file');
    assert.equal(await fs.readlink(ws.certFile), path.join('archive', 'app1.crt'));
    const target = new X509Certificate(await fs.readFile(path.join(archive, 'app1.crt')));
    assert.equal(target.fingerprint256.replace(/:/g, '').toLowerCase(), result.renewed.sha256Hex, 'the target kept the old certificate');
  });

  /** Runs `test` on a workspace whose certificate is a link into a read-only mount (a secret): every write fails. */
  async function withCertificateOnReadOnlyMount(test: (ws: Workspace) => Promise<void>): Promise<void> {
    const ws = await makeWorkspace(emulator);
    const { dir: mount, unmount } = await mountTmpfs(256);
    try {
      await fs.copyFile(ws.certFile, path.join(mount, 'tls.crt'));
      execFileSync('mount', ['-o', 'remount,ro', mount]);
      await fs.rm(ws.certFile);
      await fs.symlink(path.join(mount, 'tls.crt'), ws.certFile);
      await test(ws);
    } finally {
      unmount();
    }
  }

  it('a certificate linked into a read-only mount: a clear io error, nothing changed', () =>
    withCertificateOnReadOnlyMount(async (ws) => {
      const before = await treeFingerprint(ws.dir);
      await assert.rejects(
        renewCertificate(request(ws)),
        (e: unknown) => isKymaCertError(e, 'io') && /EROFS/.test(e.message) && /read-only/.test(e.hint ?? ''),
      );
      assert.deepEqual(await treeFingerprint(ws.dir), before);
    }));

  // The check with the renewed certificate runs while the files are written: a write that fails must end it rather
  // than wait for its answer. Here the server holds that answer for ten minutes and the client would wait as long.
  it('a failed write ends the check with the renewed certificate instead of waiting for the server', { timeout: 60_000 }, () =>
    withCertificateOnReadOnlyMount(async (ws) => {
      const before = await treeFingerprint(ws.dir);
      const req = request(ws, {
        timeoutMs: 600_000,
        onProgress: (step) => {
          if (step === 'Requesting the renewed certificate') emulator.injectFault({ endpoint: 'managementInfo', kind: 'delay', ms: 600_000 });
        },
      });
      await assert.rejects(renewCertificate(req), (e: unknown) => isKymaCertError(e, 'io') && /EROFS/.test(e.message));
      assert.deepEqual(await treeFingerprint(ws.dir), before);
    }),
  );

  it('a .kyma-backups that is a symlink is refused before anything is sent or written; its target is untouched', async () => {
    const ws = await makeWorkspace(emulator);
    const elsewhere = await tempDir();
    await fs.writeFile(path.join(elsewhere, 'precious'), 'keep me');
    const before = { ws: await treeFingerprint(ws.dir), elsewhere: await treeFingerprint(elsewhere) };
    const link = path.join(ws.dir, '.kyma-backups');
    await fs.symlink(elsewhere, link);
    await assert.rejects(renewCertificate(request(ws)), (e: unknown) => isKymaCertError(e, 'io') && /symbolic link/.test(e.message));
    await assert.rejects(restoreCertificate({ certFile: ws.certFile }), (e: unknown) => isKymaCertError(e, 'io') && /symbolic link/.test(e.message));
    assert.equal(await fs.readlink(link), elsewhere);
    await fs.unlink(link);
    assert.deepEqual({ ws: await treeFingerprint(ws.dir), elsewhere: await treeFingerprint(elsewhere) }, before);
  });
});
