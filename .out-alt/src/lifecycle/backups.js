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
exports.BACKUP_HISTORY = void 0;
exports.checkBackupDir = checkBackupDir;
exports.listBackups = listBackups;
exports.planBackup = planBackup;
exports.ensureDirectory = ensureDirectory;
exports.removeBackup = removeBackup;
exports.pruneBackups = pruneBackups;
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const pairing_1 = require("../core/pairing");
const errors_1 = require("../core/errors");
const connection_1 = require("./connection");
const files_1 = require("./files");
/** How many earlier versions of a certificate are kept. */
exports.BACKUP_HISTORY = 5;
const ENTRY_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:\.(\d+))?--(.+)$/;
function stampOf(date) {
    return date.toISOString().replace(/[:.]/g, '-');
}
function dateOfStamp(stamp) {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
    return m ? new Date(`${m[1]}:${m[2]}:${m[3]}.${m[4]}Z`) : new Date(NaN);
}
function compareIds(a, b) {
    return a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.n - b.n;
}
/**
 * Refuses a backup folder that is a symbolic link (at `.kyma-backups` or `.kyma-backups/<name>`) or that resolves
 * outside the certificate's folder: backups are written there and restore and pruning delete files there, so a
 * planted link would let a cloned repository aim those writes and deletions anywhere.
 */
async function checkBackupDir(certFile) {
    const certDir = path.dirname(path.resolve(certFile));
    const dir = (0, pairing_1.backupDirFor)(path.resolve(certFile));
    for (const p of [path.dirname(dir), dir]) {
        const info = await node_fs_1.promises.lstat(p).catch(() => undefined);
        if (!info)
            return; // not there yet: created as real folders by ensureDirectory
        if (info.isSymbolicLink() || !info.isDirectory()) {
            throw new errors_1.KymaCertError('io', `${p} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}; backups are only kept in a real folder next to the certificate. Nothing was changed.`, `Remove ${p} (or move it away) and try again.`);
        }
    }
    const [realCertDir, realDir] = await Promise.all([node_fs_1.promises.realpath(certDir), node_fs_1.promises.realpath(dir).catch(() => undefined)]);
    if (realDir !== undefined && !(0, connection_1.isInside)(realCertDir, realDir)) {
        throw new errors_1.KymaCertError('io', `${dir} resolves outside the certificate's folder; nothing was changed.`, `Remove ${path.dirname(dir)} and try again.`);
    }
}
/** Every backup of `certFile`, newest first. */
async function listBackups(certFile) {
    return (await scanBackups(certFile)).entries;
}
/** The backups, and the CA backups that lost their certificate backup (a crash of an older version left them). */
async function scanBackups(certFile) {
    await checkBackupDir(certFile);
    const dir = (0, pairing_1.backupDirFor)(certFile);
    const certName = path.basename(certFile);
    const caName = path.basename((0, pairing_1.caFileFor)(certFile));
    let names;
    try {
        names = await node_fs_1.promises.readdir(dir);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { entries: [], orphans: [] };
        throw (0, files_1.ioError)('list', dir, e);
    }
    const entries = new Map();
    for (const name of names) {
        const m = ENTRY_NAME.exec(name);
        if (!m || (m[3] !== certName && m[3] !== caName))
            continue;
        const id = m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`;
        const entry = entries.get(id) ?? { id, stamp: m[1], n: Number(m[2] ?? 0), createdAt: dateOfStamp(m[1]), certBackup: '' };
        if (m[3] === certName)
            entry.certBackup = path.join(dir, name);
        else
            entry.caBackup = path.join(dir, name);
        entries.set(id, entry);
    }
    const all = [...entries.values()];
    return {
        entries: all
            .filter((e) => e.certBackup !== '')
            .sort((a, b) => compareIds(b, a))
            .map(({ id, createdAt, certBackup, caBackup }) => ({ id, createdAt, certBackup, caBackup })),
        orphans: all.filter((e) => e.certBackup === '' && e.caBackup).map((e) => e.caBackup),
    };
}
/**
 * Plans a backup of the certificate file as it is now (and of its CA file, if present): new files in
 * `backupDirFor(certFile)` with the current bytes and modes. The caller writes them (atomically with the new files).
 */
async function planBackup(certFile, now = new Date()) {
    const dir = (0, pairing_1.backupDirFor)(certFile);
    const existing = new Set((await listBackups(certFile)).map((e) => e.id));
    const stamp = stampOf(now);
    let id = stamp;
    for (let n = 1; existing.has(id); n++)
        id = `${stamp}.${n}`;
    const caFile = (0, pairing_1.caFileFor)(certFile);
    const writes = [];
    const entry = { id, createdAt: dateOfStamp(stamp), certBackup: path.join(dir, `${id}--${path.basename(certFile)}`) };
    const certData = await (0, files_1.readFileIfExists)(certFile);
    if (certData)
        writes.push({ path: entry.certBackup, data: certData, mode: await (0, files_1.modeOf)(certFile) });
    const caData = await (0, files_1.readFileIfExists)(caFile);
    if (caData) {
        entry.caBackup = path.join(dir, `${id}--${path.basename(caFile)}`);
        writes.push({ path: entry.caBackup, data: caData, mode: await (0, files_1.modeOf)(caFile) });
    }
    return { entry, writes };
}
/**
 * Creates a directory (and parents) and returns an undo function that removes exactly the directories created here,
 * so that a failed run leaves no new empty folders behind.
 */
async function ensureDirectory(dir) {
    let first;
    try {
        first = await node_fs_1.promises.mkdir(dir, { recursive: true, mode: 0o755 });
    }
    catch (e) {
        throw (0, files_1.ioError)('create', dir, e);
    }
    return async () => {
        if (first === undefined)
            return;
        for (let d = path.resolve(dir);; d = path.dirname(d)) {
            await node_fs_1.promises.rmdir(d).catch(() => undefined);
            if (d === path.resolve(first) || d === path.dirname(d))
                break;
        }
    };
}
/** Deletes the files of one backup entry. */
async function removeBackup(entry) {
    for (const file of [entry.certBackup, entry.caBackup]) {
        if (file)
            await node_fs_1.promises.unlink(file).catch(() => undefined);
    }
}
/** Keeps the newest `keep` backups of `certFile` and deletes the rest. Best effort: returns the ids it removed. */
async function pruneBackups(certFile, keep = exports.BACKUP_HISTORY) {
    const { entries, orphans } = await scanBackups(certFile);
    const stale = entries.slice(keep);
    for (const entry of stale)
        await removeBackup(entry);
    for (const orphan of orphans)
        await node_fs_1.promises.unlink(orphan).catch(() => undefined);
    return stale.map((e) => e.id);
}
//# sourceMappingURL=backups.js.map