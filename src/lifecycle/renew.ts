import type { KeyObject } from 'node:crypto';
import * as path from 'node:path';
import { type CertificateFacts, certificateLogLabel } from '../core/certificate';
import { createCsr } from '../core/csr';
import { formatConnectorSubject, sameName, type DnAttribute } from '../core/dn';
import { KymaCertError, isKymaCertError } from '../core/errors';
import { backupDirFor, caFileFor, connectionFileFor } from '../core/pairing';
import { nextHandshake } from '../connector/agent';
import { checkBackupDir, ensureDirectory, planBackup, pruneBackups } from './backups';
import { serializeConnection, unrememberedPaths, type RememberedConnection } from './connection';
import { atomicWriteFiles, PRIVATE_KEY_MODE, restoreSnapshot, takeSnapshot, type FileSnapshot, type FileWrite } from './files';
import { renderRenewedCertificateFile } from './layout';
import { crashPoint } from './crashPoint';
import { withCertificateLock } from './lock';
import { resolveConnection, type ResolvedConnection } from './management';
import { loadCertificateMaterial, type KeyPassphraseOption, type CertificateMaterial } from './material';
import { prepareKeyRotation, type KeyRotation } from './rotation';
import { allInOrder } from './settle';
import { backendWithCa, serverCaOf, throwIfCancelled, type NetworkOptions } from './tls-options';
import { verifyIssuedCertificates, type VerifiedCertificates } from './verify';

/** Callbacks and clock shared by the workflows. */
export interface WorkflowHooks {
  /** Injected clock (tests, and the editor's "renew at" logic). */
  now?: () => Date;
  /** A short human step description ("Requesting the renewed certificate"), for a progress bar or stderr. */
  onProgress?: (step: string) => void;
  /** Detail lines for a log. Never receives key material or PEM bodies. */
  log?: (line: string) => void;
}

export interface RenewRequest extends NetworkOptions, WorkflowHooks, KeyPassphraseOption {
  /** The client certificate file: the client certificate alone, or followed by its CA chain. PEM or DER. */
  certFile: string;
  /** The private key of the certificate. Read, used for the CSR and the handshake; written only with rotateKey. */
  keyFile: string;
  /** management/info URL. Default: the remembered connection. */
  infoUrl?: string;
  /** Accept a certificate signed by a CA other than the current certificate's issuer (a rotated cluster CA). */
  allowIssuerChange?: boolean;
  /**
   * Renew with a new key of the same type and size (`renew --new-key`). The new key stays in memory until the new
   * certificate is verified, then replaces the old key in the same atomic write; the old key goes into the backup.
   */
  rotateKey?: boolean;
}

export interface RenewResult {
  certFile: string;
  /** Where the issuing CA was written (pairing's caFileFor), unless that path is the server CA file in use. */
  caFile?: string;
  /** The backup of the previous certificate file. */
  backupFile: string;
  /** With rotateKey: the backup of the previous key (0600). */
  keyBackupFile?: string;
  previous: CertificateFacts;
  renewed: CertificateFacts;
  infoUrl: string;
}

/**
 * Renews a client certificate with its existing key, or a new one with `rotateKey` (spec §4, §5, §12): checks the certificate and key locally,
 * asks management/info for the subject and the renewal URL, sends a CSR with exactly that subject, verifies the
 * answer, writes the new certificate (in the old file's layout), the CA and a backup in one atomic step, and then
 * proves the new certificate works with a second management/info call, restoring the previous files if it does not.
 * Any failure leaves every file byte-identical. Holds the certificate's lock throughout (`locked` if taken).
 */
export async function renewCertificate(req: RenewRequest): Promise<RenewResult> {
  const certFile = path.resolve(req.certFile);
  return withCertificateLock(certFile, () => renewLocked({ ...req, certFile, keyFile: path.resolve(req.keyFile) }));
}

