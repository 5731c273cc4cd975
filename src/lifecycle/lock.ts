import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { KymaCertError } from '../core/errors';
import { ioError } from './files';

/** A lock older than this is considered abandoned even if its pid is alive (pids get reused). */
export const STALE_LOCK_MS = 10 * 60 * 1000;

/** The lock file guarding one certificate: next to it, hidden, so that every process finds the same one. */
export function lockFileFor(certFile: string): string {
  const abs = path.resolve(certFile);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.kyma-lock`);
}

interface LockContents {
  pid: number;
  createdAt: string;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(lockFile: string, now: number): Promise<boolean> {
  let text: string;
  try {
    text = await fs.readFile(lockFile, 'utf8');
  } catch (e) {
    // Vanished between our open and our read: the holder just released it.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw ioError('read', lockFile, e);
  }
  let contents: Partial<LockContents>;
  try {
    contents = JSON.parse(text) as Partial<LockContents>;
  } catch {
    // A holder that crashed between creating and writing the file leaves it empty; judge it by its age.
    const stat = await fs.stat(lockFile).catch(() => undefined);
    return !stat || now - stat.mtimeMs > STALE_LOCK_MS;
  }
  const created = Date.parse(contents.createdAt ?? '');
  if (!Number.isFinite(created) || now - created > STALE_LOCK_MS) return true;
  return typeof contents.pid !== 'number' || !processIsAlive(contents.pid);
}

/** Takes a stale lock out of the way. Renaming first means two processes that both saw it stale cannot both win. */
async function breakStaleLock(lockFile: string): Promise<void> {
  const aside = `${lockFile}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(lockFile, aside);
    await fs.unlink(aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError('remove the stale lock', lockFile, e);
  }
}

async function tryCreate(lockFile: string): Promise<boolean> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(lockFile, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw ioError('create the lock file', lockFile, e);
  }
  try {
    const contents: LockContents = { pid: process.pid, createdAt: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(contents));
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Runs `fn` while holding a lock on `certFile` that other processes respect (a `wx`-created file next to the
 * certificate holding pid + timestamp). A second attempt fails fast with `locked` instead of waiting, because two
 * renewals of one certificate would both spend a server round trip and race on the files. A lock whose process is
 * dead or that is older than `STALE_LOCK_MS` is broken. The lock is always released.
 */
export async function withCertificateLock<T>(certFile: string, fn: () => Promise<T>): Promise<T> {
  const lockFile = lockFileFor(certFile);
  let acquired = await tryCreate(lockFile);
  if (!acquired && (await isStale(lockFile, Date.now()))) {
    await breakStaleLock(lockFile);
    acquired = await tryCreate(lockFile);
  }
  if (!acquired) {
    throw new KymaCertError(
      'locked',
      `Another renewal of this certificate is running (${path.basename(certFile)}).`,
      undefined,
      { remedy: { kind: 'retry-later', data: { lockFile } } },
    );
  }
  try {
    return await fn();
  } finally {
    await fs.unlink(lockFile).catch(() => undefined);
  }
}
