import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { backupDirFor, caFileFor } from '../core/pairing';
import { KymaCertError } from '../core/errors';
import { isInside } from './connection';
import { ioError, PRIVATE_KEY_MODE, takeSnapshot, type FileSnapshot, type FileWrite } from './files';
import { allInOrder } from './settle';

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
  /**
   * The previous private key (0600, as it was: an encrypted key stays encrypted), when the renewal that made this
   * backup rotated the key. Restoring the entry then puts certificate and key back together.
   */
  keyBackup?: string;
}

/** Key backups are named `<id>--key--<key file name>`: the key file's name is free, so it gets a marker. */
const KEY_MARKER = 'key--';

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

/** The backups, and the CA or key backups that lost their certificate backup (a crash between deletions left them). */
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
    if (!m) continue;
    const role = m[3] === certName ? 'cert' : m[3] === caName ? 'ca' : m[3].startsWith(KEY_MARKER) ? 'key' : undefined;
    if (!role) continue;
    const id = m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`;
    const entry = entries.get(id) ?? { id, stamp: m[1], n: Number(m[2] ?? 0), createdAt: dateOfStamp(m[1]), certBackup: '' };
    if (role === 'cert') entry.certBackup = path.join(dir, name);
    else if (role === 'ca') entry.caBackup = path.join(dir, name);
    else entry.keyBackup = path.join(dir, name);
    entries.set(id, entry);
  }
  const all = [...entries.values()];
  return {
    entries: all
      .filter((e) => e.certBackup !== '')
      .sort((a, b) => compareIds(b, a))
      .map(({ id, createdAt, certBackup, caBackup, keyBackup }) => ({ id, createdAt, certBackup, caBackup, ...(keyBackup ? { keyBackup } : {}) })),
    // A CA or key backup whose certificate backup is gone (a crash between deletions) belongs to nothing.
    orphans: all.filter((e) => e.certBackup === '').flatMap((e) => [e.caBackup, e.keyBackup].filter((f): f is string => f !== undefined)),
  };
}

/** A backup that is planned but not written yet: the writes go into the same atomic write as the new files. */
export interface PlannedBackup {
  entry: BackupEntry;
  writes: FileWrite[];
}

/**
 * Plans a backup of the certificate file as it is now (and of its CA file, if present, and of `keyFile` when the
 * key is about to be replaced too): new files in `backupDirFor(certFile)` with the current bytes and modes (the key
 * always 0600). The caller writes them (atomically with the new files). `current`: those files as the caller has
 * just read them under the certificate's lock (what is not in it is read here).
 */
export async function planBackup(certFile: string, now: Date = new Date(), keyFile?: string, current?: FileSnapshot): Promise<PlannedBackup> {
  const dir = backupDirFor(certFile);
  const caFile = caFileFor(certFile);
  const [backups, state] = await allInOrder([listBackups(certFile), takeSnapshot([certFile, caFile, ...(keyFile === undefined ? [] : [keyFile])], current)]);
  const existing = new Set(backups.map((e) => e.id));
  const stamp = stampOf(now);
  let id = stamp;
  for (let n = 1; existing.has(id); n++) id = `${stamp}.${n}`;
  const writes: FileWrite[] = [];
  const entry: BackupEntry = { id, createdAt: dateOfStamp(stamp), certBackup: path.join(dir, `${id}--${path.basename(certFile)}`) };
  const cert = state.get(certFile);
  if (cert) writes.push({ path: entry.certBackup, data: cert.data, mode: cert.mode });
  const ca = state.get(caFile);
  if (ca) {
    entry.caBackup = path.join(dir, `${id}--${path.basename(caFile)}`);
    writes.push({ path: entry.caBackup, data: ca.data, mode: ca.mode });
  }
  const key = keyFile === undefined ? undefined : state.get(keyFile);
  if (keyFile !== undefined && key) {
    entry.keyBackup = path.join(dir, `${id}--${KEY_MARKER}${path.basename(keyFile)}`);
    writes.push({ path: entry.keyBackup, data: key.data, mode: PRIVATE_KEY_MODE });
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
  for (const file of [entry.certBackup, entry.caBackup, entry.keyBackup]) {
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

/** The name the key file had when it was set aside (`<id>--key--app.key` → `app.key`). */
export function backedUpKeyName(entry: BackupEntry): string | undefined {
  if (!entry.keyBackup) return undefined;
  const name = path.basename(entry.keyBackup);
  return name.slice(name.indexOf(`--${KEY_MARKER}`) + 2 + KEY_MARKER.length);
}
