/**
 * Issue 7 row 6, through the real CLI: a `<name>.kyma.json` naming a key outside the certificate's folder is a
 * `config` error naming that file, and the key it names is never used; an explicit --key outside the folder is fine.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitCodeFor } from '../../../src/core/errors';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { makeWorkspace, steppingClock, tempDir, treeFingerprint } from '../lifecycle/fixtures';
import { ensureCliBuilt, runCli } from './run-cli';

let emulator: Emulator;
before(async () => {
  ensureCliBuilt();
  emulator = await startEmulator({ now: steppingClock() });
});
after(() => emulator.close());

describe('kyma-cert renew uses the one resolver', () => {
  it('refuses a remembered keyFile outside the folder (config, names the file); an explicit --key there works', async () => {
    const ws = await makeWorkspace(emulator);
    const elsewhere = await tempDir();
    const outsideKey = path.join(elsewhere, 'x.key');
    await fs.rename(ws.keyFile, outsideKey); // the only copy of the key now lives outside the folder
    const connectionFile = path.join(ws.dir, 'app.kyma.json');
    await fs.writeFile(connectionFile, JSON.stringify({ infoUrl: emulator.infoUrl, keyFile: path.relative(ws.dir, outsideKey) }));
    const before = await treeFingerprint(ws.dir);

    const planted = await runCli(['renew', '--cert', ws.certFile, '--ca-file', emulator.serverCaFile, '--json']);
    assert.equal(planted.code, exitCodeFor('config'), planted.stdout + planted.stderr);
    const error = (JSON.parse(planted.stdout) as { error: { kind: string; message: string } }).error;
    assert.equal(error.kind, 'config');
    assert.ok(error.message.includes(connectionFile), error.message);
    assert.match(error.message, /outside the certificate's folder/);
    assert.deepEqual(await treeFingerprint(ws.dir), before);

    const explicit = await runCli(['renew', '--cert', ws.certFile, '--key', outsideKey, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile]);
    assert.equal(explicit.code, 0, explicit.stderr);
    // The rewritten connection no longer names the outside key.
    const remembered = JSON.parse(await fs.readFile(connectionFile, 'utf8')) as { keyFile?: string };
    assert.equal(remembered.keyFile, undefined);
  });
});
