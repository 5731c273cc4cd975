import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isKymaCertError, type ErrorKind } from '../../../src/core/errors';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { listBackups } from '../../../src/lifecycle/backups';
import { readConnection } from '../../../src/lifecycle/connection';
import { renewCertificate, type RenewRequest } from '../../../src/lifecycle/renew';
import { DAY_MS, makeWorkspace, modeOf, RENEWAL_FAULTS, sha256Of, steppingClock, tempDir, treeFingerprint, type Workspace, renewRequestFor } from './fixtures';

let emulator: Emulator;
/** One line per request the emulator saw (and per failed handshake). */
const requestLog: string[] = [];

before(async () => {
  emulator = await startEmulator({ now: steppingClock(), log: (line) => requestLog.push(line) });
});
after(async () => {
  await emulator.close();
});

function request(ws: Workspace, extra: Partial<RenewRequest> = {}): RenewRequest {
  return renewRequestFor(emulator, ws, extra);
}

function certificatesIn(text: string): X509Certificate[] {
  return (text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).map((p) => new X509Certificate(p));
}

async function expectFailureLeavesFilesAlone(ws: Workspace, req: RenewRequest, kind: ErrorKind, message?: RegExp): Promise<void> {
  const before = await treeFingerprint(ws.dir);
  await assert.rejects(renewCertificate(req), (e: unknown) => {
    assert.ok(isKymaCertError(e), `expected KymaCertError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
  assert.deepEqual(await treeFingerprint(ws.dir), before, 'every file byte-identical, nothing added or left behind');
}

describe('renewCertificate against the emulator', () => {
  it('renews a client-only file: new certificate, CA file, backup, key untouched, openssl accepts the chain', async () => {
    const ws = await makeWorkspace(emulator, { layout: 'client' });
    const keyHash = await sha256Of(ws.keyFile);
    const steps: string[] = [];
    const result = await renewCertificate(request(ws, { onProgress: (s) => steps.push(s) }));

    const text = await fs.readFile(ws.certFile, 'utf8');
    const certs = certificatesIn(text);
    assert.equal(certs.length, 1, 'layout kept: client certificate only');
    assert.notEqual(result.renewed.sha256Hex, ws.sha256Hex);
    const writtenHash = createHash('sha256').update(certs[0].raw).digest('hex');
    assert.equal(result.renewed.sha256Hex, writtenHash, 'the result describes the certificate written to disk (the revocation hash)');
    assert.equal(certs[0].fingerprint256, result.renewed.fingerprint256);
    assert.ok(result.renewed.notAfter > result.previous.notAfter);
    assert.equal(result.renewed.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');

    assert.equal(result.caFile, path.join(ws.dir, 'app-ca.crt'));
    assert.equal(await fs.readFile(result.caFile, 'utf8'), emulator.clientCaPem.trim() + '\n');
    execFileSync('openssl', ['verify', '-CAfile', result.caFile, ws.certFile], { stdio: 'pipe' });

    assert.equal(await fs.readFile(result.backupFile, 'utf8'), ws.certPem);
    assert.equal(await sha256Of(ws.keyFile), keyHash, 'private key untouched');
    assert.equal(await modeOf(ws.keyFile), 0o600);
    assert.equal(await modeOf(ws.certFile), 0o644, 'certificate mode kept');

    const remembered = await readConnection(ws.certFile);
    assert.equal(remembered?.infoUrl, emulator.infoUrl);
    assert.equal(remembered?.keyFile, ws.keyFile);
    assert.equal(remembered?.caFile, undefined, 'a CA file outside the folder is not remembered');
    const raw = JSON.parse(await fs.readFile(path.join(ws.dir, 'app.kyma.json'), 'utf8')) as { keyFile: string };
    assert.equal(raw.keyFile, 'app.key', 'stored relative to the certificate');
    assert.ok(steps.includes('Checking the renewed certificate with the Connector Service'));
  });

  it('asks for the subject management/info names, also when the current certificate carries another one', async () => {
    // The CSR is prepared for the current subject while management/info is in flight; it must not be sent when the
    // answer names another subject (here: reversed order and an extra attribute, which the service would accept).
    const dir = await tempDir();
    const issued = await emulator.issueClientCertificate({
      subject: [
        { type: 'CN', value: 'my-app' },
        { type: 'serialNumber', value: '42' },
        { type: 'C', value: 'DE' },
        { type: 'ST', value: 'Waldorf' },
        { type: 'L', value: 'Waldorf' },
        { type: 'OU', value: 'OrgUnit' },
        { type: 'O', value: 'Organization' },
      ],
      notBefore: new Date(Date.now() - DAY_MS),
    });
    const ws: Workspace = {
      dir,
      certFile: path.join(dir, 'app.crt'),
      keyFile: path.join(dir, 'app.key'),
      sha256Hex: issued.sha256Hex,
      certPem: issued.certPem,
      caPem: issued.caPem,
    };
    await fs.writeFile(ws.certFile, issued.certPem);
    await fs.writeFile(ws.keyFile, issued.keyPem ?? '', { mode: 0o600 });
    const first = await renewCertificate(request(ws));
    assert.equal(first.renewed.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
    assert.deepEqual(
      first.renewed.subject.map((a) => a.type),
      ['O', 'OU', 'L', 'ST', 'C', 'CN'],
      'in the order management/info names them',
    );
    // Now the certificate carries what the service names: the CSR prepared in advance is the one sent.
    const second = await renewCertificate(request(ws));
    assert.deepEqual(second.renewed.subject, first.renewed.subject);
  });

  it('renews a client+CA file into a client+CA file and keeps a custom mode', async () => {
    const ws = await makeWorkspace(emulator, { layout: 'chain' });
    await fs.chmod(ws.certFile, 0o640);
    const result = await renewCertificate(request(ws));
    const certs = certificatesIn(await fs.readFile(ws.certFile, 'utf8'));
    assert.equal(certs.length, 2, 'layout kept: client + CA');
    assert.equal(certs[0].fingerprint256, result.renewed.fingerprint256);
    assert.equal(certs[1].fingerprint256, new X509Certificate(emulator.clientCaPem).fingerprint256);
    assert.equal(await modeOf(ws.certFile), 0o640);
    execFileSync('openssl', ['verify', '-CAfile', path.join(ws.dir, 'app-ca.crt'), ws.certFile], { stdio: 'pipe' });
  });

  it('renews a second time from the remembered connection alone, backing up the CA file too', async () => {
    const ws = await makeWorkspace(emulator);
    await renewCertificate(request(ws));
    const second = await renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile, caFile: emulator.serverCaFile });
    const backups = await listBackups(ws.certFile);
    assert.equal(backups.length, 2);
    assert.equal(backups[0].certBackup, second.backupFile);
    assert.ok(backups[0].caBackup, 'the CA written by the first renewal is backed up by the second');
    assert.ok(backups[1].caBackup === undefined);
  });

  it('keeps only the last 5 backups', async () => {
    const ws = await makeWorkspace(emulator);
    for (let i = 0; i < 7; i++) await renewCertificate(request(ws));
    assert.equal((await listBackups(ws.certFile)).length, 5);
  });

  it('renews a DER certificate file into a DER file', async () => {
    const ws = await makeWorkspace(emulator);
    const derFile = path.join(ws.dir, 'app.der');
    await fs.writeFile(derFile, new X509Certificate(ws.certPem).raw);
    await fs.rm(ws.certFile);
    const result = await renewCertificate({ ...request(ws), certFile: derFile });
    const bytes = await fs.readFile(derFile);
    assert.equal(new X509Certificate(bytes).fingerprint256, result.renewed.fingerprint256);
    assert.equal(bytes[0], 0x30, 'still DER');
  });

  // Every fault once with the key reused and once with key rotation (`--new-key`): the new key must never land alone.
  for (const rotateKey of [false, true]) {
    const mode = rotateKey ? ' (rotating the key)' : '';
    for (const { name, fault, kind, message, extra } of RENEWAL_FAULTS) {
      it(`fails with '${kind}' on ${name}${mode} and leaves every file byte-identical`, async () => {
        const ws = await makeWorkspace(emulator, { layout: 'chain' });
        // A previous renewal gives the folder a connection file, a CA file and a backup that must survive too.
        await renewCertificate(request(ws, { rotateKey }));
        emulator.injectFault(fault);
        await expectFailureLeavesFilesAlone(ws, request(ws, { ...extra, rotateKey }), kind, message);
        assert.equal(emulator.pendingFaults, 0, 'the fault was hit');
      });
    }

    it(`rolls back${mode} when the second management/info call (with the new certificate) fails`, async () => {
      const ws = await makeWorkspace(emulator, { layout: 'client' });
      const before = await treeFingerprint(ws.dir);
      const req = request(ws, {
        rotateKey,
        // Inject only once the first management/info call is done, so exactly the verification call hits the fault.
        onProgress: (step) => {
          if (step === 'Requesting the renewed certificate') emulator.injectFault({ endpoint: 'managementInfo', kind: 'drop' });
        },
      });
      await assert.rejects(renewCertificate(req), (e: unknown) => isKymaCertError(e, 'verification') && /restored/.test(e.message));
      assert.deepEqual(await treeFingerprint(ws.dir), before);
    });
  }

  it('refuses an expired certificate before any network call', async () => {
    const ws = await makeWorkspace(emulator, { notBefore: new Date(Date.now() - 10 * DAY_MS), validityMs: DAY_MS });
    const seen = requestLog.length;
    await expectFailureLeavesFilesAlone(ws, request(ws), 'expired');
    assert.equal(requestLog.length, seen, 'no request reached the service');
    await assert.rejects(renewCertificate(request(ws)), (e: unknown) => isKymaCertError(e) && e.remedy?.kind === 'new-certificate-with-token');
  });

  it('refuses a renewed certificate that expires earlier than the current one', async () => {
    const ws = await makeWorkspace(emulator, { validityMs: 400 * DAY_MS });
    await expectFailureLeavesFilesAlone(ws, request(ws), 'verification', /earlier than the current one/);
  });

  it('refuses a renewed certificate that is not valid yet by our clock (beyond the skew allowance)', async () => {
    const ws = await makeWorkspace(emulator);
    const current = new X509Certificate(ws.certPem);
    // Our clock: a minute after the current certificate started, long before the emulator's issue time.
    const now = () => new Date(new Date(current.validFrom).getTime() + 60_000);
    await expectFailureLeavesFilesAlone(ws, request(ws, { now }), 'verification', /not valid before/);
  });

  it('refuses a key that does not belong to the certificate', async () => {
    const ws = await makeWorkspace(emulator);
    const other = await makeWorkspace(emulator);
    await expectFailureLeavesFilesAlone(ws, { ...request(ws), keyFile: other.keyFile }, 'key-mismatch');
  });

  it('says which setting is missing when no info URL is known', async () => {
    const ws = await makeWorkspace(emulator);
    await assert.rejects(renewCertificate({ certFile: ws.certFile, keyFile: ws.keyFile }), (e: unknown) => {
      return isKymaCertError(e, 'config') && e.remedy?.kind === 'set-management-url' && e.remedy.data.connectionFile.endsWith('.kyma.json');
    });
  });

  it("maps the service's 403 for a revoked certificate to 'revoked' with the new-certificate remedy", async () => {
    const ws = await makeWorkspace(emulator);
    emulator.revokeHash(ws.sha256Hex);
    const before = await treeFingerprint(ws.dir);
    await assert.rejects(renewCertificate(request(ws)), (e: unknown) => {
      return isKymaCertError(e, 'revoked') && e.status === 403 && e.remedy?.kind === 'new-certificate-with-token';
    });
    assert.deepEqual(await treeFingerprint(ws.dir), before);
  });

  it('lets exactly one of two concurrent renewals run; the other fails fast with locked', async () => {
    const ws = await makeWorkspace(emulator);
    const results = await Promise.allSettled([renewCertificate(request(ws)), renewCertificate(request(ws))]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 1);
    assert.ok(isKymaCertError(rejected[0].reason, 'locked'));
    assert.equal((await listBackups(ws.certFile)).length, 1, 'exactly one renewal happened');
    assert.deepEqual(
      (await fs.readdir(ws.dir)).filter((n) => n.includes('lock') || n.includes('tmp')),
      [],
      'no lock or temp file left',
    );
  });

  it('stops with cancelled when the signal is aborted, leaving files alone', async () => {
    const ws = await makeWorkspace(emulator);
    const controller = new AbortController();
    const req = request(ws, {
      signal: controller.signal,
      onProgress: (step) => {
        if (step === 'Requesting the renewed certificate') controller.abort();
      },
    });
    await expectFailureLeavesFilesAlone(ws, req, 'cancelled');
  });
});
