/**
 * Shared setup for the lifecycle and CLI tests: a workspace folder with a client certificate issued by a running
 * emulator, and a fingerprint of every file in a folder (to prove "nothing changed").
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ErrorKind } from '../../../src/core/errors';
import type { Fault } from '../../../src/emulator/faults';
import type { RenewRequest } from '../../../src/lifecycle/renew';

/** What the fixtures need from an emulator: either flavor issues certificates directly. */
export interface IssuingEmulator {
  issueClientCertificate(options: {
    application?: string;
    notBefore?: Date;
    validityMs?: number;
  }): Promise<{ certPem: string; caPem: string; keyPem?: string; sha256Hex: string }>;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface Workspace {
  dir: string;
  certFile: string;
  keyFile: string;
  sha256Hex: string;
  certPem: string;
  caPem: string;
}

/** A renewal of the workspace's certificate against `emulator` (its management/info URL and server CA). */
export function renewRequestFor(emulator: { infoUrl: string; serverCaFile: string }, ws: Workspace, extra: Partial<RenewRequest> = {}): RenewRequest {
  return { certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile, ...extra };
}

export interface WorkspaceOptions {
  /** `client`: the file holds the client certificate only; `chain`: client followed by the CA. */
  layout?: 'client' | 'chain';
  application?: string;
  notBefore?: Date;
  validityMs?: number;
  /** Base name of the certificate file. */
  name?: string;
}

/**
 * A clock for the emulator that runs an hour behind and advances at least one second per reading. Certificate times
 * have one-second resolution and renewal insists on a later notAfter, so back-to-back renewals in one test need
 * distinct issue times; starting an hour back keeps every notBefore in the past for the (real-time) TLS checks.
 */
export function steppingClock(): () => Date {
  let last = 0;
  return () => {
    last = Math.max(Date.now() - 60 * 60 * 1000, last + 1000);
    return new Date(last);
  };
}

/** A fresh temp folder. */
export async function tempDir(prefix = 'kyma-cert-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * Writes `app.crt` + `app.key` (0600) issued by the emulator. The certificate starts a day in the past, so a renewal
 * issued "now" always ends later than it (certificate times have one-second resolution).
 */
export async function makeWorkspace(emulator: IssuingEmulator, options: WorkspaceOptions = {}): Promise<Workspace> {
  const dir = await tempDir();
  const name = options.name ?? 'app';
  const issued = await emulator.issueClientCertificate({
    application: options.application ?? 'my-app',
    notBefore: options.notBefore ?? new Date(Date.now() - DAY_MS),
    validityMs: options.validityMs,
  });
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  const certText = options.layout === 'chain' ? issued.certPem + issued.caPem : issued.certPem;
  await fs.writeFile(certFile, certText, { mode: 0o644 });
  await fs.writeFile(keyFile, issued.keyPem ?? '', { mode: 0o600 });
  await fs.chmod(keyFile, 0o600);
  return { dir, certFile, keyFile, sha256Hex: issued.sha256Hex, certPem: issued.certPem, caPem: issued.caPem };
}

/**
 * Every file and folder under `dir` (hidden ones included) with the SHA-256 and mode of each file:
 * two equal trees mean no file was changed, added or removed.
 */
export async function treeFingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(current: string): Promise<void> {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const rel = path.relative(dir, full);
      if (entry.isDirectory()) {
        out[`${rel}/`] = 'dir';
        await walk(full);
      } else {
        const stat = await fs.stat(full);
        out[rel] = `${createHash('sha256')
          .update(await fs.readFile(full))
          .digest('hex')} ${(stat.mode & 0o777).toString(8)}`;
      }
    }
  }
  await walk(dir);
  return out;
}

export async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}

export async function modeOf(file: string): Promise<number> {
  return (await fs.stat(file)).mode & 0o777;
}

/** The renewal fault matrix: every fault must leave every file byte-identical, on every backend. */
export const RENEWAL_FAULTS: Array<{ name: string; fault: Fault; kind: ErrorKind; message?: RegExp; extra?: Partial<RenewRequest> }> = [
  { name: 'HTTP 500 on renewal', fault: { endpoint: 'renewals', kind: 'status', status: 500 }, kind: 'server' },
  { name: 'garbage instead of JSON', fault: { endpoint: 'renewals', kind: 'garbage' }, kind: 'server' },
  { name: 'a certificate for another key', fault: { endpoint: 'renewals', kind: 'foreign-key' }, kind: 'verification', message: /public key/ },
  { name: 'a certificate with the wrong subject', fault: { endpoint: 'renewals', kind: 'wrong-subject' }, kind: 'verification', message: /subject/ },
  { name: 'an already expired certificate', fault: { endpoint: 'renewals', kind: 'expired' }, kind: 'verification', message: /expired/ },
  { name: 'a certificate from a different CA', fault: { endpoint: 'renewals', kind: 'foreign-ca' }, kind: 'verification', message: /different CA/ },
  {
    name: 'a different CA signing while caCrt names the real one',
    fault: { endpoint: 'renewals', kind: 'foreign-ca', caCrt: 'real' },
    kind: 'verification',
    message: /not signed by the returned CA/,
  },
  // The client already refuses an answer whose crt is not clientCrt + caCrt: an unusable answer.
  { name: 'crt in the wrong order', fault: { endpoint: 'renewals', kind: 'bad-chain' }, kind: 'server' },
  {
    name: 'a renewal slower than the timeout',
    // Generous timeout so that only the held renewal request can hit it, even on a loaded machine.
    fault: { endpoint: 'renewals', kind: 'delay', ms: 60_000 },
    kind: 'timeout',
    extra: { timeoutMs: 2500 },
  },
  { name: 'a dropped connection', fault: { endpoint: 'renewals', kind: 'drop' }, kind: 'network' },
  { name: 'management/info failing', fault: { endpoint: 'managementInfo', kind: 'status', status: 503 }, kind: 'server' },
  {
    name: 'a foreign CA accepted with --allow-issuer-change but rejected by the gateway (rolled back)',
    fault: { endpoint: 'renewals', kind: 'foreign-ca' },
    kind: 'verification',
    message: /did not accept the renewed certificate.*restored/,
    extra: { allowIssuerChange: true },
  },
];

/** A tiny tmpfs (needs root, as this test machine has): the real way to get ENOSPC and EROFS. */
export async function mountTmpfs(sizeKb: number): Promise<{ dir: string; unmount: () => void }> {
  const dir = await tempDir('kyma-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  return { dir, unmount: () => execFileSync('umount', [dir]) };
}

/** Fills a file system until it is full. */
export async function fill(dir: string): Promise<void> {
  const handle = await fs.open(path.join(dir, 'filler'), 'w');
  try {
    for (;;) await handle.write(Buffer.alloc(4096, 1));
  } catch (e) {
    assert.equal((e as NodeJS.ErrnoException).code, 'ENOSPC');
  } finally {
    await handle.close().catch(() => undefined);
  }
}
