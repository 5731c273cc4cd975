import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { backupDirFor, caFileFor } from '../core/pairing';
import { KymaCertError } from '../core/errors';
import { isInside } from './connection';
import { ioError, modeOf, readFileIfExists, type FileWrite } from './files';

/** How many earlier versions of a certificate are kept. */
export const BACKUP_HISTORY = 5;

/** One earlier version of a certificate (and of its CA file, when there was one), named by when it was set aside. */
export interface BackupEntry {
  /** `2025-01-31T12-00-00-000Z` (plus `.N` when two backups fall into the same millisecond). */
  id: string;
  createdAt: Date;
  /** The backed-up certificate file. */
  certBackup: string;
  /** The backed-up CA file, if the certificate had one at the time. */
  caBackup?: string;
}

const ENTRY_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:\.(\d+))?--(.+)$/;

function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function dateOfStamp(stamp: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  return m ? new Date(`${m[1]}:${m[2]}:${m[3]}.${m[4]}Z`) : new Date(NaN);
}

function compareIds(a: { stamp: string; n: number }, b: { stamp: string; n: number }): number {
  return a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.n - b.n;
}

/**
 * Refuses a backup folder that is a symbolic link (at `.kyma-backups` or `.kyma-backups/<name>`) or that resolves
 * outside the certificate's folder: backups are written there and restore and pruning delete files there, so a
 * planted link would let a cloned repository aim those writes and deletions anywhere.
 */
export async function checkBackupDir(certFile: string): Promise<void> {
  const certDir = path.dirname(path.resolve(certFile));
  const dir = backupDirFor(path.resolve(certFile));
  for (const p of [path.dirname(dir), dir]) {
    const info = await fs.lstat(p).catch(() => undefined);
    if (!info) return; // not there yet: created as real folders by ensureDirectory
    if (info.isSymbolicLink() || !info.isDirectory()) {
      throw new KymaCertError(
        'io',
        `${p} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}; backups are only kept in a real folder next to the certificate. Nothing was changed.`,
        `Remove ${p} (or move it away) and try again.`,
      );
    }
  }
  const [realCertDir, realDir] = await Promise.all([fs.realpath(certDir), fs.realpath(dir).catch(() => undefined)]);
  if (realDir !== undefined && !isInside(realCertDir, realDir)) {
    throw new KymaCertError('io', `${dir} resolves outside the certificate's folder; nothing was changed.`, `Remove ${path.dirname(dir)} and try again.`);
  }
}

/** Every backup of `certFile`, newest first. */
export async function listBackups(certFile: string): Promise<BackupEntry[]> {
  return (await scanBackups(certFile)).entries;
}

/** The backups, and the CA backups that lost their certificate backup (a crash of an older version left them). */
async function scanBackups(certFile: string): Promise<{ entries: BackupEntry[]; orphans: string[] }> {
  await checkBackupDir(certFile);
  const dir = backupDirFor(certFile);
  const certName = path.basename(certFile);
  const caName = path.basename(caFileFor(certFile));
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], orphans: [] };
    throw ioError('list', dir, e);
  }
  const entries = new Map<string, BackupEntry & { stamp: string; n: number }>();
  for (const name of names) {
    const m = ENTRY_NAME.exec(name);
    if (!m || (m[3] !== certName && m[3] !== caName)) continue;
    const id = m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`;
    const entry = entries.get(id) ?? { id, stamp: m[1], n: Number(m[2] ?? 0), createdAt: dateOfStamp(m[1]), certBackup: '' };
    if (m[3] === certName) entry.certBackup = path.join(dir, name);
    else entry.caBackup = path.join(dir, name);
    entries.set(id, entry);
  }
  const all = [...entries.values()];
  return {
    entries: all
      .filter((e) => e.certBackup !== '')
      .sort((a, b) => compareIds(b, a))
      .map(({ id, createdAt, certBackup, caBackup }) => ({ id, createdAt, certBackup, caBackup })),
    orphans: all.filter((e) => e.certBackup === '' && e.caBackup).map((e) => e.caBackup!),
  };
}

/** A backup that is planned but not written yet: the writes go into the same atomic write as the new files. */
export interface PlannedBackup {
  entry: BackupEntry;
  writes: FileWrite[];
}

/**
 * Plans a backup of the certificate file as it is now (and of its CA file, if present): new files in
 * `backupDirFor(certFile)` with the current bytes and modes. The caller writes them (atomically with the new files).
 */
export async function planBackup(certFile: string, now: Date = new Date()): Promise<PlannedBackup> {
  const dir = backupDirFor(certFile);
  const existing = new Set((await listBackups(certFile)).map((e) => e.id));
  const stamp = stampOf(now);
  let id = stamp;
  for (let n = 1; existing.has(id); n++) id = `${stamp}.${n}`;
  const caFile = caFileFor(certFile);
  const writes: FileWrite[] = [];
  const entry: BackupEntry = { id, createdAt: dateOfStamp(stamp), certBackup: path.join(dir, `${id}--${path.basename(certFile)}`) };
  const certData = await readFileIfExists(certFile);
  if (certData) writes.push({ path: entry.certBackup, data: certData, mode: await modeOf(certFile) });
  const caData = await readFileIfExists(caFile);
  if (caData) {
    entry.caBackup = path.join(dir, `${id}--${path.basename(caFile)}`);
    writes.push({ path: entry.caBackup, data: caData, mode: await modeOf(caFile) });
  }
  return { entry, writes };
}

/**
 * Creates a directory (and parents) and returns an undo function that removes exactly the directories created here,
 * so that a failed run leaves no new empty folders behind.
 */
export async function ensureDirectory(dir: string): Promise<() => Promise<void>> {
  let first: string | undefined;
  try {
    first = await fs.mkdir(dir, { recursive: true, mode: 0o755 });
  } catch (e) {
    throw ioError('create', dir, e);
  }
  return async () => {
    if (first === undefined) return;
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
      await fs.rmdir(d).catch(() => undefined);
      if (d === path.resolve(first) || d === path.dirname(d)) break;
    }
  };
}

/** Deletes the files of one backup entry. */
export async function removeBackup(entry: BackupEntry): Promise<void> {
  for (const file of [entry.certBackup, entry.caBackup]) {
    if (file) await fs.unlink(file).catch(() => undefined);
  }
}

/** Keeps the newest `keep` backups of `certFile` and deletes the rest. Best effort: returns the ids it removed. */
export async function pruneBackups(certFile: string, keep = BACKUP_HISTORY): Promise<string[]> {
  const { entries, orphans } = await scanBackups(certFile);
  const stale = entries.slice(keep);
  for (const entry of stale) await removeBackup(entry);
  for (const orphan of orphans) await fs.unlink(orphan).catch(() => undefined);
  return stale.map((e) => e.id);
}
