/**
 * Issue 7 row 13: `kill -9` at every step of the write phase. The CLI runs in a child process with the test-only
 * hook KYMA_CERT_TEST_CRASH_AT=<step>, which SIGKILLs it there (a real kill -9, at a known moment). Afterwards, once
 * the next run has taken the lock (which recovers first), the files are the old set or the new set, the
 * certificate matches the key, no temp file (one may hold a private key) or journal remains, and renew works.
 * One emulator and one key pair are shared; each step gets a fresh copy of the two files.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { keyMatchesCertificate, loadPrivateKey } from '../../../src/core/keys';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { withCertificateLock } from '../../../src/lifecycle/lock';
import { makeWorkspace, steppingClock, tempDir, type Workspace } from '../lifecycle/fixtures';
import { ensureCliBuilt, finished, startCli } from './run-cli';

let emulator: Emulator;
let template: Workspace;
before(async () => {
  ensureCliBuilt();
  emulator = await startEmulator({ now: steppingClock() });
  template = await makeWorkspace(emulator);
});
after(() => emulator.close());

async function freshCopy(): Promise<{ dir: string; certFile: string; keyFile: string }> {
  const dir = await tempDir('kyma-crash-');
  const certFile = path.join(dir, 'app.crt');
  const keyFile = path.join(dir, 'app.key');
  await fs.copyFile(template.certFile, certFile);
  await fs.copyFile(template.keyFile, keyFile);
  await fs.chmod(keyFile, 0o600);
  return { dir, certFile, keyFile };
}

function renewArgs(certFile: string): string[] {
  return ['renew', '--cert', certFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile, '--json'];
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return out;
}

describe('kill -9 at every step of the write phase', () => {
  // With --new-key the key is part of the same write: the old pair or the new pair, never a new key with an old
  // certificate, and no temp file holding the new (possibly plain) key.
  for (const rotate of [false, true]) {
    const extra = rotate ? ['--new-key'] : [];
    it(`leaves the old set or the new set, a matching pair, no temp file, and a working next renew${rotate ? ' (renew --new-key)' : ''}`, async () => {
      // 1. Which steps does a renewal pass through? (The hook also traces them.)
      const traced = await freshCopy();
      const trace = path.join(await tempDir(), 'steps');
      const clean = await finished(startCli([...renewArgs(traced.certFile), ...extra], undefined, { ...process.env, KYMA_CERT_TEST_TRACE_STEPS: trace }));
      assert.equal(clean.code, 0, clean.stderr);
      const steps = [...new Set((await fs.readFile(trace, 'utf8')).trim().split('\n'))];
      for (const expected of ['lock:temp', 'temp:0', 'journal', 'rename:0', 'synced', 'renew:written'])
        assert.ok(steps.includes(expected), `${expected} not in ${steps.join(' ')}`);

      const original = await fs.readFile(template.certFile);
      const originalKey = await fs.readFile(template.keyFile);
      for (const step of steps) {
        const ws = await freshCopy();
        const crashed = await finished(startCli([...renewArgs(ws.certFile), ...extra], undefined, { ...process.env, KYMA_CERT_TEST_CRASH_AT: step }));
        assert.equal(crashed.signal, 'SIGKILL', `step ${step}: the CLI was not killed (exit ${crashed.code}) ${crashed.stderr}`);

        await withCertificateLock(ws.certFile, async () => undefined); // what the next run does first
        const files = (await allFiles(ws.dir)).map((f) => path.relative(ws.dir, f));
        assert.deepEqual(
          files.filter((f) => /kyma-tmp-|kyma-journal|kyma-lock/.test(f)),
          [],
          `step ${step}: leftovers`,
        );
        const cert = await fs.readFile(ws.certFile);
        const backups = files.filter((f) => f.startsWith('.kyma-backups'));
        if (cert.equals(original)) {
          assert.deepEqual(files.sort(), ['app.crt', 'app.key'], `step ${step}: old certificate but not the old set`);
          assert.ok((await fs.readFile(ws.keyFile)).equals(originalKey), `step ${step}: old certificate with a new key`);
        } else {
          assert.ok(files.includes('app-ca.crt') && files.includes('app.kyma.json'), `step ${step}: new certificate but not the new set`);
          assert.equal(backups.length, rotate ? 2 : 1, `step ${step}: new set without its backup`);
          const backupBytes = await Promise.all(backups.map((b) => fs.readFile(path.join(ws.dir, b))));
          assert.ok(
            backupBytes.some((b) => b.equals(original)),
            `step ${step}: the certificate backup`,
          );
          if (rotate) {
            assert.ok(
              backupBytes.some((b) => b.equals(originalKey)),
              `step ${step}: the old key is not in the backup`,
            );
            assert.ok(!(await fs.readFile(ws.keyFile)).equals(originalKey), `step ${step}: new certificate with the old key`);
          }
        }
        assert.ok(keyMatchesCertificate(loadPrivateKey(await fs.readFile(ws.keyFile)), new X509Certificate(cert)), `step ${step}: mismatch`);

        const next = await finished(startCli(renewArgs(ws.certFile)));
        assert.equal(next.code, 0, `step ${step}: the next renew failed: ${next.stdout} ${next.stderr}`);
      }
    });
  }

  it('a kill -9 of issue after its key temp file was written leaves no private key behind', async () => {
    const outDir = await tempDir('kyma-crash-issue-');
    const { url } = emulator.mintToken('crash-app');
    const args = ['issue', '--token-url', url, '--out-dir', outDir, '--name', 'app', '--ca-file', emulator.serverCaFile];
    const crashed = await finished(startCli(args, undefined, { ...process.env, KYMA_CERT_TEST_CRASH_AT: 'temp:0' }));
    assert.equal(crashed.signal, 'SIGKILL');
    // The temp files of one write are written at the same time: at `temp:0` the key's (the first write) is complete.
    const leftover = (await allFiles(outDir)).filter((f) => path.basename(f).startsWith('.app.key.kyma-tmp-'));
    assert.equal(leftover.length, 1, 'the key temp file should exist right after the crash');
    assert.match(await fs.readFile(leftover[0], 'utf8'), /PRIVATE KEY/);
    await withCertificateLock(path.join(outDir, 'app.crt'), async () => undefined);
    assert.deepEqual(
      (await allFiles(outDir)).filter((f) => /kyma-tmp-|kyma-lock|kyma-journal/.test(f)),
      [],
    );
  });
});
