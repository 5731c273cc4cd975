/**
 * The certificate workflows on the Compass emulator, through both of its doors: the Compass Connector (GraphQL) and
 * the connectivity adapter (Kyma REST). Issue from each token form, renew and revoke with no flags afterwards,
 * restore; used and expired tokens; a wrong-subject CSR refused before the signing token is spent; and the whole
 * renewal fault matrix with every file byte-identical.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createCsr } from '../../../src/core/csr';
import { isKymaCertError, type ErrorKind } from '../../../src/core/errors';
import { keyMatchesCertificate, loadPrivateKey } from '../../../src/core/keys';
import { startCompassEmulator, type CompassEmulator } from '../../../src/emulator/compass/server';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { listBackups } from '../../../src/lifecycle/backups';
import { readConnection } from '../../../src/lifecycle/connection';
import { issueCertificate, type IssueRequest } from '../../../src/lifecycle/issue';
import { renewCertificate, type RenewRequest } from '../../../src/lifecycle/renew';
import { restoreCertificate } from '../../../src/lifecycle/restore';
import { revokeCertificate } from '../../../src/lifecycle/revoke';
import { makeWorkspace, RENEWAL_FAULTS, sha256Of, tempDir, treeFingerprint, type Workspace } from './fixtures';

let emulator: CompassEmulator;
let kyma: Emulator;
/** Extra time added to the emulators' clock (expired tokens). */
let skewMs = 0;
const requestLog: string[] = [];

/** Like fixtures' steppingClock (an hour back, ≥ 1 s per reading), plus `skewMs`. */
function skewedSteppingClock(): () => Date {
  let last = 0;
  return () => {
    last = Math.max(Date.now() - 60 * 60 * 1000 + skewMs, last + 1000);
    return new Date(last);
  };
}

before(async () => {
  emulator = await startCompassEmulator({ now: skewedSteppingClock(), log: (line) => requestLog.push(line) });
  kyma = await startEmulator({ now: skewedSteppingClock() });
});
after(async () => {
  await emulator.close();
  await kyma.close();
});

const SYSTEM_AUTH_SUBJECT = /^O=Org,OU=OrgUnit,L=locality,ST=province,C=DE,CN=[0-9a-f-]{36}$/;

async function issue(token: string, extra: Partial<IssueRequest> = {}): Promise<Awaited<ReturnType<typeof issueCertificate>>> {
  return issueCertificate({ token, outDir: await tempDir(), name: 'app', caFile: emulator.serverCaFile, ...extra });
}

/**
 * After issuing: renew and revoke with no URL and no backend (both remembered; the server CA lives outside the folder,
 * so it is passed, as it is not remembered), then a renewal fails as revoked; restore brings back the pair.
 */
async function lifecycleWithoutFlags(certFile: string, keyFile: string, caFile = emulator.serverCaFile): Promise<void> {
  const issuedHash = await sha256Of(certFile);
  const renewed = await renewCertificate({ certFile, keyFile, caFile });
  assert.match(renewed.renewed.subjectConnector, SYSTEM_AUTH_SUBJECT);
  assert.equal((await listBackups(certFile)).length, 1);
  const revoked = await revokeCertificate({ certFile, keyFile, caFile });
  assert.ok(emulator.isRevoked(revoked.sha256Hex));
  const before = await treeFingerprint(path.dirname(certFile));
  await assert.rejects(
    renewCertificate({ certFile, keyFile, caFile }),
    (e: unknown) => isKymaCertError(e, 'revoked') && /new certificate|token/i.test(e.hint ?? ''),
  );
  assert.deepEqual(await treeFingerprint(path.dirname(certFile)), before, 'a refused renewal changes nothing');
  await restoreCertificate({ certFile });
  assert.equal(await sha256Of(certFile), issuedHash, 'restore brings back the issued certificate');
  assert.ok(keyMatchesCertificate(loadPrivateKey(await fs.readFile(keyFile)), new X509Certificate(await fs.readFile(certFile))));
}

describe('issue from each token form on the Compass emulator, then renew, revoke, restore with no URL or backend flags', () => {
  it('the Compass rawEncoded blob → Compass GraphQL; the backend and URLs are remembered', async () => {
    const ott = emulator.mintToken('blob-app');
    const result = await issue(ott.rawEncoded);
    assert.equal(result.backend, 'compass');
    assert.equal(result.infoUrl, emulator.certificateSecuredConnectorUrl);
    assert.match(result.certificate.subjectConnector, SYSTEM_AUTH_SUBJECT);
    execFileSync('openssl', ['verify', '-CAfile', result.caFile, result.certFile], { stdio: 'pipe' });
    const remembered = await readConnection(result.certFile);
    assert.equal(remembered?.backend, 'compass');
    assert.equal(remembered?.infoUrl, emulator.certificateSecuredConnectorUrl);
    assert.equal(remembered?.directorUrl, emulator.directorUrl);
    const raw = await fs.readFile(result.connectionFile, 'utf8');
    assert.ok(!raw.includes(ott.token), 'the token is never stored');
    await lifecycleWithoutFlags(result.certFile, result.keyFile);
  });

  it('a raw token plus the connector URL → Compass GraphQL', async () => {
    const ott = emulator.mintToken('raw-app');
    const result = await issue(ott.token, { connectorUrl: ott.connectorURL });
    assert.equal(result.backend, 'compass');
    await lifecycleWithoutFlags(result.certFile, result.keyFile);
  });

  it('the legacyConnectorURL → the connectivity adapter (REST): CN is the SystemAuth id, not the application name', async () => {
    const ott = emulator.mintToken('legacy-app');
    const result = await issue(ott.legacyConnectorURL);
    assert.equal(result.backend, 'kyma');
    assert.equal(result.infoUrl, emulator.infoUrl, 'the adapter mTLS management/info is remembered');
    assert.match(result.certificate.subjectConnector, SYSTEM_AUTH_SUBJECT);
    await lifecycleWithoutFlags(result.certFile, result.keyFile);
  });

  it('a Kyma 1.x token URL, and a raw Kyma token with the connector-service base URL (Kyma emulator)', async () => {
    const fromUrl = await issue(kyma.mintToken('kyma-app').url, { caFile: kyma.serverCaFile });
    assert.equal(fromUrl.backend, 'kyma');
    const fromRaw = await issue(kyma.mintToken('kyma-app').token, { connectorUrl: kyma.connectorUrl, caFile: kyma.serverCaFile });
    assert.equal(fromRaw.infoUrl, kyma.infoUrl);
    await renewCertificate({ certFile: fromRaw.certFile, keyFile: fromRaw.keyFile, caFile: kyma.serverCaFile });
  });
});

