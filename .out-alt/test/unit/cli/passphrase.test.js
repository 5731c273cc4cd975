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
 * `--key-passphrase-env` / `--key-passphrase-file` through the real CLI process: renew and revoke with an encrypted
 * key, the typed errors and exit code 3 for a missing or wrong passphrase, and the passphrase never in any output.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const server_1 = require("../../../src/emulator/server");
const fixtures_1 = require("../lifecycle/fixtures");
const run_cli_1 = require("./run-cli");
const PASS = 'cli-secret passphrase 42';
let emulator;
(0, node_test_1.before)(async () => {
    (0, run_cli_1.ensureCliBuilt)();
    emulator = await (0, server_1.startEmulator)({ now: (0, fixtures_1.steppingClock)() });
});
(0, node_test_1.after)(() => emulator.close());
async function encryptedWorkspace() {
    const ws = await (0, fixtures_1.makeWorkspace)(emulator);
    const key = (0, node_crypto_1.createPrivateKey)(await node_fs_1.promises.readFile(ws.keyFile));
    await node_fs_1.promises.writeFile(ws.keyFile, key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }));
    return ws;
}
function gateway(ws) {
    return ['--cert', ws.certFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile];
}
function assertSecretAbsent(result, ...secrets) {
    for (const secret of [PASS, ...secrets]) {
        strict_1.default.ok(!result.stdout.includes(secret), 'passphrase on stdout');
        strict_1.default.ok(!result.stderr.includes(secret), 'passphrase on stderr');
    }
}
(0, node_test_1.describe)('kyma-cert with an encrypted key', () => {
    (0, node_test_1.it)('renews with --key-passphrase-file (trailing newline ignored) and --key-passphrase-env, --json; key file unchanged', async () => {
        const ws = await encryptedWorkspace();
        const keyHash = await (0, fixtures_1.sha256Of)(ws.keyFile);
        const passFile = path.join(await (0, fixtures_1.tempDir)(), 'pass.txt');
        await node_fs_1.promises.writeFile(passFile, `${PASS}\n`, { mode: 0o600 });
        const fromFile = await (0, run_cli_1.runCli)(['renew', ...gateway(ws), '--key-passphrase-file', passFile, '--json']);
        strict_1.default.equal(fromFile.code, 0, fromFile.stderr);
        assertSecretAbsent(fromFile);
        const fromEnv = await (0, run_cli_1.runCli)(['renew', ...gateway(ws), '--key-passphrase-env', 'KYMA_TEST_PASS'], undefined, { KYMA_TEST_PASS: PASS });
        strict_1.default.equal(fromEnv.code, 0, fromEnv.stderr);
        assertSecretAbsent(fromEnv);
        strict_1.default.equal(await (0, fixtures_1.sha256Of)(ws.keyFile), keyHash, 'the encrypted key file was not rewritten');
    });
    (0, node_test_1.it)('exits 3 with passphrase-required (and a hint naming the flags) when no passphrase is given', async () => {
        const ws = await encryptedWorkspace();
        const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
        const result = await (0, run_cli_1.runCli)(['renew', ...gateway(ws), '--json']);
        strict_1.default.equal(result.code, (0, errors_1.exitCodeFor)('passphrase-required'));
        strict_1.default.equal(result.code, 3);
        const { error } = JSON.parse(result.stdout);
        strict_1.default.equal(error.kind, 'passphrase-required');
        strict_1.default.match(error.hint, /--key-passphrase-env/);
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
    });
    (0, node_test_1.it)('exits 3 with bad-passphrase for a wrong one, human and --json, without echoing either passphrase', async () => {
        const ws = await encryptedWorkspace();
        const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
        const wrong = 'definitely-wrong-passphrase';
        for (const json of [[], ['--json']]) {
            const result = await (0, run_cli_1.runCli)(['revoke', ...gateway(ws), '--yes', '--key-passphrase-env', 'P', ...json], undefined, { P: wrong });
            strict_1.default.equal(result.code, 3, result.stderr);
            strict_1.default.match(json.length ? result.stdout : result.stderr, /bad-passphrase|passphrase does not decrypt/);
            assertSecretAbsent(result, wrong);
        }
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
    });
    (0, node_test_1.it)('refuses both sources at once, an unset variable and an empty file as usage errors (exit 2)', async () => {
        const ws = await encryptedWorkspace();
        const empty = path.join(await (0, fixtures_1.tempDir)(), 'empty');
        await node_fs_1.promises.writeFile(empty, '\n');
        for (const flags of [
            ['--key-passphrase-env', 'P', '--key-passphrase-file', empty],
            ['--key-passphrase-env', 'KYMA_CERT_SURELY_UNSET_VARIABLE'],
            ['--key-passphrase-file', empty],
        ]) {
            const result = await (0, run_cli_1.runCli)(['renew', ...gateway(ws), ...flags], undefined, { P: PASS });
            strict_1.default.equal(result.code, 2, `${flags.join(' ')}: ${result.stderr}`);
        }
    });
    (0, node_test_1.it)('issues an encrypted key with --key-passphrase-file', async () => {
        const outDir = await (0, fixtures_1.tempDir)();
        const passFile = path.join(outDir, '..', `${path.basename(outDir)}.pass`);
        await node_fs_1.promises.writeFile(passFile, PASS);
        const { url } = emulator.mintToken('cli-enc');
        const result = await (0, run_cli_1.runCli)(['issue', '--token-url', url, '--out-dir', outDir, '--ca-file', emulator.serverCaFile, '--key-passphrase-file', passFile]);
        strict_1.default.equal(result.code, 0, result.stderr);
        strict_1.default.match(await node_fs_1.promises.readFile(path.join(outDir, 'client.key'), 'utf8'), /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
        assertSecretAbsent(result);
    });
});
//# sourceMappingURL=passphrase.test.js.map