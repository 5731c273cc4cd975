import { X509Certificate } from 'node:crypto';
import * as path from 'node:path';
import { certificateFacts, type CertificateFacts } from '../core/certificate';
import { KymaCertError, isKymaCertError } from '../core/errors';
import { readPrivateKey, spkiDer } from '../core/keys';
import { backupDirFor, caFileFor } from '../core/pairing';
import { parseCryptoFile } from '../core/pem';
import { ensureDirectory, listBackups, planBackup, pruneBackups, removeBackup, type BackupEntry } from './backups';
import { atomicWriteFiles, modeOf, readFileIfExists, type FileWrite } from './files';
import { withCertificateLock } from './lock';
import { chooseKeyFile, resolveCertificateInputs } from './resolve';

export { listBackups, type BackupEntry } from './backups';

export interface RestoreRequest {
  certFile: string;
  /** Which backup (its `id` from listBackups, or its file path). Default: the newest. */
  backup?: string;
  /** The private key the restored certificate must belong to. Default: found by the resolver (remembered, naming). */
  keyFile?: string;
  /** Passphrase of an encrypted key; without it the current certificate's public key stands in for the key's. */
  keyPassphrase?: string;
  log?: (line: string) => void;
}

export interface RestoreResult {
  certFile: string;
  /** The backup that was put back (it leaves the history). */
  restoredFrom: BackupEntry;
  /** Where the certificate that was in place went (it joins the history), if there was one. */
  backupFile?: string;
  restored: CertificateFacts;
}

function spkiOf(certDer: Buffer): Buffer {
  return new X509Certificate(certDer).publicKey.export({ type: 'spki', format: 'der' });
}

/**
 * The public key a restored certificate must carry: the key file's (found by the one resolver), or, when the key is
 * encrypted and no passphrase was given or no key is found, the current certificate's. Undefined when neither
 * exists: then there is nothing a backup could mismatch.
 */
async function currentPublicKey(certFile: string, req: RestoreRequest): Promise<{ spki: Buffer; from: string } | undefined> {
  const inputs = await resolveCertificateInputs(certFile, { keyFile: req.keyFile });
  const keyFile = await chooseKeyFile(inputs).catch(() => undefined);
  const keyData = keyFile ? await readFileIfExists(keyFile) : undefined;
  if (keyFile && keyData) {
    try {
      return { spki: spkiDer(readPrivateKey(keyData, req.keyPassphrase).key), from: `the key ${keyFile}` };
    } catch (e) {
      if (!isKymaCertError(e, 'passphrase-required')) throw e;
    }
  }
  const currentData = await readFileIfExists(certFile);
  const current = currentData ? parseCryptoFile(currentData).blocks.find((b) => b.kind === 'certificate') : undefined;
  return current ? { spki: spkiOf(current.der), from: `the current certificate ${certFile}` } : undefined;
}

function chooseBackup(entries: readonly BackupEntry[], wanted: string | undefined, certFile: string): BackupEntry {
  if (entries.length === 0) {
    throw new KymaCertError('config', `There is no backup of ${certFile}.`, `Backups are kept in ${backupDirFor(certFile)} by renewal.`);
  }
  if (wanted === undefined) return entries[0];
  const resolved = path.resolve(wanted);
  const entry = entries.find((e) => e.id === wanted || e.certBackup === resolved);
  if (!entry) {
    throw new KymaCertError('config', `No backup "${wanted}" of ${certFile}.`, `Available: ${entries.map((e) => e.id).join(', ')}.`);
  }
  return entry;
}

/**
 * Puts a backed-up certificate (and its CA file, if it was backed up) back into place atomically, and pushes the
 * certificate that was in place into the history, so restoring twice undoes the first restore. The key is never
 * touched, so a backup whose public key is not the current key's (the key was replaced since, e.g. by
 * `issue --force`) is refused with `key-mismatch` and nothing is written.
 */
export async function restoreCertificate(req: RestoreRequest): Promise<RestoreResult> {
  const certFile = path.resolve(req.certFile);
  return withCertificateLock(certFile, async () => {
    const entry = chooseBackup(await listBackups(certFile), req.backup, certFile);
    const certData = await readFileIfExists(entry.certBackup);
    if (!certData) throw new KymaCertError('io', `The backup ${entry.certBackup} disappeared.`);
    const certs = parseCryptoFile(certData).blocks.filter((b) => b.kind === 'certificate');
    if (certs.length === 0) throw new KymaCertError('parse', `The backup ${entry.certBackup} holds no certificate.`);
    const expected = await currentPublicKey(certFile, req);
    if (expected && !spkiOf(certs[0].der).equals(expected.spki)) {
      throw new KymaCertError(
        'key-mismatch',
        `The backup ${entry.id} is a certificate for another key than ${expected.from}; nothing was restored.`,
        'The key was replaced after that backup was made (a new certificate from a token?). A certificate only works with its own key.',
      );
    }

    const writes: FileWrite[] = [{ path: certFile, data: certData, mode: await modeOf(entry.certBackup) }];
    const caData = entry.caBackup ? await readFileIfExists(entry.caBackup) : undefined;
    if (caData) writes.push({ path: caFileFor(certFile), data: caData, mode: entry.caBackup ? await modeOf(entry.caBackup) : undefined });
    const current = await planBackup(certFile);
    writes.push(...current.writes);

    const undoDir = await ensureDirectory(backupDirFor(certFile));
    try {
      await atomicWriteFiles(writes);
    } catch (e) {
      await undoDir();
      throw e;
    }
    await removeBackup(entry);
    await pruneBackups(certFile).catch(() => []);
    req.log?.(`restored ${certFile} from backup ${entry.id}`);
    return {
      certFile,
      restoredFrom: entry,
      backupFile: current.writes.length > 0 ? current.entry.certBackup : undefined,
      restored: certificateFacts(certs[0].der),
    };
  });
}
