/**
 * `--key-passphrase-env` / `--key-passphrase-file` through the real CLI process: renew and revoke with an encrypted
 * key, the typed errors and exit code 3 for a missing or wrong passphrase, and the passphrase never in any output.
 */
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitCodeFor } from '../../../src/core/errors';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { makeWorkspace, sha256Of, steppingClock, tempDir, treeFingerprint, type Workspace } from '../lifecycle/fixtures';
import { ensureCliBuilt, runCli, type CliResult } from './run-cli';

const PASS = 'cli-secret passphrase 42';
let emulator: Emulator;

before(async () => {
  ensureCliBuilt();
  emulator = await startEmulator({ now: steppingClock() });
});
after(() => emulator.close());

async function encryptedWorkspace(): Promise<Workspace> {
  const ws = await makeWorkspace(emulator);
  const key = createPrivateKey(await fs.readFile(ws.keyFile));
  await fs.writeFile(ws.keyFile, key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }));
  return ws;
}

function gateway(ws: Workspace): string[] {
  return ['--cert', ws.certFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile];
}

function assertSecretAbsent(result: CliResult, ...secrets: string[]): void {
  for (const secret of [PASS, ...secrets]) {
    assert.ok(!result.stdout.includes(secret), 'passphrase on stdout');
    assert.ok(!result.stderr.includes(secret), 'passphrase on stderr');
  }
}

describe('kyma-cert with an encrypted key', () => {
  it('renews with --key-passphrase-file (trailing newline ignored) and --key-passphrase-env, --json; key file unchanged', async () => {
    const ws = await encryptedWorkspace();
    const keyHash = await sha256Of(ws.keyFile);
    const passFile = path.join(await tempDir(), 'pass.txt');
    await fs.writeFile(passFile, `${PASS}\n`, { mode: 0o600 });
    const fromFile = await runCli(['renew', ...gateway(ws), '--key-passphrase-file', passFile, '--json']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assertSecretAbsent(fromFile);
    const fromEnv = await runCli(['renew', ...gateway(ws), '--key-passphrase-env', 'KYMA_TEST_PASS'], undefined, { KYMA_TEST_PASS: PASS });
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    assertSecretAbsent(fromEnv);
    assert.equal(await sha256Of(ws.keyFile), keyHash, 'the encrypted key file was not rewritten');
  });

  it('exits 3 with passphrase-required (and a hint naming the flags) when no passphrase is given', async () => {
    const ws = await encryptedWorkspace();
    const before = await treeFingerprint(ws.dir);
    const result = await runCli(['renew', ...gateway(ws), '--json']);
    assert.equal(result.code, exitCodeFor('passphrase-required'));
    assert.equal(result.code, 3);
    const { error } = JSON.parse(result.stdout) as { error: { kind: string; hint: string } };
    assert.equal(error.kind, 'passphrase-required');
    assert.match(error.hint, /--key-passphrase-env/);
    assert.deepEqual(await treeFingerprint(ws.dir), before);
  });

  it('exits 3 with bad-passphrase for a wrong one, human and --json, without echoing either passphrase', async () => {
    const ws = await encryptedWorkspace();
    const before = await treeFingerprint(ws.dir);
    const wrong = 'definitely-wrong-passphrase';
    for (const json of [[], ['--json']]) {
      const result = await runCli(['revoke', ...gateway(ws), '--yes', '--key-passphrase-env', 'P', ...json], undefined, { P: wrong });
      assert.equal(result.code, 3, result.stderr);
      assert.match(json.length ? result.stdout : result.stderr, /bad-passphrase|passphrase does not decrypt/);
      assertSecretAbsent(result, wrong);
    }
    assert.deepEqual(await treeFingerprint(ws.dir), before);
  });

  it('refuses both sources at once, an unset variable and an empty file as usage errors (exit 2)', async () => {
    const ws = await encryptedWorkspace();
    const empty = path.join(await tempDir(), 'empty');
    await fs.writeFile(empty, '\n');
    for (const flags of [
      ['--key-passphrase-env', 'P', '--key-passphrase-file', empty],
      ['--key-passphrase-env', 'KYMA_CERT_SURELY_UNSET_VARIABLE'],
      ['--key-passphrase-file', empty],
    ]) {
      const result = await runCli(['renew', ...gateway(ws), ...flags], undefined, { P: PASS });
      assert.equal(result.code, 2, `${flags.join(' ')}: ${result.stderr}`);
    }
  });

  it('issues an encrypted key with --key-passphrase-file', async () => {
    const outDir = await tempDir();
    const passFile = path.join(outDir, '..', `${path.basename(outDir)}.pass`);
    await fs.writeFile(passFile, PASS);
    const { url } = emulator.mintToken('cli-enc');
    const result = await runCli(['issue', '--token-url', url, '--out-dir', outDir, '--ca-file', emulator.serverCaFile, '--key-passphrase-file', passFile]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(await fs.readFile(path.join(outDir, 'client.key'), 'utf8'), /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    assertSecretAbsent(result);
  });
});
