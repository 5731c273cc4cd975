/**
 * Encrypted private keys through the lifecycle, against the emulator: renewal and revocation decrypt the key in
 * memory and never rewrite it; a wrong or missing passphrase stops before any request and changes nothing; issuing
 * with a passphrase writes the new key encrypted.
 */
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isKymaCertError, type ErrorKind } from '../../../src/core/errors';
import { parseCryptoFile } from '../../../src/core/pem';
import { keyMatchesCertificate, loadPrivateKey, readPrivateKey } from '../../../src/core/keys';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { issueCertificate } from '../../../src/lifecycle/issue';
import { renewCertificate, type RenewRequest } from '../../../src/lifecycle/renew';
import { revokeCertificate } from '../../../src/lifecycle/revoke';
import { makeWorkspace, modeOf, sha256Of, steppingClock, tempDir, treeFingerprint, type Workspace, renewRequestFor } from './fixtures';

const PASS = 'Tr0ub4dor&3 in memory only';
let emulator: Emulator;
const requestLog: string[] = [];
const logLines: string[] = [];

before(async () => {
  emulator = await startEmulator({ now: steppingClock(), log: (line) => requestLog.push(line) });
});
after(() => emulator.close());

/** The two encodings the issue names: encrypted PKCS#8 (AES-256-CBC) and OpenSSL's legacy Proc-Type PEM (DES-EDE3). */
const ENCODINGS = {
  'PKCS#8 AES-256-CBC': { type: 'pkcs8', cipher: 'aes-256-cbc', marker: /^-----BEGIN ENCRYPTED PRIVATE KEY-----/ },
  'legacy DES-EDE3-CBC': { type: 'pkcs1', cipher: 'des-ede3-cbc', marker: /Proc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,/ },
} as const;

async function encryptedWorkspace(encoding: keyof typeof ENCODINGS): Promise<Workspace> {
  const ws = await makeWorkspace(emulator);
  const { type, cipher, marker } = ENCODINGS[encoding];
  const key = createPrivateKey(await fs.readFile(ws.keyFile));
  const pem = key.export({ type, format: 'pem', cipher, passphrase: PASS }) as string;
  assert.match(pem, marker);
  await fs.writeFile(ws.keyFile, pem, { mode: 0o600 });
  return ws;
}

function request(ws: Workspace, extra: Partial<RenewRequest> = {}): RenewRequest {
  return renewRequestFor(emulator, ws, { log: (line) => logLines.push(line), onProgress: (line) => logLines.push(line), ...extra });
}

function assertNoPassphraseLogged(): void {
  for (const line of logLines) assert.ok(!line.includes(PASS), `passphrase in a log line: ${line}`);
}

for (const encoding of Object.keys(ENCODINGS) as Array<keyof typeof ENCODINGS>) {
  describe(`an encrypted key (${encoding})`, () => {
    it('renews with the right passphrase; the key file stays encrypted and byte-identical', async () => {
      const ws = await encryptedWorkspace(encoding);
      const keyHash = await sha256Of(ws.keyFile);
      const result = await renewCertificate(request(ws, { keyPassphrase: PASS }));
      assert.notEqual(result.renewed.sha256Hex, ws.sha256Hex);
      assert.equal(await sha256Of(ws.keyFile), keyHash, 'the key was not rewritten (still encrypted)');
      assert.equal(await modeOf(ws.keyFile), 0o600);
      const key = loadPrivateKey(await fs.readFile(ws.keyFile), PASS);
      assert.ok(keyMatchesCertificate(key, await fs.readFile(ws.certFile)));
      const onDisk = (await fs.readdir(ws.dir, { recursive: true })).map(String);
      for (const name of onDisk) {
        const full = path.join(ws.dir, name);
        if (!(await fs.stat(full)).isFile()) continue;
        const plainKeys = parseCryptoFile(await fs.readFile(full)).blocks.filter((b) => b.kind === 'private-key');
        assert.equal(plainKeys.length, 0, `${name} holds a plain key`);
      }
      assertNoPassphraseLogged();
    });

    const refusals: Array<[string, string | undefined, ErrorKind]> = [
      ['a wrong passphrase', 'not the passphrase', 'bad-passphrase'],
      ['no passphrase', undefined, 'passphrase-required'],
    ];
    for (const [name, passphrase, kind] of refusals) {
      it(`refuses ${name} with '${kind}' before any request, changing nothing`, async () => {
        const ws = await encryptedWorkspace(encoding);
        const before = await treeFingerprint(ws.dir);
        const seen = requestLog.length;
        await assert.rejects(renewCertificate(request(ws, { keyPassphrase: passphrase })), (e: unknown) => {
          assert.ok(isKymaCertError(e, kind), String(e));
          const text = `${e.message} ${e.hint ?? ''} ${JSON.stringify(e.toJSON())}`;
          assert.ok(!text.includes(PASS) && !(passphrase && text.includes(passphrase)), 'passphrase in the error');
          return true;
        });
        assert.deepEqual(await treeFingerprint(ws.dir), before);
        assert.equal(requestLog.length, seen, 'no request reached the service');
      });
    }
  });
}

describe('encrypted keys in revocation and issuance', () => {
  it('revokes with an encrypted key and the right passphrase; refuses a wrong one', async () => {
    const ws = await encryptedWorkspace('legacy DES-EDE3-CBC');
    await assert.rejects(revokeCertificate({ ...request(ws), keyPassphrase: 'nope' }), (e: unknown) => isKymaCertError(e, 'bad-passphrase'));
    const result = await revokeCertificate({ ...request(ws), keyPassphrase: PASS });
    assert.equal(result.sha256Hex, ws.sha256Hex);
    assertNoPassphraseLogged();
  });

  it('issues with a passphrase: the new key is written encrypted (PKCS#8 AES-256-CBC, 0600) and renews', async () => {
    const outDir = await tempDir();
    const { url } = emulator.mintToken('enc-app');
    const result = await issueCertificate({ tokenUrl: url, outDir, caFile: emulator.serverCaFile, keyPassphrase: PASS });
    const keyText = await fs.readFile(result.keyFile, 'utf8');
    assert.match(keyText, /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    assert.equal(await modeOf(result.keyFile), 0o600);
    assert.deepEqual(readPrivateKey(keyText, PASS).format, { container: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc' });
    assert.throws(
      () => loadPrivateKey(keyText),
      (e: unknown) => isKymaCertError(e, 'passphrase-required'),
    );
    await renewCertificate({ certFile: result.certFile, keyFile: result.keyFile, keyPassphrase: PASS, caFile: emulator.serverCaFile });
  });
});
