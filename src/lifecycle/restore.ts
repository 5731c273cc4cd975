import * as path from 'node:path';
import { certificateFacts, type CertificateFacts } from '../core/certificate';
import { KymaCertError } from '../core/errors';
import { backupDirFor, caFileFor } from '../core/pairing';
import { parseCryptoFile } from '../core/pem';
import { backedUpKeyName, ensureDirectory, listBackups, planBackup, pruneBackups, removeBackup, type BackupEntry } from './backups';
import { readConnection } from './connection';
import { atomicWriteFiles, modeOf, PRIVATE_KEY_MODE, readFileIfExists, type FileWrite } from './files';
import { withCertificateLock } from './lock';

export { listBackups, type BackupEntry } from './backups';

export interface RestoreRequest {
  certFile: string;
  /** Which backup (its `id` from listBackups, or its file path). Default: the newest. */
  backup?: string;
  /**
   * Where the key of a backup made by a key-rotating renewal goes back to. Default: the remembered connection's key
   * file, else the name the key had next to the certificate.
   */
  keyFile?: string;
  log?: (line: string) => void;
}

export interface RestoreResult {
  certFile: string;
  /** The backup that was put back (it leaves the history). */
  restoredFrom: BackupEntry;
  /** Where the certificate that was in place went (it joins the history), if there was one. */
  backupFile?: string;
  /** The key file put back together with the certificate (backups of a key-rotating renewal only). */
  keyFile?: string;
  restored: CertificateFacts;
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
 * certificate that was in place into the history, so restoring twice undoes the first restore. A backup made by a
 * renewal that rotated the key holds the previous key too: then certificate and key are put back together in the same
 * atomic write (the key 0600) and the key in place joins the history with its certificate. Other backups leave the
 * key alone: they belong to the same key, because renewal without rotation reuses it.
 */
export async function restoreCertificate(req: RestoreRequest): Promise<RestoreResult> {
  const certFile = path.resolve(req.certFile);
  return withCertificateLock(certFile, async () => {
    const entry = chooseBackup(await listBackups(certFile), req.backup, certFile);
    const certData = await readFileIfExists(entry.certBackup);
    if (!certData) throw new KymaCertError('io', `The backup ${entry.certBackup} disappeared.`);
    const certs = parseCryptoFile(certData).blocks.filter((b) => b.kind === 'certificate');
    if (certs.length === 0) throw new KymaCertError('parse', `The backup ${entry.certBackup} holds no certificate.`);

    const writes: FileWrite[] = [{ path: certFile, data: certData, mode: await modeOf(entry.certBackup) }];
    const caData = entry.caBackup ? await readFileIfExists(entry.caBackup) : undefined;
    if (caData) writes.push({ path: caFileFor(certFile), data: caData, mode: entry.caBackup ? await modeOf(entry.caBackup) : undefined });
    const keyFile = entry.keyBackup ? await keyTarget(certFile, entry, req.keyFile) : undefined;
    if (keyFile && entry.keyBackup) {
      const keyData = await readFileIfExists(entry.keyBackup);
      if (!keyData) throw new KymaCertError('io', `The key backup ${entry.keyBackup} disappeared.`);
      writes.push({ path: keyFile, data: keyData, mode: PRIVATE_KEY_MODE });
    }
    const current = await planBackup(certFile, new Date(), keyFile);
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
    req.log?.(`restored ${certFile}${keyFile ? ` and its key ${keyFile}` : ''} from backup ${entry.id}`);
    return {
      certFile,
      restoredFrom: entry,
      backupFile: current.writes.length > 0 ? current.entry.certBackup : undefined,
      keyFile,
      restored: certificateFacts(certs[0].der),
    };
  });
}

/** Where a backed-up key goes: the caller's choice, the remembered key file, else its old name next to the certificate. */
async function keyTarget(certFile: string, entry: BackupEntry, explicit: string | undefined): Promise<string> {
  if (explicit) return path.resolve(explicit);
  const remembered = (await readConnection(certFile).catch(() => undefined))?.keyFile;
  return remembered ?? path.join(path.dirname(certFile), backedUpKeyName(entry) ?? `${path.parse(certFile).name}.key`);
}
