import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { KymaCertError } from '../core/errors';
import { readRegularFileIfExists } from '../io/boundedRead';
import { crashPoint } from './crashPoint';
import { currentJournal, removeJournal, writeJournal } from './journal';
import { allInOrder } from './settle';

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

export const TEMP_MARKER = '.kyma-tmp-';

/** What the user can do about common file-system failures; read-only mounts are a normal sight (Kubernetes secrets). */
function hintFor(code: string | undefined): string | undefined {
  switch (code) {
    case 'EROFS':
      return 'The file system is read-only (a Kubernetes secret or ConfigMap mount?). Nothing was changed; renew where the files are writable and update the secret from there.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied. Nothing was changed; check who owns the folder (and the file a symbolic link points to).';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'The disk is full. Nothing was changed; free some space and try again.';
    default:
      return undefined;
  }
}

/** Wraps a file-system failure into the one error type, naming the path but never the contents. */
export function ioError(action: string, file: string, cause: unknown): KymaCertError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new KymaCertError('io', `Could not ${action} ${file}${code ? ` (${code})` : ''}.`, hintFor(code), { cause });
}

/**
 * Reads a regular file (bounded, never a pipe or device: `readRegularFile`), or `undefined` when nothing is there.
 * Certificate folders may come from a cloned repository, so no read here may hang or exhaust memory.
 */
export async function readFileIfExists(file: string): Promise<Buffer | undefined> {
  return readRegularFileIfExists(file);
}

/**
 * Where a write to `file` lands. A symbolic link is written through: the file it points to gets the new bytes and
 * the link stays (Kubernetes secret mounts and certbot-style `live/` folders are links, and replacing the link with
 * a regular file would leave the real target stale). A dangling link is refused: there is no old file to replace.
 */
export async function writeTargetOf(file: string): Promise<string> {
  const abs = path.resolve(file);
  const info = await fs.lstat(abs).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw ioError('inspect', abs, e);
  });
  if (!info?.isSymbolicLink()) return abs;
  try {
    return await fs.realpath(abs);
  } catch (e) {
    throw new KymaCertError('io', `${abs} is a symbolic link to a file that does not exist; nothing was written.`, 'Fix or remove the link.', { cause: e });
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

/**
 * Records the current bytes and mode of each path, so that `restoreSnapshot` can put them back exactly. Paths in
 * `known` (read a moment ago under the same lock) are taken from it; the others are read, all at the same time.
 */
export async function takeSnapshot(paths: readonly string[], known?: FileSnapshot): Promise<FileSnapshot> {
  const states = await allInOrder(paths.map((p) => (known?.has(p) ? known.get(p) : fileState(p))));
  return new Map(paths.map((p, i) => [p, states[i]]));
}

/** The bytes and mode of one file, or `undefined` when there is none (both asked at once). */
async function fileState(file: string): Promise<{ data: Buffer; mode: number } | undefined> {
  const [data, mode] = await allInOrder([readFileIfExists(file), modeOf(file)]);
  return data === undefined ? undefined : { data, mode: mode ?? DEFAULT_FILE_MODE };
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
 * The files of one step are handled at the same time (their fsyncs overlap); each step waits until all of them have
 * settled (so a cleanup sees every temp file), and the journal (the commit point) only once every temp file is durable.
 * `before`: the caller's `takeSnapshot` of the same paths, taken under the same lock (saves reading them again).
 */
export async function atomicWriteFiles(writes: readonly FileWrite[], before?: FileSnapshot): Promise<void> {
  const targets = await allInOrder(writes.map((w) => writeTargetOf(w.path)));
  if (new Set(targets).size !== targets.length) {
    throw new KymaCertError('io', 'The same file was given twice in one atomic write (two paths, or links, name one file).');
  }
  // A link is written through, so the state of the path is the state of its target. A path the caller's snapshot
  // does not hold is read (taking it as absent would make a rollback delete it).
  const known: FileSnapshot = new Map(writes.flatMap((w, i) => (before?.has(w.path) ? [[targets[i], before.get(w.path)] as const] : [])));
  const previous = await takeSnapshot(targets, known);
  const journal = currentJournal();
  const temps: string[] = []; // by index of `writes`
  const renamed: string[] = [];
  try {
    await allInOrder(
      writes.map(async (w, i) => {
        const mode = w.mode ?? previous.get(targets[i])?.mode ?? DEFAULT_FILE_MODE;
        temps[i] = await writeTempFile(targets[i], w.data, mode);
        crashPoint(`temp:${i}`);
      }),
    );
    if (journal) {
      try {
        await writeJournal(
          journal,
          temps.map((temp, i) => ({ temp, target: targets[i] })),
        );
      } catch (e) {
        throw ioError('write', journal, e);
      }
      crashPoint('journal');
    }
    await allInOrder(
      targets.map(async (target, i) => {
        try {
          await fs.rename(temps[i], target);
        } catch (e) {
          throw ioError('replace', target, e);
        }
        renamed.push(target);
        crashPoint(`rename:${i}`);
      }),
    );
    await allInOrder([...new Set(targets.map((t) => path.dirname(t)))].map(syncDirectory));
    crashPoint('synced');
  } catch (e) {
    await Promise.all(temps.map((t) => fs.unlink(t).catch(() => undefined))); // (map skips the holes of failed writes)
    await rollBack(renamed, previous);
    if (journal) await removeJournal(journal);
    throw e;
  }
  if (journal) await removeJournal(journal);
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
