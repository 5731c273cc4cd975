/**
 * The editor's log shows the lifecycle's lines next to its own: a fingerprint appears in one format everywhere
 * (`SHA-256 AB:CD:…`, as in the hover and the details page), never as the lower-case hex the service hashes with.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { issueCertificate } from '../../../src/lifecycle/issue';
import { renewCertificate } from '../../../src/lifecycle/renew';
import { revokeCertificate } from '../../../src/lifecycle/revoke';
import { makeWorkspace, steppingClock, tempDir } from './fixtures';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator({ now: steppingClock() });
});
after(() => emulator.close());

test('renew, revoke and issue log fingerprints as SHA-256 colon-hex only', async () => {
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);
  const ws = await makeWorkspace(emulator);
  const network = { infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile, log };
  await renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, ...network });
  await revokeCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, ...network });
  await issueCertificate({ tokenUrl: emulator.mintToken('log-app').url, outDir: await tempDir(), name: 'log-app', caFile: emulator.serverCaFile, log });

  const withFingerprints = lines.filter((l) => /sha-?256/i.test(l));
  assert.ok(withFingerprints.length >= 4, lines.join('\n'));
  for (const line of withFingerprints) {
    assert.match(line, /SHA-256 [0-9A-F]{2}(:[0-9A-F]{2}){31}\b/, line);
    assert.doesNotMatch(line, /\b[0-9a-f]{64}\b/, line);
  }
});
