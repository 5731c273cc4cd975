import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { KymaCertError } from '../core/errors';

/** One file to write: its final path, its bytes, and optionally its mode (default: keep the existing file's mode). */
export interface FileWrite {
  path: string;
  data: Buffer | string;
  /** Permission bits. Without it an existing file keeps its mode; a new file gets `DEFAULT_FILE_MODE`. */
  mode?: number;
}

/** What a file looked like before we touched it: its bytes and mode, or `undefined` when it did not exist. */
export type FileSnapshot = Map<string, { data: Buffer; mode: number } | undefined>;

/** Mode for new non-secret files (certificates, CA files, the remembered connection). */
export const DEFAULT_FILE_MODE = 0o644;
/** Private keys are readable by their owner only. */
export const PRIVATE_KEY_MODE = 0o600;

const TEMP_MARKER = '.kyma-tmp-';

/** Wraps a file-system failure into the one error type, naming the path but never the contents. */
export function ioError(action: string, file: string, cause: unknown): KymaCertError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new KymaCertError('io', `Could not ${action} ${file}${code ? ` (${code})` : ''}.`, undefined, { cause });
}

/** Reads a file, or returns `undefined` when it does not exist. Other errors become `io`. */
export async function readFileIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError('read', file, e);
  }
}

/** The permission bits of an existing file, or `undefined`. */
export async function modeOf(file: string): Promise<number | undefined> {
  try {
    return (await fs.stat(file)).mode & 0o777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError('inspect', file, e);
  }
}

/** Records the current bytes and mode of each path, so that `restoreSnapshot` can put them back exactly. */
export async function takeSnapshot(paths: readonly string[]): Promise<FileSnapshot> {
  const snapshot: FileSnapshot = new Map();
  for (const p of paths) {
    const data = await readFileIfExists(p);
    snapshot.set(p, data === undefined ? undefined : { data, mode: (await modeOf(p)) ?? DEFAULT_FILE_MODE });
  }
  return snapshot;
}

/**
 * Puts every snapshotted path back as it was: the old bytes and mode (atomically), or no file at all when there was
 * none. Used to undo a write whose result turned out to be unusable.
 */
export async function restoreSnapshot(snapshot: FileSnapshot): Promise<void> {
  const rewrites: FileWrite[] = [];
  for (const [p, before] of snapshot) {
    if (before) {
      const now = await readFileIfExists(p);
      if (!now || !now.equals(before.data) || (await modeOf(p)) !== before.mode) {
        rewrites.push({ path: p, data: before.data, mode: before.mode });
      }
    } else {
      await removeIfExists(p);
    }
  }
  if (rewrites.length > 0) await atomicWriteFiles(rewrites);
}

/** Deletes a file; a missing file is fine. */
export async function removeIfExists(file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError('remove', file, e);
  }
}

/** fsyncs a directory so that a rename inside it survives a crash. Not every platform can open a directory. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, fsConstants.O_RDONLY);
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw ioError('sync', dir, e);
  } finally {
    await handle?.close();
  }
}

/** A temp file next to `target` (same directory, so the rename is atomic), created exclusively. */
async function writeTempFile(target: string, data: Buffer | string, mode: number): Promise<string> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', mode);
    await handle.writeFile(data);
    // open() applies the umask; chmod makes the mode exact (0600 for keys, the old file's mode otherwise).
    await handle.chmod(mode);
    await handle.sync();
  } catch (e) {
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await fs.unlink(temp).catch(() => undefined);
    throw ioError('write', target, e);
  } finally {
    await handle?.close();
  }
  return temp;
}

/**
 * Writes several files so that each one is either entirely old or entirely new: every temp file is written and
 * fsynced first, then all are renamed into place, then the directories are fsynced. If any step fails, the temps are
 * removed and files already renamed are put back as they were, and the error is rethrown (`io`).
 */
export async function atomicWriteFiles(writes: readonly FileWrite[]): Promise<void> {
  const targets = writes.map((w) => path.resolve(w.path));
  if (new Set(targets).size !== targets.length) {
    throw new KymaCertError('io', 'The same file was given twice in one atomic write.');
  }
  const before = await takeSnapshot(targets);
  const temps: string[] = [];
  const renamed: string[] = [];
  try {
    for (const [i, w] of writes.entries()) {
      const mode = w.mode ?? before.get(targets[i])?.mode ?? DEFAULT_FILE_MODE;
      temps.push(await writeTempFile(targets[i], w.data, mode));
    }
    for (const [i, target] of targets.entries()) {
      try {
        await fs.rename(temps[i], target);
      } catch (e) {
        throw ioError('replace', target, e);
      }
      renamed.push(target);
    }
    for (const dir of new Set(targets.map((t) => path.dirname(t)))) await syncDirectory(dir);
  } catch (e) {
    await Promise.all(temps.map((t) => fs.unlink(t).catch(() => undefined)));
    await rollBack(renamed, before);
    throw e;
  }
}

/** Puts back the files of a half-finished atomic write, best effort: the original error is what the caller sees. */
async function rollBack(renamed: readonly string[], before: FileSnapshot): Promise<void> {
  const partial: FileSnapshot = new Map(renamed.map((p) => [p, before.get(p)]));
  try {
    await restoreSnapshot(partial);
  } catch {
    // Nothing more we can do here; the caller reports the first failure.
  }
}

/** True for the temp files this module creates; lets tests and cleanup recognise them. */
export function isTempFileName(name: string): boolean {
  return name.includes(TEMP_MARKER);
}
