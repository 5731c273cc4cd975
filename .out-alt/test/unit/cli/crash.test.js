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
 * Issue 7 row 13: `kill -9` at every step of the write phase. The CLI runs in a child process with the test-only
 * hook KYMA_CERT_TEST_CRASH_AT=<step>, which SIGKILLs it there (a real kill -9, at a known moment). Afterwards, once
 * the next run has taken the lock (which recovers first), the files are the old set or the new set, the
 * certificate matches the key, no temp file (one may hold a private key) or journal remains, and renew works.
 * One emulator and one key pair are shared; each step gets a fresh copy of the two files.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const keys_1 = require("../../../src/core/keys");
const server_1 = require("../../../src/emulator/server");
const lock_1 = require("../../../src/lifecycle/lock");
const fixtures_1 = require("../lifecycle/fixtures");
const run_cli_1 = require("./run-cli");
let emulator;
let template;
(0, node_test_1.before)(async () => {
    (0, run_cli_1.ensureCliBuilt)();
    emulator = await (0, server_1.startEmulator)({ now: (0, fixtures_1.steppingClock)() });
    template = await (0, fixtures_1.makeWorkspace)(emulator);
});
(0, node_test_1.after)(() => emulator.close());
async function freshCopy() {
    const dir = await (0, fixtures_1.tempDir)('kyma-crash-');
    const certFile = path.join(dir, 'app.crt');
    const keyFile = path.join(dir, 'app.key');
    await node_fs_1.promises.copyFile(template.certFile, certFile);
    await node_fs_1.promises.copyFile(template.keyFile, keyFile);
    await node_fs_1.promises.chmod(keyFile, 0o600);
    return { dir, certFile, keyFile };
}
function renewArgs(certFile) {
    return ['renew', '--cert', certFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile, '--json'];
}
async function allFiles(dir) {
    const out = [];
    for (const entry of await node_fs_1.promises.readdir(dir, { withFileTypes: true, recursive: true })) {
        if (entry.isFile())
            out.push(path.join(entry.parentPath ?? entry.path, entry.name));
    }
    return out;
}
(0, node_test_1.describe)('kill -9 at every step of the write phase', () => {
    (0, node_test_1.it)('leaves the old set or the new set, a matching pair, no temp file, and a working next renew', async () => {
        // 1. Which steps does a renewal pass through? (The hook also traces them.)
        const traced = await freshCopy();
        const trace = path.join(await (0, fixtures_1.tempDir)(), 'steps');
        const clean = await (0, run_cli_1.finished)((0, run_cli_1.startCli)(renewArgs(traced.certFile), undefined, { ...process.env, KYMA_CERT_TEST_TRACE_STEPS: trace }));
        strict_1.default.equal(clean.code, 0, clean.stderr);
        const steps = [...new Set((await node_fs_1.promises.readFile(trace, 'utf8')).trim().split('\n'))];
        for (const expected of ['lock:temp', 'temp:0', 'journal', 'rename:0', 'synced', 'renew:written'])
            strict_1.default.ok(steps.includes(expected), `${expected} not in ${steps.join(' ')}`);
        const original = await node_fs_1.promises.readFile(template.certFile);
        for (const step of steps) {
            const ws = await freshCopy();
            const crashed = await (0, run_cli_1.finished)((0, run_cli_1.startCli)(renewArgs(ws.certFile), undefined, { ...process.env, KYMA_CERT_TEST_CRASH_AT: step }));
            strict_1.default.equal(crashed.signal, 'SIGKILL', `step ${step}: the CLI was not killed (exit ${crashed.code}) ${crashed.stderr}`);
            await (0, lock_1.withCertificateLock)(ws.certFile, async () => undefined); // what the next run does first
            const files = (await allFiles(ws.dir)).map((f) => path.relative(ws.dir, f));
            strict_1.default.deepEqual(files.filter((f) => /kyma-tmp-|kyma-journal|kyma-lock/.test(f)), [], `step ${step}: leftovers`);
            const cert = await node_fs_1.promises.readFile(ws.certFile);
            const backups = files.filter((f) => f.startsWith('.kyma-backups'));
            if (cert.equals(original)) {
                strict_1.default.deepEqual(files.sort(), ['app.crt', 'app.key'], `step ${step}: old certificate but not the old set`);
            }
            else {
                strict_1.default.ok(files.includes('app-ca.crt') && files.includes('app.kyma.json'), `step ${step}: new certificate but not the new set`);
                strict_1.default.equal(backups.length, 1, `step ${step}: new set without its backup`);
                strict_1.default.ok((await node_fs_1.promises.readFile(path.join(ws.dir, backups[0]))).equals(original));
            }
            strict_1.default.ok((0, keys_1.keyMatchesCertificate)((0, keys_1.loadPrivateKey)(await node_fs_1.promises.readFile(ws.keyFile)), new node_crypto_1.X509Certificate(cert)), `step ${step}: mismatch`);
            const next = await (0, run_cli_1.finished)((0, run_cli_1.startCli)(renewArgs(ws.certFile)));
            strict_1.default.equal(next.code, 0, `step ${step}: the next renew failed: ${next.stdout} ${next.stderr}`);
        }
    });
    (0, node_test_1.it)('a kill -9 of issue after its key temp file was written leaves no private key behind', async () => {
        const outDir = await (0, fixtures_1.tempDir)('kyma-crash-issue-');
        const { url } = emulator.mintToken('crash-app');
        const args = ['issue', '--token-url', url, '--out-dir', outDir, '--name', 'app', '--ca-file', emulator.serverCaFile];
        const crashed = await (0, run_cli_1.finished)((0, run_cli_1.startCli)(args, undefined, { ...process.env, KYMA_CERT_TEST_CRASH_AT: 'temp:0' }));
        strict_1.default.equal(crashed.signal, 'SIGKILL');
        const leftover = (await allFiles(outDir)).filter((f) => f.includes('kyma-tmp-'));
        strict_1.default.equal(leftover.length, 1, 'the key temp file should exist right after the crash');
        strict_1.default.match(await node_fs_1.promises.readFile(leftover[0], 'utf8'), /PRIVATE KEY/);
        await (0, lock_1.withCertificateLock)(path.join(outDir, 'app.crt'), async () => undefined);
        strict_1.default.deepEqual((await allFiles(outDir)).filter((f) => /kyma-tmp-|kyma-lock|kyma-journal/.test(f)), []);
    });
});
//# sourceMappingURL=crash.test.js.map