async function renewLocked(req: RenewRequest): Promise<RenewResult> {
  const now = req.now ?? (() => new Date());
  const progress = req.onProgress ?? (() => undefined);
  const log = req.log ?? (() => undefined);
  const { certFile, keyFile } = req;

  progress('Reading the certificate and key');
  // Independent reads, at the same time; a planted .kyma-backups link is refused before spending a server round trip.
  const [, material, { connection, caPem }] = await allInOrder([
    checkBackupDir(certFile),
    loadCertificateMaterial(certFile, keyFile, now(), req.keyPassphrase),
    resolveConnection(certFile, req).then(async (connection) => ({ connection, caPem: await serverCaOf(connection.network) })),
  ]);
  log(`certificate ${certificateLogLabel(material.clientFacts)}`);
  if (connection.remembered?.revoked?.sha256Hex === material.clientFacts.sha256Hex) {
    log(`this certificate was revoked on ${connection.remembered.revoked.at}; asking the service anyway`);
  }
  const rotation = req.rotateKey ? await prepareKeyRotation(material, keyFile, req.keyPassphrase) : undefined;
  if (rotation) log(`generated a new ${rotation.description} key; it replaces ${keyFile} only together with a verified certificate`);
  // The CSR and the verification use the key the new certificate is for; the mTLS calls before the write use the old pair.
  const newKey = rotation?.key ?? material.key;
  const newKeyPem = rotation?.keyPem ?? material.keyPem;
  throwIfCancelled(req.signal);

  const backend = backendWithCa(connection.location.backend, connection.network, caPem, { certPem: material.clientPem, keyPem: material.keyPem });
  progress('Asking the Connector Service for the subject');
  const answer = backend.management(connection.location);
  const prepared = Promise.race([nextHandshake(), answer.then(noop, noop)]).then(() => csrInAdvance(material.clientFacts.subject, newKey));
  const management = await answer;
  log(`subject ${formatConnectorSubject(management.subject)} (${connection.location.backend} backend)`);
  throwIfCancelled(req.signal);

  progress('Requesting the renewed certificate');
  const csrPem = (await prepared)(management.subject) ?? createCsr(management.subject, newKey);
  let issued;
  try {
    issued = await management.renew(csrPem);
  } catch (e) {
    throw withRevocationHint(e);
  }
  throwIfCancelled(req.signal);

  progress('Verifying the renewed certificate');
  const verified = verifyIssuedCertificates({
    issued,
    key: newKey,
    expectedSubject: management.subject,
    now: now(),
    current: material.client,
    allowIssuerChange: req.allowIssuerChange,
  });
  log(`renewed certificate ${certificateLogLabel(verified.clientFacts)}`);
  if (verified.issuerChanged) log(`the issuing CA changed to ${verified.issuer.subject.replace(/\n/g, ', ')} (allowed by allowIssuerChange)`);
  throwIfCancelled(req.signal);

  progress('Writing the renewed certificate');
  // Kyma: management/info; Compass: configuration over mTLS (§12: keep the old certificate until this succeeds). The
  // call needs only the verified certificate and key, so it runs while the files are checked and written (both
  // mostly wait); its answer counts only once the write is complete, and a refusal puts the previous files back.
  // A failure before that ends the check (its answer no longer matters) instead of waiting for a slow server.
  const stopCheck = new AbortController();
  const checkWithRenewed = async (): Promise<void> => {
    const network = { ...connection.network, signal: req.signal ? AbortSignal.any([req.signal, stopCheck.signal]) : stopCheck.signal };
    const renewedBackend = backendWithCa(connection.location.backend, network, caPem, { certPem: verified.clientPem, keyPem: newKeyPem });
    await renewedBackend.management(connection.location);
  };
  const checked = checkWithRenewed().then(
    () => undefined,
    (e: unknown) => ({ error: e }),
  );
  let undoBackupDir = async (): Promise<void> => undefined;
  let plan: WritePlan;
  try {
    plan = await planWrites(material, keyFile, verified, connection, log, rotation);
    undoBackupDir = await ensureDirectory(backupDirFor(certFile));
    await atomicWriteFiles(plan.writes, plan.snapshot);
  } catch (e) {
    stopCheck.abort();
    await checked;
    await undoBackupDir();
    throw e;
  }
  crashPoint('renew:written');

  progress('Checking the renewed certificate with the Connector Service');
  const refused = await checked;
  if (refused) {
    const e = refused.error;
    const reason = isKymaCertError(e) ? e.message : String(e);
    try {
      await restoreSnapshot(plan.snapshot);
    } catch (restoreError) {
      // Keep the backup: it is now the only copy of the previous certificate.
      throw new KymaCertError('io', `The renewed certificate was not accepted (${reason}), and putting the previous files back failed.`, undefined, {
        cause: restoreError,
        remedy: { kind: 'restore-by-hand', data: { backupFile: plan.backupFile, certFile } },
      });
    }
    await undoBackupDir();
    if (isKymaCertError(e, 'cancelled')) {
      throw new KymaCertError('cancelled', 'Cancelled while checking the renewed certificate; the previous files were restored.');
    }
    throw new KymaCertError(
      'verification',
      `The Connector Service did not accept the renewed certificate (${reason}). The previous files were restored.`,
      undefined,
      { cause: e, status: isKymaCertError(e) ? e.status : undefined, remedy: { kind: 'retry-later' } },
    );
  }

  const pruned = await pruneBackups(certFile).catch(() => []);
  if (pruned.length > 0) log(`removed ${pruned.length} old backup(s)`);
  return {
    certFile,
    caFile: plan.caFile,
    backupFile: plan.backupFile,
    keyBackupFile: plan.keyBackupFile,
    previous: material.clientFacts,
    renewed: verified.clientFacts,
    infoUrl: connection.infoUrl,
  };
}

/**
 * The certificate and key on disk must still be the bytes this renewal started from: the new certificate is for
 * that key. Every writer of ours holds the lock, but a person or another tool may have replaced the pair meanwhile
 * (e.g. `issue --force` from an older version, a `cp`); writing now would leave a certificate that fits no key.
 */
