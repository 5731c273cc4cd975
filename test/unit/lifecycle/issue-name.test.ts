/**
 * Issuing without a file name: the name is asked once the token's answer told the application's name, and a
 * dismissed question leaves the folder untouched.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { issueCertificate } from '../../../src/lifecycle/issue';
import { tempDir } from './fixtures';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

test('chooseName gets the application name and decides the files', async () => {
  const outDir = await tempDir();
  const asked: string[] = [];
  const result = await issueCertificate({
    tokenUrl: emulator.mintToken('billing-export').url,
    outDir,
    caFile: emulator.serverCaFile,
    chooseName: async (application) => {
      asked.push(application);
      return `${application}-prod`;
    },
  });
  assert.deepEqual(asked, ['billing-export']);
  assert.equal(result.certFile, path.join(outDir, 'billing-export-prod.crt'));
  assert.deepEqual((await fs.readdir(outDir)).sort(), [
    'billing-export-prod-ca.crt',
    'billing-export-prod.crt',
    'billing-export-prod.key',
    'billing-export-prod.kyma.json',
  ]);
});

test('a dismissed name question cancels before anything is generated or written', async () => {
  const outDir = await tempDir();
  await assert.rejects(
    issueCertificate({ tokenUrl: emulator.mintToken('nameless').url, outDir, caFile: emulator.serverCaFile, chooseName: async () => undefined }),
    (e: unknown) => isKymaCertError(e, 'cancelled'),
  );
  assert.deepEqual(await fs.readdir(outDir), []);
});
