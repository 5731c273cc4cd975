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
 * Encrypted private keys through the lifecycle, against the emulator: renewal and revocation decrypt the key in
 * memory and never rewrite it; a wrong or missing passphrase stops before any request and changes nothing; issuing
 * with a passphrase writes the new key encrypted.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const pem_1 = require("../../../src/core/pem");
const keys_1 = require("../../../src/core/keys");
const server_1 = require("../../../src/emulator/server");
const issue_1 = require("../../../src/lifecycle/issue");
const renew_1 = require("../../../src/lifecycle/renew");
const revoke_1 = require("../../../src/lifecycle/revoke");
const fixtures_1 = require("./fixtures");
const PASS = 'Tr0ub4dor&3 in memory only';
let emulator;
const requestLog = [];
const logLines = [];
(0, node_test_1.before)(async () => {
    emulator = await (0, server_1.startEmulator)({ now: (0, fixtures_1.steppingClock)(), log: (line) => requestLog.push(line) });
});
(0, node_test_1.after)(() => emulator.close());
/** The two encodings the issue names: encrypted PKCS#8 (AES-256-CBC) and OpenSSL's legacy Proc-Type PEM (DES-EDE3). */
const ENCODINGS = {
    'PKCS#8 AES-256-CBC': { type: 'pkcs8', cipher: 'aes-256-cbc', marker: /^-----BEGIN ENCRYPTED PRIVATE KEY-----/ },
    'legacy DES-EDE3-CBC': { type: 'pkcs1', cipher: 'des-ede3-cbc', marker: /Proc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,/ },
};
async function encryptedWorkspace(encoding) {
    const ws = await (0, fixtures_1.makeWorkspace)(emulator);
    const { type, cipher, marker } = ENCODINGS[encoding];
    const key = (0, node_crypto_1.createPrivateKey)(await node_fs_1.promises.readFile(ws.keyFile));
    const pem = key.export({ type, format: 'pem', cipher, passphrase: PASS });
    strict_1.default.match(pem, marker);
    await node_fs_1.promises.writeFile(ws.keyFile, pem, { mode: 0o600 });
    return ws;
}
function request(ws, extra = {}) {
    return {
        certFile: ws.certFile,
        keyFile: ws.keyFile,
        infoUrl: emulator.infoUrl,
        caFile: emulator.serverCaFile,
        log: (line) => logLines.push(line),
        onProgress: (line) => logLines.push(line),
        ...extra,
    };
}
function assertNoPassphraseLogged() {
    for (const line of logLines)
        strict_1.default.ok(!line.includes(PASS), `passphrase in a log line: ${line}`);
}
for (const encoding of Object.keys(ENCODINGS)) {
    (0, node_test_1.describe)(`an encrypted key (${encoding})`, () => {
        (0, node_test_1.it)('renews with the right passphrase; the key file stays encrypted and byte-identical', async () => {
            const ws = await encryptedWorkspace(encoding);
            const keyHash = await (0, fixtures_1.sha256Of)(ws.keyFile);
            const result = await (0, renew_1.renewCertificate)(request(ws, { keyPassphrase: PASS }));
            strict_1.default.notEqual(result.renewed.sha256Hex, ws.sha256Hex);
            strict_1.default.equal(await (0, fixtures_1.sha256Of)(ws.keyFile), keyHash, 'the key was not rewritten (still encrypted)');
            strict_1.default.equal(await (0, fixtures_1.modeOf)(ws.keyFile), 0o600);
            const key = (0, keys_1.loadPrivateKey)(await node_fs_1.promises.readFile(ws.keyFile), PASS);
            strict_1.default.ok((0, keys_1.keyMatchesCertificate)(key, await node_fs_1.promises.readFile(ws.certFile)));
            const onDisk = (await node_fs_1.promises.readdir(ws.dir, { recursive: true })).map(String);
            for (const name of onDisk) {
                const full = path.join(ws.dir, name);
                if (!(await node_fs_1.promises.stat(full)).isFile())
                    continue;
                const plainKeys = (0, pem_1.parseCryptoFile)(await node_fs_1.promises.readFile(full)).blocks.filter((b) => b.kind === 'private-key');
                strict_1.default.equal(plainKeys.length, 0, `${name} holds a plain key`);
            }
            assertNoPassphraseLogged();
        });
        const refusals = [
            ['a wrong passphrase', 'not the passphrase', 'bad-passphrase'],
            ['no passphrase', undefined, 'passphrase-required'],
        ];
        for (const [name, passphrase, kind] of refusals) {
            (0, node_test_1.it)(`refuses ${name} with '${kind}' before any request, changing nothing`, async () => {
                const ws = await encryptedWorkspace(encoding);
                const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
                const seen = requestLog.length;
                await strict_1.default.rejects((0, renew_1.renewCertificate)(request(ws, { keyPassphrase: passphrase })), (e) => {
                    strict_1.default.ok((0, errors_1.isKymaCertError)(e, kind), String(e));
                    const text = `${e.message} ${e.hint ?? ''} ${JSON.stringify(e.toJSON())}`;
                    strict_1.default.ok(!text.includes(PASS) && !(passphrase && text.includes(passphrase)), 'passphrase in the error');
                    return true;
                });
                strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
                strict_1.default.equal(requestLog.length, seen, 'no request reached the service');
            });
        }
    });
}
(0, node_test_1.describe)('encrypted keys in revocation and issuance', () => {
    (0, node_test_1.it)('revokes with an encrypted key and the right passphrase; refuses a wrong one', async () => {
        const ws = await encryptedWorkspace('legacy DES-EDE3-CBC');
        await strict_1.default.rejects((0, revoke_1.revokeCertificate)({ ...request(ws), keyPassphrase: 'nope' }), (e) => (0, errors_1.isKymaCertError)(e, 'bad-passphrase'));
        const result = await (0, revoke_1.revokeCertificate)({ ...request(ws), keyPassphrase: PASS });
        strict_1.default.equal(result.sha256Hex, ws.sha256Hex);
        assertNoPassphraseLogged();
    });
    (0, node_test_1.it)('issues with a passphrase: the new key is written encrypted (PKCS#8 AES-256-CBC, 0600) and renews', async () => {
        const outDir = await (0, fixtures_1.tempDir)();
        const { url } = emulator.mintToken('enc-app');
        const result = await (0, issue_1.issueCertificate)({ tokenUrl: url, outDir, caFile: emulator.serverCaFile, keyPassphrase: PASS });
        const keyText = await node_fs_1.promises.readFile(result.keyFile, 'utf8');
        strict_1.default.match(keyText, /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
        strict_1.default.equal(await (0, fixtures_1.modeOf)(result.keyFile), 0o600);
        strict_1.default.deepEqual((0, keys_1.readPrivateKey)(keyText, PASS).format, { container: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc' });
        strict_1.default.throws(() => (0, keys_1.loadPrivateKey)(keyText), (e) => (0, errors_1.isKymaCertError)(e, 'passphrase-required'));
        await (0, renew_1.renewCertificate)({ certFile: result.certFile, keyFile: result.keyFile, keyPassphrase: PASS, caFile: emulator.serverCaFile });
    });
});
//# sourceMappingURL=encrypted-key.test.js.map