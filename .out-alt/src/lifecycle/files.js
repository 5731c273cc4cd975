"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEMP_MARKER = exports.PRIVATE_KEY_MODE = exports.DEFAULT_FILE_MODE = void 0;
exports.ioError = ioError;
exports.readFileIfExists = readFileIfExists;
exports.writeTargetOf = writeTargetOf;
exports.modeOf = modeOf;
exports.takeSnapshot = takeSnapshot;
exports.restoreSnapshot = restoreSnapshot;
exports.removeIfExists = removeIfExists;
exports.atomicWriteFiles = atomicWriteFiles;
exports.isTempFileName = isTempFileName;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const errors_1 = require("../core/errors");
const boundedRead_1 = require("../io/boundedRead");
const crashPoint_1 = require("./crashPoint");
const journal_1 = require("./journal");
/** Mode for new non-secret files (certificates, CA files, the remembered connection). */
exports.DEFAULT_FILE_MODE = 0o644;
/** Private keys are readable by their owner only. */
exports.PRIVATE_KEY_MODE = 0o600;
exports.TEMP_MARKER = '.kyma-tmp-';
/** What the user can do about common file-system failures; read-only mounts are a normal sight (Kubernetes secrets). */
function hintFor(code) {
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
function ioError(action, file, cause) {
    const code = cause?.code;
    return new errors_1.KymaCertError('io', `Could not ${action} ${file}${code ? ` (${code})` : ''}.`, hintFor(code), { cause });
}
/**
 * Reads a regular file (bounded, never a pipe or device: `readRegularFile`), or `undefined` when nothing is there.
 * Certificate folders may come from a cloned repository, so no read here may hang or exhaust memory.
 */
async function readFileIfExists(file) {
    return (0, boundedRead_1.readRegularFileIfExists)(file);
}
/**
 * Where a write to `file` lands. A symbolic link is written through: the file it points to gets the new bytes and
 * the link stays (Kubernetes secret mounts and certbot-style `live/` folders are links, and replacing the link with
 * a regular file would leave the real target stale). A dangling link is refused: there is no old file to replace.
 */
async function writeTargetOf(file) {
    const abs = path.resolve(file);
    const info = await node_fs_1.promises.lstat(abs).catch((e) => {
        if (e.code === 'ENOENT')
            return undefined;
        throw ioError('inspect', abs, e);
    });
    if (!info?.isSymbolicLink())
        return abs;
    try {
        return await node_fs_1.promises.realpath(abs);
    }
    catch (e) {
        throw new errors_1.KymaCertError('io', `${abs} is a symbolic link to a file that does not exist; nothing was written.`, 'Fix or remove the link.', { cause: e });
    }
}
/** The permission bits of an existing file, or `undefined`. */
async function modeOf(file) {
    try {
        return (await node_fs_1.promises.stat(file)).mode & 0o777;
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw ioError('inspect', file, e);
    }
}
/** Records the current bytes and mode of each path, so that `restoreSnapshot` can put them back exactly. */
async function takeSnapshot(paths) {
    const snapshot = new Map();
    for (const p of paths) {
        const data = await readFileIfExists(p);
        snapshot.set(p, data === undefined ? undefined : { data, mode: (await modeOf(p)) ?? exports.DEFAULT_FILE_MODE });
    }
    return snapshot;
}
/**
 * Puts every snapshotted path back as it was: the old bytes and mode (atomically), or no file at all when there was
 * none. Used to undo a write whose result turned out to be unusable.
 */
async function restoreSnapshot(snapshot) {
    const rewrites = [];
    for (const [p, before] of snapshot) {
        if (before) {
            const now = await readFileIfExists(p);
            if (!now || !now.equals(before.data) || (await modeOf(p)) !== before.mode) {
                rewrites.push({ path: p, data: before.data, mode: before.mode });
            }
        }
        else {
            await removeIfExists(p);
        }
    }
    if (rewrites.length > 0)
        await atomicWriteFiles(rewrites);
}
/** Deletes a file; a missing file is fine. */
async function removeIfExists(file) {
    try {
        await node_fs_1.promises.unlink(file);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw ioError('remove', file, e);
    }
}
/** fsyncs a directory so that a rename inside it survives a crash. Not every platform can open a directory. */
async function syncDirectory(dir) {
    let handle;
    try {
        handle = await node_fs_1.promises.open(dir, node_fs_1.constants.O_RDONLY);
        await handle.sync();
    }
    catch (e) {
        const code = e.code;
        if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES')
            throw ioError('sync', dir, e);
    }
    finally {
        await handle?.close();
    }
}
/** A temp file next to `target` (same directory, so the rename is atomic), created exclusively. */
async function writeTempFile(target, data, mode) {
    const temp = path.join(path.dirname(target), `.${path.basename(target)}${exports.TEMP_MARKER}${(0, node_crypto_1.randomBytes)(6).toString('hex')}`);
    let handle;
    try {
        handle = await node_fs_1.promises.open(temp, 'wx', mode);
        await handle.writeFile(data);
        // open() applies the umask; chmod makes the mode exact (0600 for keys, the old file's mode otherwise).
        await handle.chmod(mode);
        await handle.sync();
    }
    catch (e) {
        await handle?.close().catch(() => undefined);
        handle = undefined;
        await node_fs_1.promises.unlink(temp).catch(() => undefined);
        throw ioError('write', target, e);
    }
    finally {
        await handle?.close();
    }
    return temp;
}
/**
 * Writes several files so that each one is either entirely old or entirely new: every temp file is written and
 * fsynced first, then all are renamed into place, then the directories are fsynced. If any step fails, the temps are
 * removed and files already renamed are put back as they were, and the error is rethrown (`io`).
 */
async function atomicWriteFiles(writes) {
    const targets = [];
    for (const w of writes)
        targets.push(await writeTargetOf(w.path));
    if (new Set(targets).size !== targets.length) {
        throw new errors_1.KymaCertError('io', 'The same file was given twice in one atomic write (two paths, or links, name one file).');
    }
    const before = await takeSnapshot(targets);
    const journal = (0, journal_1.currentJournal)();
    const temps = [];
    const renamed = [];
    try {
        for (const [i, w] of writes.entries()) {
            const mode = w.mode ?? before.get(targets[i])?.mode ?? exports.DEFAULT_FILE_MODE;
            temps.push(await writeTempFile(targets[i], w.data, mode));
            (0, crashPoint_1.crashPoint)(`temp:${i}`);
        }
        if (journal) {
            try {
                await (0, journal_1.writeJournal)(journal, temps.map((temp, i) => ({ temp, target: targets[i] })));
            }
            catch (e) {
                throw ioError('write', journal, e);
            }
            (0, crashPoint_1.crashPoint)('journal');
        }
        for (const [i, target] of targets.entries()) {
            try {
                await node_fs_1.promises.rename(temps[i], target);
            }
            catch (e) {
                throw ioError('replace', target, e);
            }
            renamed.push(target);
            (0, crashPoint_1.crashPoint)(`rename:${i}`);
        }
        for (const dir of new Set(targets.map((t) => path.dirname(t))))
            await syncDirectory(dir);
        (0, crashPoint_1.crashPoint)('synced');
    }
    catch (e) {
        await Promise.all(temps.map((t) => node_fs_1.promises.unlink(t).catch(() => undefined)));
        await rollBack(renamed, before);
        if (journal)
            await (0, journal_1.removeJournal)(journal);
        throw e;
    }
    if (journal)
        await (0, journal_1.removeJournal)(journal);
}
/** Puts back the files of a half-finished atomic write, best effort: the original error is what the caller sees. */
async function rollBack(renamed, before) {
    const partial = new Map(renamed.map((p) => [p, before.get(p)]));
    try {
        await restoreSnapshot(partial);
    }
    catch {
        // Nothing more we can do here; the caller reports the first failure.
    }
}
/** True for the temp files this module creates; lets tests and cleanup recognise them. */
function isTempFileName(name) {
    return name.includes(exports.TEMP_MARKER);
}
//# sourceMappingURL=files.js.map