import { close, closeSync, constants as fsConstants, fstat, fstatSync, open, openSync, read, readSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { KymaCertError } from '../core/errors';

/** The largest file any reader accepts unless it asks for less (certificates, keys, bundles, connection files). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Reads a regular file, at most `maxBytes` of it, without ever blocking or reading without bound.
 *
 * Why each step: a cloned repository can plant a named pipe (a plain open() would wait for a writer forever), a
 * symlink to /dev/zero or /dev/urandom (a plain readFile() never ends), or a huge sparse file (readFile() would
 * allocate all of it before any size check). So: open with O_NONBLOCK, fstat the opened descriptor (not the path,
 * which could be swapped in between), accept only a regular file whose size is within the cap, and read at most
 * cap + 1 bytes in case the file grows while we read.
 *
 * Errors (all `KymaCertError`): `not-a-file` (a directory, pipe, socket or device), `too-large`, `io` (ENOENT and
 * other failures; `code` tells them apart through `cause`).
 */
export async function readRegularFile(file: string, maxBytes: number = MAX_FILE_BYTES): Promise<Buffer> {
  // The callback API, promisified: a FileHandle costs ~30% more per file (the index reads two files per certificate).
  let fd: number;
  try {
    fd = await openAsync(file, OPEN_FLAGS);
  } catch (e) {
    throw fileError(file, e);
  }
  try {
    const buffer = bufferFor(file, await fstatAsync(fd), maxBytes);
    let filled = 0;
    while (filled < buffer.length) {
      const bytesRead = await readAsync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length - 1) break; // all fstat reported (and the file did not grow): no read to see the end
    }
    if (filled > maxBytes) throw tooLarge(file, maxBytes);
    return buffer.subarray(0, filled);
  } catch (e) {
    if (e instanceof KymaCertError) throw e;
    throw fileError(file, e);
  } finally {
    await closeAsync(fd).catch(() => undefined);
  }
}

const openAsync = promisify(open);
const fstatAsync = promisify(fstat);
const closeAsync = promisify(close);
/** fs.read resolving to the byte count (promisify would give `{ bytesRead, buffer }`). */
function readAsync(fd: number, buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => read(fd, buffer, offset, length, position, (e, bytesRead) => (e ? reject(e) : resolve(bytesRead))));
}

/**
 * readRegularFile with the same guarantees, synchronously: for the CLI, where a command reads its files one after
 * another and the thread-pool round trips of the asynchronous form cost more than the reads (`kyma-cert inspect`).
 * Never use it in the extension host, whose event loop must not wait for a disk.
 */
export function readRegularFileSync(file: string, maxBytes: number = MAX_FILE_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw fileError(file, e);
  }
  try {
    const buffer = bufferFor(file, fstatSync(fd), maxBytes);
    let filled = 0;
    while (filled < buffer.length) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length - 1) break; // as in readRegularFile
    }
    if (filled > maxBytes) throw tooLarge(file, maxBytes);
    return buffer.subarray(0, filled);
  } catch (e) {
    if (e instanceof KymaCertError) throw e;
    throw fileError(file, e);
  } finally {
    closeSync(fd);
  }
}

/** O_NONBLOCK: opening a named pipe never waits for a writer (fstat then refuses it). */
const OPEN_FLAGS = fsConstants.O_RDONLY | fsConstants.O_NONBLOCK;

/**
 * The buffer for reading an opened file: cap + 1 bytes at most (one more than the size, so a file that grew
 * while being read is noticed), or the error for something that is not a regular file within the cap.
 */
function bufferFor(file: string, info: Stats, maxBytes: number): Buffer {
  if (!info.isFile()) {
    throw new KymaCertError('not-a-file', `${file} is not a regular file (${describeType(info)}); it was not read.`);
  }
  if (info.size > maxBytes) throw tooLarge(file, maxBytes);
  return Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
}

/** `readRegularFile`, or `undefined` when nothing exists at that path (a dangling symlink counts as nothing). */
export async function readRegularFileIfExists(file: string, maxBytes: number = MAX_FILE_BYTES): Promise<Buffer | undefined> {
  try {
    return await readRegularFile(file, maxBytes);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** True when the error (or its cause) says the file does not exist. */
export function isNotFound(e: unknown): boolean {
  const cause = e instanceof KymaCertError ? e.cause : e;
  return (cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function tooLarge(file: string, maxBytes: number): KymaCertError {
  return new KymaCertError('too-large', `${file} is larger than ${formatBytes(maxBytes)}; it was not read.`);
}

function fileError(file: string, cause: unknown): KymaCertError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new KymaCertError('io', `Could not read ${file}${code ? ` (${code})` : ''}.`, undefined, { cause });
}

function describeType(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}
