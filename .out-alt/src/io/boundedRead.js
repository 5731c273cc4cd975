"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_FILE_BYTES = void 0;
exports.readRegularFile = readRegularFile;
exports.readRegularFileIfExists = readRegularFileIfExists;
exports.isNotFound = isNotFound;
const node_fs_1 = require("node:fs");
const errors_1 = require("../core/errors");
/** The largest file any reader accepts unless it asks for less (certificates, keys, bundles, connection files). */
exports.MAX_FILE_BYTES = 4 * 1024 * 1024;
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
async function readRegularFile(file, maxBytes = exports.MAX_FILE_BYTES) {
    let handle;
    try {
        handle = await node_fs_1.promises.open(file, node_fs_1.constants.O_RDONLY | node_fs_1.constants.O_NONBLOCK);
    }
    catch (e) {
        throw fileError(file, e);
    }
    try {
        const info = await handle.stat();
        if (!info.isFile()) {
            throw new errors_1.KymaCertError('not-a-file', `${file} is not a regular file (${describeType(info)}); it was not read.`);
        }
        if (info.size > maxBytes)
            throw tooLarge(file, maxBytes);
        const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
        let filled = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
            if (filled === buffer.length) {
                if (filled > maxBytes)
                    throw tooLarge(file, maxBytes);
                break;
            }
        }
        return buffer.subarray(0, filled);
    }
    catch (e) {
        if (e instanceof errors_1.KymaCertError)
            throw e;
        throw fileError(file, e);
    }
    finally {
        await handle.close().catch(() => undefined);
    }
}
/** `readRegularFile`, or `undefined` when nothing exists at that path (a dangling symlink counts as nothing). */
async function readRegularFileIfExists(file, maxBytes = exports.MAX_FILE_BYTES) {
    try {
        return await readRegularFile(file, maxBytes);
    }
    catch (e) {
        if (isNotFound(e))
            return undefined;
        throw e;
    }
}
/** True when the error (or its cause) says the file does not exist. */
function isNotFound(e) {
    const cause = e instanceof errors_1.KymaCertError ? e.cause : e;
    return cause?.code === 'ENOENT';
}
function tooLarge(file, maxBytes) {
    return new errors_1.KymaCertError('too-large', `${file} is larger than ${formatBytes(maxBytes)}; it was not read.`);
}
function fileError(file, cause) {
    const code = cause?.code;
    return new errors_1.KymaCertError('io', `Could not read ${file}${code ? ` (${code})` : ''}.`, undefined, { cause });
}
function describeType(info) {
    if (info.isDirectory())
        return 'a directory';
    if (info.isFIFO())
        return 'a named pipe';
    if (info.isSocket())
        return 'a socket';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    return 'not a file';
}
function formatBytes(n) {
    return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}
//# sourceMappingURL=boundedRead.js.map