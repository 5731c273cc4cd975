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
exports.DAY_MS = void 0;
exports.steppingClock = steppingClock;
exports.tempDir = tempDir;
exports.makeWorkspace = makeWorkspace;
exports.treeFingerprint = treeFingerprint;
exports.sha256Of = sha256Of;
exports.modeOf = modeOf;
exports.mountTmpfs = mountTmpfs;
exports.fill = fill;
/**
 * Shared setup for the lifecycle and CLI tests: a workspace folder with a client certificate issued by a running
 * emulator, and a fingerprint of every file in a folder (to prove "nothing changed").
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
exports.DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A clock for the emulator that runs an hour behind and advances at least one second per reading. Certificate times
 * have one-second resolution and renewal insists on a later notAfter, so back-to-back renewals in one test need
 * distinct issue times; starting an hour back keeps every notBefore in the past for the (real-time) TLS checks.
 */
function steppingClock() {
    let last = 0;
    return () => {
        last = Math.max(Date.now() - 60 * 60 * 1000, last + 1000);
        return new Date(last);
    };
}
/** A fresh temp folder. */
async function tempDir(prefix = 'kyma-cert-test-') {
    return node_fs_1.promises.mkdtemp(path.join(os.tmpdir(), prefix));
}
/**
 * Writes `app.crt` + `app.key` (0600) issued by the emulator. The certificate starts a day in the past, so a renewal
 * issued "now" always ends later than it (certificate times have one-second resolution).
 */
async function makeWorkspace(emulator, options = {}) {
    const dir = await tempDir();
    const name = options.name ?? 'app';
    const issued = await emulator.issueClientCertificate({
        application: options.application ?? 'my-app',
        notBefore: options.notBefore ?? new Date(Date.now() - exports.DAY_MS),
        validityMs: options.validityMs,
    });
    const certFile = path.join(dir, `${name}.crt`);
    const keyFile = path.join(dir, `${name}.key`);
    const certText = options.layout === 'chain' ? issued.certPem + issued.caPem : issued.certPem;
    await node_fs_1.promises.writeFile(certFile, certText, { mode: 0o644 });
    await node_fs_1.promises.writeFile(keyFile, issued.keyPem ?? '', { mode: 0o600 });
    await node_fs_1.promises.chmod(keyFile, 0o600);
    return { dir, certFile, keyFile, sha256Hex: issued.sha256Hex, certPem: issued.certPem, caPem: issued.caPem };
}
/**
 * Every file and folder under `dir` (hidden ones included) with the SHA-256 and mode of each file:
 * two equal trees mean no file was changed, added or removed.
 */
async function treeFingerprint(dir) {
    const out = {};
    async function walk(current) {
        for (const entry of await node_fs_1.promises.readdir(current, { withFileTypes: true })) {
            const full = path.join(current, entry.name);
            const rel = path.relative(dir, full);
            if (entry.isDirectory()) {
                out[`${rel}/`] = 'dir';
                await walk(full);
            }
            else {
                const stat = await node_fs_1.promises.stat(full);
                out[rel] = `${(0, node_crypto_1.createHash)('sha256').update(await node_fs_1.promises.readFile(full)).digest('hex')} ${(stat.mode & 0o777).toString(8)}`;
            }
        }
    }
    await walk(dir);
    return out;
}
async function sha256Of(file) {
    return (0, node_crypto_1.createHash)('sha256').update(await node_fs_1.promises.readFile(file)).digest('hex');
}
async function modeOf(file) {
    return (await node_fs_1.promises.stat(file)).mode & 0o777;
}
/** A tiny tmpfs (needs root, as this test machine has): the real way to get ENOSPC and EROFS. */
async function mountTmpfs(sizeKb) {
    const dir = await tempDir('kyma-tmpfs-');
    (0, node_child_process_1.execFileSync)('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
    return { dir, unmount: () => (0, node_child_process_1.execFileSync)('umount', [dir]) };
}
/** Fills a file system until it is full. */
async function fill(dir) {
    const handle = await node_fs_1.promises.open(path.join(dir, 'filler'), 'w');
    try {
        for (;;)
            await handle.write(Buffer.alloc(4096, 1));
    }
    catch (e) {
        strict_1.default.equal(e.code, 'ENOSPC');
    }
    finally {
        await handle.close().catch(() => undefined);
    }
}
//# sourceMappingURL=fixtures.js.map