describe('spent, expired and unusable tokens', () => {
  async function expectNewTokenError(run: Promise<unknown>, outDir: string): Promise<void> {
    await assert.rejects(run, (e: unknown) => isKymaCertError(e, 'invalid-token') && /new token/i.test(e.hint ?? '') && !/[A-Za-z0-9_-]{80}/.test(e.message));
    assert.deepEqual(await fs.readdir(outDir).catch(() => []), [], 'nothing written');
  }

  it('a used token (GraphQL: 400 with an empty body) says "ask for a new token"', async () => {
    const ott = emulator.mintToken('used-app');
    await issue(ott.rawEncoded);
    const outDir = await tempDir();
    await expectNewTokenError(issueCertificate({ token: ott.rawEncoded, outDir, caFile: emulator.serverCaFile }), outDir);
  });

  it('a used legacyConnectorURL (adapter: 403 invalid token or certificate) says the same', async () => {
    const ott = emulator.mintToken('used-legacy-app');
    await issue(ott.legacyConnectorURL);
    const outDir = await tempDir();
    await expectNewTokenError(issueCertificate({ token: ott.legacyConnectorURL, outDir, caFile: emulator.serverCaFile }), outDir);
  });

  it('an expired token (older than 5 minutes)', async () => {
    const ott = emulator.mintToken('late-app');
    skewMs += 6 * 60 * 1000;
    const outDir = await tempDir();
    await expectNewTokenError(issueCertificate({ token: ott.rawEncoded, outDir, caFile: emulator.serverCaFile }), outDir);
  });

  it('a CSR with the wrong subject is refused locally: the signing request is never sent', async () => {
    for (const token of [emulator.mintToken('csr-app').rawEncoded, emulator.mintToken('csr-app').legacyConnectorURL]) {
      const outDir = await tempDir();
      const seen = requestLog.length;
      await assert.rejects(
        issueCertificate({
          token,
          outDir,
          caFile: emulator.serverCaFile,
          csrFactory: (subject, key) =>
            createCsr(
              subject.map((a) => (a.type === 'CN' ? { ...a, value: 'someone-else' } : a)),
              key,
            ),
        }),
        (e: unknown) => isKymaCertError(e, 'verification') && /not spent/.test(e.message) && /common name/.test(e.message),
      );
      assert.equal(requestLog.length - seen, 1, `only the token redemption reached the emulator: ${requestLog.slice(seen).join('; ')}`);
      assert.deepEqual(await fs.readdir(outDir), []);
    }
  });
});

describe('renewal fault matrix on the Compass emulator', () => {
  const doors = [
    { door: 'Compass GraphQL', url: () => emulator.certificateSecuredConnectorUrl },
    { door: 'connectivity adapter', url: () => emulator.infoUrl },
  ];
  function request(ws: Workspace, url: string, extra: Partial<RenewRequest> = {}): RenewRequest {
    return { certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: url, caFile: emulator.serverCaFile, ...extra };
  }
  async function expectUnchanged(ws: Workspace, req: RenewRequest, kind: ErrorKind, message?: RegExp): Promise<void> {
    const before = await treeFingerprint(ws.dir);
    await assert.rejects(renewCertificate(req), (e: unknown) => {
      assert.ok(isKymaCertError(e), String(e));
      assert.equal(e.kind, kind, e.message);
      if (message) assert.match(e.message, message);
      return true;
    });
    assert.deepEqual(await treeFingerprint(ws.dir), before, 'every file byte-identical, nothing added or left behind');
  }

  for (const { door, url } of doors) {
    for (const { name, fault, kind, message, extra } of RENEWAL_FAULTS) {
      it(`${door}: '${kind}' on ${name}, every file byte-identical`, async () => {
        const ws = await makeWorkspace(emulator, { layout: 'chain' });
        await renewCertificate(request(ws, url()));
        emulator.injectFault(fault);
        await expectUnchanged(ws, request(ws, url(), extra), kind, message);
        assert.equal(emulator.pendingFaults, 0, 'the fault was hit');
      });
    }

    it(`${door}: rolls back when the check with the renewed certificate fails`, async () => {
      const ws = await makeWorkspace(emulator, { layout: 'client' });
      const req = request(ws, url(), {
        onProgress: (step) => {
          if (step === 'Requesting the renewed certificate') emulator.injectFault({ endpoint: 'managementInfo', kind: 'drop' });
        },
      });
      await expectUnchanged(ws, req, 'verification', /restored/);
    });

    it(`${door}: a certificate revoked by the administrator cannot be renewed, and nothing changes`, async () => {
      const ws = await makeWorkspace(emulator);
      emulator.revokeHash(ws.sha256Hex);
      await expectUnchanged(ws, request(ws, url()), 'revoked');
    });
  }
});