function checkUnchangedSince(material: CertificateMaterial, keyFile: string, current: FileSnapshot): void {
  const certNow = current.get(material.certFile)?.data;
  const keyNow = current.get(keyFile)?.data;
  if (!certNow?.equals(material.certData) || !keyNow?.equals(material.keyData)) {
    throw new KymaCertError(
      'io',
      `${!certNow?.equals(material.certData) ? material.certFile : keyFile} changed while the renewal was running; nothing was written.`,
      'Another program replaced the certificate or key. Check which pair is current, then renew again.',
    );
  }
}

/**
 * The CSR for the subject the current certificate carries, built once management/info is on its way (so this work
 * overlaps the server's): the service asks for that same subject in nearly every renewal. It is used only when the
 * answer names exactly these attributes, grouped and encoded alike, so it is byte for byte the CSR that building it
 * afterwards would give; otherwise (or if it cannot be built) the CSR is built for the answer as before.
 */
function csrInAdvance(subject: readonly DnAttribute[], key: KeyObject): Promise<(wanted: readonly DnAttribute[]) => string | undefined> {
  const sameEncoding = (wanted: readonly DnAttribute[]): boolean =>
    sameName(wanted, subject) && wanted.every((a, i) => Boolean(a.valueIsHexDer) === Boolean(subject[i].valueIsHexDer));
  // setImmediate: after the request that the handshake released has been written, not before.
  return new Promise((resolve) =>
    setImmediate(() => {
      let csrPem: string | undefined;
      try {
        csrPem = createCsr(subject, key);
      } catch {
        csrPem = undefined;
      }
      resolve((wanted) => (csrPem !== undefined && sameEncoding(wanted) ? csrPem : undefined));
    }),
  );
}

const noop = (): void => undefined;

/** A revoked certificate can never be renewed: say what helps instead. */
function withRevocationHint(e: unknown): unknown {
  if (isKymaCertError(e, 'revoked') && !e.remedy) {
    return new KymaCertError('revoked', e.message, undefined, {
      status: e.status,
      serverMessage: e.serverMessage,
      cause: e,
      remedy: { kind: 'new-certificate-with-token', data: { reason: 'revoked' } },
    });
  }
  return e;
}

interface WritePlan {
  writes: FileWrite[];
  /** Every path of `writes` as it was before (under the lock): what a refused renewal puts back. */
  snapshot: FileSnapshot;
  caFile?: string;
  backupFile: string;
  keyBackupFile?: string;
}

/**
 * What to write, from one read of the certificate's set (certificate, key, CA file, remembered connection, all at
 * once): the same bytes are compared with what the renewal started from, backed up, and kept for a rollback.
 */
async function planWrites(
  material: CertificateMaterial,
  keyFile: string,
  verified: VerifiedCertificates,
  connection: ResolvedConnection,
  log: (line: string) => void,
  rotation: KeyRotation | undefined,
): Promise<WritePlan> {
  const { certFile } = material;
  const connectionFile = connectionFileFor(certFile);
  const current = await takeSnapshot([...new Set([certFile, keyFile, caFileFor(certFile), connectionFile])]);
  checkUnchangedSince(material, keyFile, current);
  const writes: FileWrite[] = [
    {
      path: certFile,
      data: renderRenewedCertificateFile(
        { format: material.format, data: material.certData, clientDer: material.client.raw },
        verified.clientPem,
        verified.caPem,
      ),
    },
  ];

  let caFile: string | undefined = caFileFor(certFile);
  if (connection.network.caFile && path.resolve(connection.network.caFile) === path.resolve(caFile)) {
    // That file is the server's trust anchor for TLS here; overwriting it with the client CA would break the next call.
    log(`not writing the issuing CA to ${caFile}: it is the server CA file (--ca-file)`);
    caFile = undefined;
  } else {
    writes.push({ path: caFile, data: verified.caPem });
  }

  // With rotation the new key is part of the same atomic write, so certificate and key can never disagree on disk.
  if (rotation) writes.push({ path: keyFile, data: rotation.fileData, mode: PRIVATE_KEY_MODE });
  const backup = await planBackup(certFile, new Date(), rotation ? keyFile : undefined, current);
  writes.push(...backup.writes);

  const remembered: RememberedConnection = {
    backend: connection.location.backend,
    infoUrl: connection.infoUrl,
    directorUrl: connection.location.directorUrl,
    keyFile,
    caFile: connection.network.caFile,
  };
  for (const p of unrememberedPaths(certFile, remembered)) log(`not remembering ${p}: it is outside the certificate's folder (pass it again next time)`);
  const serialized = serializeConnection(certFile, remembered);
  const existing = current.get(connectionFile)?.data;
  // Rewrite only when something changed, so a routine renewal does not churn a file that may be under version control.
  if (!existing || existing.toString('utf8') !== serialized) writes.push({ path: connectionFile, data: serialized });

  return {
    writes,
    snapshot: await takeSnapshot(
      writes.map((w) => w.path),
      current,
    ),
    caFile,
    backupFile: backup.entry.certBackup,
    keyBackupFile: backup.entry.keyBackup,
  };
}
