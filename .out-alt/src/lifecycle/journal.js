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
exports.journalFileFor = journalFileFor;
exports.withJournal = withJournal;
exports.currentJournal = currentJournal;
exports.writeJournal = writeJournal;
exports.removeJournal = removeJournal;
exports.replayJournal = replayJournal;
/**
 * Makes a multi-file write all-or-nothing across a crash. `atomicWriteFiles` writes and fsyncs every temp file,
 * then records the (temp → target) pairs in a journal next to the certificate, then renames. After a `kill -9`:
 * no journal (or a torn one) means the renames had not started, so the temps are deleted and the old set stays;
 * a complete journal means every temp was durable, so the remaining renames are finished and the new set stands.
 * The journal path comes from the certificate lock held by the caller (AsyncLocalStorage), so every write made
 * under `withCertificateLock` is journaled, and the lock recovers before anything else runs.
 */
const node_async_hooks_1 = require("node:async_hooks");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const boundedRead_1 = require("../io/boundedRead");
const journalContext = new node_async_hooks_1.AsyncLocalStorage();
/** `.app.crt.kyma-journal` next to `app.crt`. */
function journalFileFor(certFile) {
    const abs = path.resolve(certFile);
    return path.join(path.dirname(abs), `.${path.basename(abs)}.kyma-journal`);
}
/** Runs `fn` with writes journaled in `journal` (called by the certificate lock). */
function withJournal(journal, fn) {
    return journalContext.run(journal, fn);
}
/** The journal of the lock this code runs under, if any. */
function currentJournal() {
    return journalContext.getStore();
}
/** Writes and fsyncs the journal: the commit point of a multi-file write. */
async function writeJournal(journal, entries) {
    const handle = await node_fs_1.promises.open(journal, 'w', 0o600);
    try {
        await handle.writeFile(JSON.stringify(entries));
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
async function removeJournal(journal) {
    await node_fs_1.promises.unlink(journal).catch(() => undefined);
}
/**
 * Finishes the renames of a committed journal. Only pairs we could have written are honoured: the temp must sit in
 * the target's folder with the temp name of that target, so a planted journal can move nothing an attacker could
 * not already move. Returns how many files were put in place.
 */
async function replayJournal(journal, tempMarker) {
    const data = await (0, boundedRead_1.readRegularFileIfExists)(journal, 1024 * 1024).catch(() => undefined);
    if (data === undefined)
        return 0;
    let entries;
    try {
        entries = JSON.parse(data.toString('utf8'));
    }
    catch {
        entries = undefined; // torn: the renames never started
    }
    let done = 0;
    if (Array.isArray(entries)) {
        for (const entry of entries) {
            if (typeof entry?.temp !== 'string' || typeof entry.target !== 'string')
                continue;
            const { temp, target } = entry;
            const ours = path.dirname(temp) === path.dirname(target) && path.basename(temp).startsWith(`.${path.basename(target)}${tempMarker}`);
            const info = ours ? await node_fs_1.promises.lstat(temp).catch(() => undefined) : undefined;
            if (!info?.isFile())
                continue; // already renamed before the crash (or not ours)
            await node_fs_1.promises.rename(temp, target);
            done++;
        }
        for (const dir of new Set(entries.filter((e) => typeof e?.target === 'string').map((e) => path.dirname(e.target)))) {
            const handle = await node_fs_1.promises.open(dir, 'r').catch(() => undefined);
            await handle?.sync().catch(() => undefined);
            await handle?.close();
        }
    }
    await removeJournal(journal);
    return done;
}
//# sourceMappingURL=journal.js.map