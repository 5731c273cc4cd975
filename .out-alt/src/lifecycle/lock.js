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
exports.LOCK_TEMP_MARKER = exports.STALE_EMPTY_LOCK_MS = exports.STALE_LOCK_MS = void 0;
exports.lockFileFor = lockFileFor;
exports.processStartTime = processStartTime;
exports.holderIsGone = holderIsGone;
exports.withCertificateLock = withCertificateLock;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_fs_2 = require("node:fs");
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const errors_1 = require("../core/errors");
const boundedRead_1 = require("../io/boundedRead");
const crashPoint_1 = require("./crashPoint");
const files_1 = require("./files");
const journal_1 = require("./journal");
const recovery_1 = require("./recovery");
/**
 * A lock we cannot check precisely (another host, no /proc, an old lock format) is considered abandoned after this
 * long even if its pid is alive (pids get reused, and a pid from another container says nothing here).
 */
exports.STALE_LOCK_MS = 10 * 60 * 1000;
/** A lock file that never got its contents (its holder died between create and write) is abandoned after this. */
exports.STALE_EMPTY_LOCK_MS = 10 * 1000;
/** The lock file guarding one certificate: next to it, hidden, so that every process finds the same one. */
function lockFileFor(certFile) {
    const abs = path.resolve(certFile);
    return path.join(path.dirname(abs), `.${path.basename(abs)}.kyma-lock`);
}
function readProc(file) {
    try {
        return (0, node_fs_1.readFileSync)(file, 'utf8').trim();
    }
    catch {
        return undefined; // not Linux, or no /proc: fall back on pid + age
    }
}
/** The start time of a process, or undefined when it does not exist or /proc is unavailable. */
function processStartTime(pid) {
    const stat = readProc(`/proc/${pid}/stat`);
    if (!stat)
        return undefined;
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19]; // field 22 overall = index 19 after fields 1–2
}
function ourIdentity() {
    return {
        pid: process.pid,
        createdAt: new Date().toISOString(),
        host: os.hostname(),
        bootId: readProc('/proc/sys/kernel/random/boot_id'),
        startTime: processStartTime(process.pid),
    };
}
function processIsAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        // EPERM: the process exists but belongs to someone else.
        return e.code === 'EPERM';
    }
}
/** The staleness rule, as a pure function of the lock's contents and what we see of this machine. */
function holderIsGone(lock, now, me = ourIdentity()) {
    const created = Date.parse(lock.createdAt ?? '');
    const old = !Number.isFinite(created) || now - created > exports.STALE_LOCK_MS;
    if (typeof lock.pid !== 'number' || !Number.isInteger(lock.pid) || lock.pid <= 0)
        return true;
    // Another host (or container with its own name) may share the folder: its pids mean nothing here.
    if (lock.host !== undefined && lock.host !== me.host)
        return old;
    // Same host, other boot: every process of that boot is gone.
    if (lock.bootId !== undefined && me.bootId !== undefined && lock.bootId !== me.bootId)
        return true;
    if (!processIsAlive(lock.pid))
        return true;
    // A live pid is the holder only if it is the same process: same start time. That is exact, so no age limit.
    if (lock.startTime !== undefined && me.startTime !== undefined)
        return processStartTime(lock.pid) !== lock.startTime;
    return old;
}
async function isStale(lockFile, now) {
    let text;
    try {
        text = (await (0, boundedRead_1.readRegularFile)(lockFile, 64 * 1024)).toString('utf8');
    }
    catch (e) {
        // Vanished between our open and our read: the holder just released it.
        if (e.cause?.code === 'ENOENT')
            return true;
        throw e;
    }
    let contents;
    try {
        contents = JSON.parse(text);
    }
    catch {
        // A holder that died between creating and writing the file leaves it empty; judge it by its age.
        const stat = await node_fs_2.promises.stat(lockFile).catch(() => undefined);
        return !stat || now - stat.mtimeMs > exports.STALE_EMPTY_LOCK_MS;
    }
    return typeof contents !== 'object' || contents === null || holderIsGone(contents, now);
}
/** Takes a stale lock out of the way. Renaming first means two processes that both saw it stale cannot both win. */
async function breakStaleLock(lockFile) {
    const aside = `${lockFile}.stale-${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
    try {
        await node_fs_2.promises.rename(lockFile, aside);
        await node_fs_2.promises.unlink(aside);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw (0, files_1.ioError)('remove the stale lock', lockFile, e);
    }
}
/** The prefix of the temp files a lock is prepared in (recovery removes those a crash left). */
exports.LOCK_TEMP_MARKER = '.kyma-lock.tmp-';
/** Writes `contents` to a new file; a failed write (a full disk) removes the file again and is an `io` error. */
async function writeNewFile(file, contents, what) {
    let handle;
    try {
        handle = await node_fs_2.promises.open(file, 'wx', 0o600);
    }
    catch (e) {
        throw (0, files_1.ioError)(`create ${what}`, file, e);
    }
    try {
        await handle.writeFile(contents);
        await handle.sync();
    }
    catch (e) {
        await handle.close().catch(() => undefined);
        await node_fs_2.promises.unlink(file).catch(() => undefined);
        throw (0, files_1.ioError)(`write ${what}`, file, e);
    }
    await handle.close();
}
/**
 * Creates the lock with our identity, never empty: the contents go into a temp file first, which is then hard-linked
 * to the lock name (link fails if the lock exists, so it is as exclusive as `wx`). A crash can thus leave a temp
 * file, which is no lock, but never a lock without an owner. File systems without hard links get `wx` + write.
 */
async function tryCreate(lockFile) {
    const temp = `${path.join(path.dirname(lockFile), path.basename(lockFile).replace(/\.kyma-lock$/, ''))}${exports.LOCK_TEMP_MARKER}${(0, node_crypto_1.randomBytes)(6).toString('hex')}`;
    const contents = JSON.stringify(ourIdentity());
    await writeNewFile(temp, contents, 'the lock file');
    try {
        (0, crashPoint_1.crashPoint)('lock:temp');
        await node_fs_2.promises.link(temp, lockFile);
        return true;
    }
    catch (e) {
        const code = e.code;
        if (code === 'EEXIST')
            return false;
        if (code === 'ENOENT')
            return false; // our temp was cleaned up by the holder's recovery: somebody holds it
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP')
            throw (0, files_1.ioError)('create the lock file', lockFile, e);
    }
    finally {
        await node_fs_2.promises.unlink(temp).catch(() => undefined);
    }
    try {
        await writeNewFile(lockFile, contents, 'the lock file');
        return true;
    }
    catch (e) {
        if (e.cause?.code === 'EEXIST')
            return false;
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
async function withCertificateLock(certFile, fn) {
    const lockFile = lockFileFor(certFile);
    let acquired = await tryCreate(lockFile);
    if (!acquired && (await isStale(lockFile, Date.now()))) {
        await breakStaleLock(lockFile);
        acquired = await tryCreate(lockFile);
    }
    if (!acquired) {
        throw new errors_1.KymaCertError('locked', `Another renewal of this certificate is running (${path.basename(certFile)}).`, undefined, { remedy: { kind: 'retry-later', data: { lockFile } } });
    }
    try {
        const journal = (0, journal_1.journalFileFor)(certFile);
        await (0, recovery_1.recoverInterruptedWrite)(path.resolve(certFile), journal);
        return await (0, journal_1.withJournal)(journal, fn);
    }
    finally {
        await node_fs_2.promises.unlink(lockFile).catch(() => undefined);
    }
}
//# sourceMappingURL=lock.js.map