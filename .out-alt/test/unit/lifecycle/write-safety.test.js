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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Issue 7 rows 4, 5, 7, 8: one lock for every write, the renew re-check, restore's key check, and symlinks.
 * Renewals are held in flight with the emulator's `delay` fault; the test acts on the progress event that says the
 * renewal request is being sent (an event, not a sleep).
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const keys_1 = require("../../../src/core/keys");
const server_1 = require("../../../src/emulator/server");
const issue_1 = require("../../../src/lifecycle/issue");
const renew_1 = require("../../../src/lifecycle/renew");
const restore_1 = require("../../../src/lifecycle/restore");
const fixtures_1 = require("./fixtures");
let emulator;
(0, node_test_1.before)(async () => {
    emulator = await (0, server_1.startEmulator)({ now: (0, fixtures_1.steppingClock)() });
});
(0, node_test_1.after)(() => emulator.close());
function request(ws, extra = {}) {
    return { certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile, ...extra };
}
/** Starts a renewal held in flight at the renewal request; resolves `inFlight` once the request is being sent. */
function renewHeld(ws, extra = {}) {
    emulator.injectFault({ endpoint: 'renewals', kind: 'delay', ms: 1500 });
    let signal;
    const inFlight = new Promise((r) => (signal = r));
    const done = (0, renew_1.renewCertificate)(request(ws, { ...extra, onProgress: (step) => step === 'Requesting the renewed certificate' && signal() })).then((r) => r, (e) => e);
    return { inFlight, done };
}
async function pairOnDiskMatches(certFile, keyFile) {
    const cert = new node_crypto_1.X509Certificate(await node_fs_1.promises.readFile(certFile));
    return (0, keys_1.keyMatchesCertificate)((0, keys_1.loadPrivateKey)(await node_fs_1.promises.readFile(keyFile)), cert);
}
(0, node_test_1.describe)('one lock for every write to a certificate set', () => {
    (0, node_test_1.it)('issue --force while a renew of the same name is in flight: refused as locked; the pair on disk always matches', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const { inFlight, done } = renewHeld(ws);
        await inFlight;
        const { url } = emulator.mintToken('my-app');
        await strict_1.default.rejects((0, issue_1.issueCertificate)({ tokenUrl: url, outDir: ws.dir, name: 'app', force: true, caFile: emulator.serverCaFile }), (e) => (0, errors_1.isKymaCertError)(e, 'locked'));
        const renewed = await done;
        strict_1.default.ok(!(renewed instanceof Error), String(renewed));
        strict_1.default.ok(await pairOnDiskMatches(ws.certFile, ws.keyFile), 'cert and key no longer match');
        // Serialised: once the renewal is done, issue --force runs (the token was not spent by the refused attempt).
        await (0, issue_1.issueCertificate)({ tokenUrl: url, outDir: ws.dir, name: 'app', force: true, caFile: emulator.serverCaFile });
        strict_1.default.ok(await pairOnDiskMatches(ws.certFile, ws.keyFile));
    });
    (0, node_test_1.it)('renew re-checks right before writing: a pair replaced meanwhile (by another tool) is left alone', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const other = await (0, fixtures_1.makeWorkspace)(emulator, { application: 'other-app' });
        const { inFlight, done } = renewHeld(ws);
        await inFlight;
        await node_fs_1.promises.copyFile(other.certFile, ws.certFile);
        await node_fs_1.promises.copyFile(other.keyFile, ws.keyFile);
        const replaced = await (0, fixtures_1.treeFingerprint)(ws.dir);
        delete replaced['.app.crt.kyma-lock']; // the renewal's own lock, released when it ends
        const error = await done;
        strict_1.default.ok((0, errors_1.isKymaCertError)(error, 'io') && /changed while the renewal was running/.test(error.message), String(error));
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), replaced, 'something was written');
        strict_1.default.ok(await pairOnDiskMatches(ws.certFile, ws.keyFile));
    });
    (0, node_test_1.it)('restore refuses a backup for another key (key-mismatch) and writes nothing', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        await (0, renew_1.renewCertificate)(request(ws)); // the original certificate is now a backup
        const { url } = emulator.mintToken('my-app');
        await (0, issue_1.issueCertificate)({ tokenUrl: url, outDir: ws.dir, name: 'app', force: true, caFile: emulator.serverCaFile }); // new key
        const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
        await strict_1.default.rejects((0, restore_1.restoreCertificate)({ certFile: ws.certFile }), (e) => (0, errors_1.isKymaCertError)(e, 'key-mismatch'));
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
        strict_1.default.ok(await pairOnDiskMatches(ws.certFile, ws.keyFile));
    });
});
(0, node_test_1.describe)('symlinks', () => {
    (0, node_test_1.it)('a symlinked certificate (certbot-style live/ → archive/) is renewed through the link; the link stays', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const archive = path.join(ws.dir, 'archive');
        await node_fs_1.promises.mkdir(archive);
        await node_fs_1.promises.rename(ws.certFile, path.join(archive, 'app1.crt'));
        await node_fs_1.promises.symlink(path.join('archive', 'app1.crt'), ws.certFile);
        const result = await (0, renew_1.renewCertificate)(request(ws));
        strict_1.default.ok((await node_fs_1.promises.lstat(ws.certFile)).isSymbolicLink(), 'the link was replaced by a file');
        strict_1.default.equal(await node_fs_1.promises.readlink(ws.certFile), path.join('archive', 'app1.crt'));
        const target = new node_crypto_1.X509Certificate(await node_fs_1.promises.readFile(path.join(archive, 'app1.crt')));
        strict_1.default.equal(target.fingerprint256.replace(/:/g, '').toLowerCase(), result.renewed.sha256Hex, 'the target kept the old certificate');
    });
    (0, node_test_1.it)('a certificate linked into a read-only mount: a clear io error, nothing changed', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const { dir: mount, unmount } = await (0, fixtures_1.mountTmpfs)(256);
        try {
            await node_fs_1.promises.copyFile(ws.certFile, path.join(mount, 'tls.crt'));
            (0, node_child_process_1.execFileSync)('mount', ['-o', 'remount,ro', mount]);
            await node_fs_1.promises.rm(ws.certFile);
            await node_fs_1.promises.symlink(path.join(mount, 'tls.crt'), ws.certFile);
            const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
            await strict_1.default.rejects((0, renew_1.renewCertificate)(request(ws)), (e) => (0, errors_1.isKymaCertError)(e, 'io') && /EROFS/.test(e.message) && /read-only/.test(e.hint ?? ''));
            strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
        }
        finally {
            unmount();
        }
    });
    (0, node_test_1.it)('a .kyma-backups that is a symlink is refused before anything is sent or written; its target is untouched', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const elsewhere = await (0, fixtures_1.tempDir)();
        await node_fs_1.promises.writeFile(path.join(elsewhere, 'precious'), 'keep me');
        const before = { ws: await (0, fixtures_1.treeFingerprint)(ws.dir), elsewhere: await (0, fixtures_1.treeFingerprint)(elsewhere) };
        const link = path.join(ws.dir, '.kyma-backups');
        await node_fs_1.promises.symlink(elsewhere, link);
        await strict_1.default.rejects((0, renew_1.renewCertificate)(request(ws)), (e) => (0, errors_1.isKymaCertError)(e, 'io') && /symbolic link/.test(e.message));
        await strict_1.default.rejects((0, restore_1.restoreCertificate)({ certFile: ws.certFile }), (e) => (0, errors_1.isKymaCertError)(e, 'io') && /symbolic link/.test(e.message));
        strict_1.default.equal(await node_fs_1.promises.readlink(link), elsewhere);
        await node_fs_1.promises.unlink(link);
        strict_1.default.deepEqual({ ws: await (0, fixtures_1.treeFingerprint)(ws.dir), elsewhere: await (0, fixtures_1.treeFingerprint)(elsewhere) }, before);
    });
});
//# sourceMappingURL=write-safety.test.js.map