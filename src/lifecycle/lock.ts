import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KymaCertError } from '../core/errors';
import { readRegularFile } from '../io/boundedRead';
import { crashPoint } from './crashPoint';
import { ioError } from './files';
import { journalFileFor, withJournal } from './journal';
import { recoverInterruptedWrite } from './recovery';

/**
 * A lock we cannot check precisely (another host, no /proc, an old lock format) is considered abandoned after this
 * long even if its pid is alive (pids get reused, and a pid from another container says nothing here).
 */
export const STALE_LOCK_MS = 10 * 60 * 1000;
/** A lock file that never got its contents (its holder died between create and write) is abandoned after this. */
export const STALE_EMPTY_LOCK_MS = 10 * 1000;

/** The lock file guarding one certificate: next to it, hidden, so that every process finds the same one. */
export function lockFileFor(certFile: string): string {
  const abs = path.resolve(certFile);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.kyma-lock`);
}

/** Who holds a lock: enough to tell a live holder from a reused pid, a restarted container or a rebooted machine. */
export interface LockContents {
  pid: number;
  createdAt: string;
  host?: string;
  /** /proc/sys/kernel/random/boot_id: differs after a reboot. */
  bootId?: string;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot): differs for a reused pid. */
  startTime?: string;
}

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined; // not Linux, or no /proc: fall back on pid + age
  }
}

/** The start time of a process, or undefined when it does not exist or /proc is unavailable. */
export function processStartTime(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19]; // field 22 overall = index 19 after fields 1–2
}

function ourIdentity(): LockContents {
  return {
    pid: process.pid,
    createdAt: new Date().toISOString(),
    host: os.hostname(),
    bootId: readProc('/proc/sys/kernel/random/boot_id'),
    startTime: processStartTime(process.pid),
  };
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

/** The staleness rule, as a pure function of the lock's contents and what we see of this machine. */
export function holderIsGone(lock: Partial<LockContents>, now: number, me: LockContents = ourIdentity()): boolean {
  const created = Date.parse(lock.createdAt ?? '');
  const old = !Number.isFinite(created) || now - created > STALE_LOCK_MS;
  if (typeof lock.pid !== 'number' || !Number.isInteger(lock.pid) || lock.pid <= 0) return true;
  // Another host (or container with its own name) may share the folder: its pids mean nothing here.
  if (lock.host !== undefined && lock.host !== me.host) return old;
  // Same host, other boot: every process of that boot is gone.
  if (lock.bootId !== undefined && me.bootId !== undefined && lock.bootId !== me.bootId) return true;
  if (!processIsAlive(lock.pid)) return true;
  // A live pid is the holder only if it is the same process: same start time. That is exact, so no age limit.
  if (lock.startTime !== undefined && me.startTime !== undefined) return processStartTime(lock.pid) !== lock.startTime;
  return old;
}

async function isStale(lockFile: string, now: number): Promise<boolean> {
  let text: string;
  try {
    text = (await readRegularFile(lockFile, 64 * 1024)).toString('utf8');
  } catch (e) {
    // Vanished between our open and our read: the holder just released it.
    if ((e as { cause?: NodeJS.ErrnoException }).cause?.code === 'ENOENT') return true;
    throw e;
  }
  let contents: Partial<LockContents>;
  try {
    contents = JSON.parse(text) as Partial<LockContents>;
  } catch {
    // A holder that died between creating and writing the file leaves it empty; judge it by its age.
    const stat = await fs.stat(lockFile).catch(() => undefined);
    return !stat || now - stat.mtimeMs > STALE_EMPTY_LOCK_MS;
  }
  return typeof contents !== 'object' || contents === null || holderIsGone(contents, now);
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

/** Creates the lock with our identity. If writing it fails (a full disk), the half-made lock is removed again. */
async function tryCreate(lockFile: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lockFile, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw ioError('create the lock file', lockFile, e);
  }
  try {
    crashPoint('lock:created');
    await handle.writeFile(JSON.stringify(ourIdentity()));
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.unlink(lockFile).catch(() => undefined);
    throw ioError('write the lock file', lockFile, e);
  }
  await handle.close();
  return true;
}

/**
 * Runs `fn` while holding a lock on `certFile` that other processes respect (a `wx`-created file next to the
 * certificate naming pid, host, boot id and process start time). A second attempt fails fast with `locked` instead
 * of waiting, because two writers of one certificate's files would race. A lock whose holder is gone (see
 * `holderIsGone`) is broken. Under the lock, what a crashed run left behind is dealt with first (journal replayed,
 * temp files removed), and every `atomicWriteFiles` inside `fn` is journaled. The lock is always released.
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
      `Wait for it to finish. If no other kyma-cert is running, delete ${lockFile}.`,
    );
  }
  try {
    const journal = journalFileFor(certFile);
    await recoverInterruptedWrite(path.resolve(certFile), journal);
    return await withJournal(journal, fn);
  } finally {
    await fs.unlink(lockFile).catch(() => undefined);
  }
}
