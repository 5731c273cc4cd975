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
exports.recoverInterruptedWrite = recoverInterruptedWrite;
/**
 * Cleans up after a run that was killed in its write phase (called under the certificate lock, before anything
 * else): a committed journal is finished (`journal.ts`), and the temp files of the certificate's set (certificate,
 * key, CA, remembered connection, backups; also in the folders that symlinked members point into) are deleted.
 * A temp file of `issue` holds a whole private key, so none may be left lying around.
 */
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const pairing_1 = require("../core/pairing");
const files_1 = require("./files");
const journal_1 = require("./journal");
/** Same value as lock.ts's LOCK_TEMP_MARKER (not imported: lock.ts imports this module). */
const LOCK_TEMP_MARKER = '.kyma-lock.tmp-';
/** The files a certificate's workflows write (the backups aside). */
function setMembers(certFile) {
    return [certFile, ...(0, pairing_1.keyCandidates)(certFile), (0, pairing_1.caFileFor)(certFile), (0, pairing_1.connectionFileFor)(certFile)];
}
async function removeTemps(dir, accept) {
    // Both our temp markers; `accept` narrows them to this certificate's files.
    let names;
    try {
        names = await node_fs_1.promises.readdir(dir);
    }
    catch {
        return 0;
    }
    let removed = 0;
    for (const name of names) {
        if (!(name.includes(files_1.TEMP_MARKER) || name.includes(LOCK_TEMP_MARKER)) || !accept(name))
            continue;
        const full = path.join(dir, name);
        const info = await node_fs_1.promises.lstat(full).catch(() => undefined);
        if (!info?.isFile())
            continue;
        await node_fs_1.promises.unlink(full).catch(() => undefined);
        removed++;
    }
    return removed;
}
/** Returns how many files were put in place from the journal and how many leftover temp files were removed. */
async function recoverInterruptedWrite(certFile, journal) {
    const replayed = await (0, journal_1.replayJournal)(journal, files_1.TEMP_MARKER);
    let removed = 0;
    const members = setMembers(certFile);
    const byDir = new Map();
    for (const member of members) {
        for (const p of [member, await node_fs_1.promises.realpath(member).catch(() => member)]) {
            const names = byDir.get(path.dirname(p)) ?? new Set();
            names.add(`.${path.basename(p)}${files_1.TEMP_MARKER}`);
            byDir.set(path.dirname(p), names);
        }
    }
    // Lock temps of crashed runs (ours is linked and gone by now).
    byDir.get(path.dirname(certFile))?.add(`.${path.basename(certFile)}${LOCK_TEMP_MARKER}`);
    for (const [dir, prefixes] of byDir) {
        removed += await removeTemps(dir, (name) => [...prefixes].some((p) => name.startsWith(p)));
    }
    const backupDir = (0, pairing_1.backupDirFor)(certFile);
    const backupInfo = await node_fs_1.promises.lstat(backupDir).catch(() => undefined);
    if (backupInfo?.isDirectory())
        removed += await removeTemps(backupDir, () => true);
    return { replayed, removed };
}
//# sourceMappingURL=recovery.js.map