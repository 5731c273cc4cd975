/**
 * Issue 7 row 9: a URL the server hands back on another host is refused before anything is sent to it.
 * The emulator answers with URLs on 127.0.0.1; configuring it as `localhost` makes those answers point at a host
 * other than the configured one (the same machine, so the old code would follow them and succeed). A pending fault
 * on the endpoint proves the request was never made: it is still pending afterwards.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { issueCertificate } from '../../../src/lifecycle/issue';
import { renewCertificate } from '../../../src/lifecycle/renew';
import { revokeCertificate } from '../../../src/lifecycle/revoke';
import { makeWorkspace, steppingClock, tempDir, treeFingerprint } from './fixtures';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator({ now: steppingClock() });
});
after(() => emulator.close());

const asLocalhost = (url: string): string => url.replace('//127.0.0.1:', '//localhost:');

describe('URLs handed back by the server must stay on the configured host', () => {
  it('renew refuses a renewCertUrl on another host and never posts the CSR there; nothing changes', async () => {
    const ws = await makeWorkspace(emulator);
    const before = await treeFingerprint(ws.dir);
    emulator.injectFault({ endpoint: 'renewals', kind: 'status', status: 500 });
    const pending = emulator.pendingFaults;
    await assert.rejects(
      renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: asLocalhost(emulator.infoUrl), caFile: emulator.serverCaFile }),
      (e: unknown) => isKymaCertError(e, 'server') && /renewCertUrl/.test(e.message) && /127\.0\.0\.1/.test(e.message),
    );
    assert.equal(emulator.pendingFaults, pending, 'the renewal endpoint was called');
    assert.deepEqual(await treeFingerprint(ws.dir), before);
  });

  it('revoke refuses a revokeCertUrl on another host and never calls it', async () => {
    const ws = await makeWorkspace(emulator);
    const pending = emulator.pendingFaults;
    emulator.injectFault({ endpoint: 'revocations', kind: 'status', status: 500 });
    await assert.rejects(
      revokeCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: asLocalhost(emulator.infoUrl), caFile: emulator.serverCaFile }),
      (e: unknown) => isKymaCertError(e, 'server') && /revokeCertUrl/.test(e.message),
    );
    assert.equal(emulator.pendingFaults, pending + 1, 'the revocation endpoint was called');
  });

  it('issue refuses a csrUrl on another host: no CSR posted, no file written, the token not spent', async () => {
    const { url } = emulator.mintToken('hostile-csr');
    const outDir = path.join(await tempDir(), 'out');
    const pending = emulator.pendingFaults;
    emulator.injectFault({ endpoint: 'certificates', kind: 'status', status: 500 });
    await assert.rejects(
      issueCertificate({ tokenUrl: asLocalhost(url), outDir, caFile: emulator.serverCaFile }),
      (e: unknown) => isKymaCertError(e, 'server') && /csrUrl/.test(e.message) && !/token=/.test(e.message),
    );
    assert.equal(emulator.pendingFaults, pending + 1, 'the CSR was posted');
    await assert.rejects(fs.stat(outDir), 'the output folder was left behind');
  });
});
