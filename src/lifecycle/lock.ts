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

/**
 * Reads a kernel file under /proc. Not `readRegularFile`: procfs files report size 0, so a size-capped read would
 * get nothing; these paths are fixed and the kernel's, not a workspace's.
 */
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

/** The prefix of the temp files a lock is prepared in (recovery removes those a crash left). */
export const LOCK_TEMP_MARKER = '.kyma-lock.tmp-';

/** Writes `contents` to a new file; a failed write (a full disk) removes the file again and is an `io` error. */
async function writeNewFile(file: string, contents: string, what: string): Promise<void> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'wx', 0o600);
  } catch (e) {
    throw ioError(`create ${what}`, file, e);
  }
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.unlink(file).catch(() => undefined);
    throw ioError(`write ${what}`, file, e);
  }
  await handle.close();
}

/**
 * Creates the lock with our identity, never empty: the contents go into a temp file first, which is then hard-linked
 * to the lock name (link fails if the lock exists, so it is as exclusive as `wx`). A crash can thus leave a temp
 * file, which is no lock, but never a lock without an owner. File systems without hard links get `wx` + write.
 */
async function tryCreate(lockFile: string): Promise<boolean> {
  const temp = `${path.join(path.dirname(lockFile), path.basename(lockFile).replace(/\.kyma-lock$/, ''))}${LOCK_TEMP_MARKER}${randomBytes(6).toString('hex')}`;
  const contents = JSON.stringify(ourIdentity());
  await writeNewFile(temp, contents, 'the lock file');
  try {
    crashPoint('lock:temp');
    await fs.link(temp, lockFile);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') return false; // our temp was cleaned up by the holder's recovery: somebody holds it
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw ioError('create the lock file', lockFile, e);
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
  try {
    await writeNewFile(lockFile, contents, 'the lock file');
    return true;
  } catch (e) {
    if (((e as KymaCertError).cause as NodeJS.ErrnoException | undefined)?.code === 'EEXIST') return false;
    throw e;
  }
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
    throw new KymaCertError('locked', `Another renewal of this certificate is running (${path.basename(certFile)}).`, undefined, {
      remedy: { kind: 'retry-later', data: { lockFile } },
    });
  }
  try {
    const journal = journalFileFor(certFile);
    await recoverInterruptedWrite(path.resolve(certFile), journal);
    return await withJournal(journal, fn);
  } finally {
    await fs.unlink(lockFile).catch(() => undefined);
  }
}
