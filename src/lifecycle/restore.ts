import * as path from 'node:path';
import { certificateFacts, type CertificateFacts } from '../core/certificate';
import { KymaCertError } from '../core/errors';
import { backupDirFor, caFileFor } from '../core/pairing';
import { parseCryptoFile } from '../core/pem';
import { ensureDirectory, listBackups, planBackup, pruneBackups, removeBackup, type BackupEntry } from './backups';
import { atomicWriteFiles, modeOf, readFileIfExists, type FileWrite } from './files';
import { withCertificateLock } from './lock';

export { listBackups, type BackupEntry } from './backups';

export interface RestoreRequest {
  certFile: string;
  /** Which backup (its `id` from listBackups, or its file path). Default: the newest. */
  backup?: string;
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
 * touched: a backup always belongs to the same key, because renewal reuses it.
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
