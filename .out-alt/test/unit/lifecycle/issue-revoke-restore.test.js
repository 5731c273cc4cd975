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
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const keys_1 = require("../../../src/core/keys");
const server_1 = require("../../../src/emulator/server");
const backups_1 = require("../../../src/lifecycle/backups");
const connection_1 = require("../../../src/lifecycle/connection");
const issue_1 = require("../../../src/lifecycle/issue");
const renew_1 = require("../../../src/lifecycle/renew");
const restore_1 = require("../../../src/lifecycle/restore");
const revoke_1 = require("../../../src/lifecycle/revoke");
const fixtures_1 = require("./fixtures");
let emulator;
(0, node_test_1.before)(async () => {
    emulator = await (0, server_1.startEmulator)({ now: (0, fixtures_1.steppingClock)() });
});
(0, node_test_1.after)(() => emulator.close());
(0, node_test_1.describe)('issueCertificate', () => {
    (0, node_test_1.it)('redeems a token: 0600 key, matching certificate, CA file, remembered connection; then renews with no URL', async () => {
        const outDir = path.join(await (0, fixtures_1.tempDir)(), 'new-folder');
        const { url } = emulator.mintToken('my-app');
        const result = await (0, issue_1.issueCertificate)({ tokenUrl: url, outDir, name: 'my-app', caFile: emulator.serverCaFile });
        strict_1.default.equal(result.certFile, path.join(outDir, 'my-app.crt'));
        strict_1.default.equal(await (0, fixtures_1.modeOf)(result.keyFile), 0o600);
        const key = (0, keys_1.loadPrivateKey)(await node_fs_1.promises.readFile(result.keyFile));
        const cert = new node_crypto_1.X509Certificate(await node_fs_1.promises.readFile(result.certFile));
        strict_1.default.ok((0, keys_1.keyMatchesCertificate)(key, cert));
        strict_1.default.equal(result.certificate.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
        (0, node_child_process_1.execFileSync)('openssl', ['verify', '-CAfile', result.caFile, result.certFile], { stdio: 'pipe' });
        strict_1.default.equal(result.infoUrl, emulator.infoUrl);
        const remembered = await (0, connection_1.readConnection)(result.certFile);
        // The server CA lives outside the new folder, so it is not remembered (a remembered path may not lead outside).
        strict_1.default.deepEqual(remembered, { infoUrl: emulator.infoUrl, keyFile: result.keyFile, caFile: undefined, revoked: undefined });
        const renewed = await (0, renew_1.renewCertificate)({ certFile: result.certFile, keyFile: result.keyFile, caFile: emulator.serverCaFile });
        strict_1.default.equal(renewed.previous.sha256Hex, result.certificate.sha256Hex);
    });
    (0, node_test_1.it)('explains a used token and writes nothing', async () => {
        const { url } = emulator.mintToken('my-app');
        const first = await (0, fixtures_1.tempDir)();
        await (0, issue_1.issueCertificate)({ tokenUrl: url, outDir: first, caFile: emulator.serverCaFile });
        const second = await (0, fixtures_1.tempDir)();
        await strict_1.default.rejects((0, issue_1.issueCertificate)({ tokenUrl: url, outDir: second, caFile: emulator.serverCaFile }), (e) => {
            return (0, errors_1.isKymaCertError)(e, 'invalid-token') && e.status === 403 && e.remedy?.kind === 'new-token';
        });
        strict_1.default.deepEqual(await node_fs_1.promises.readdir(second), []);
    });
    (0, node_test_1.it)('refuses to overwrite existing files before spending the token', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        await node_fs_1.promises.writeFile(path.join(dir, 'client.key'), 'precious');
        const before = await (0, fixtures_1.treeFingerprint)(dir);
        const { url } = emulator.mintToken('my-app');
        await strict_1.default.rejects((0, issue_1.issueCertificate)({ tokenUrl: url, outDir: dir, caFile: emulator.serverCaFile }), (e) => (0, errors_1.isKymaCertError)(e, 'config'));
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(dir), before);
        // The token is still good.
        const result = await (0, issue_1.issueCertificate)({ tokenUrl: url, outDir: dir, name: 'other', caFile: emulator.serverCaFile });
        strict_1.default.ok(result.certificate.sha256Hex);
    });
    (0, node_test_1.it)('rejects a certificate answer that fails verification and creates no folder', async () => {
        const parent = await (0, fixtures_1.tempDir)();
        const outDir = path.join(parent, 'out');
        emulator.injectFault({ endpoint: 'certificates', kind: 'foreign-key' });
        const { url } = emulator.mintToken('my-app');
        await strict_1.default.rejects((0, issue_1.issueCertificate)({ tokenUrl: url, outDir, caFile: emulator.serverCaFile }), (e) => (0, errors_1.isKymaCertError)(e, 'verification'));
        strict_1.default.deepEqual(await node_fs_1.promises.readdir(parent), []);
    });
});
(0, node_test_1.describe)('revokeCertificate', () => {
    (0, node_test_1.it)('revokes at the service, records it, and a following renewal fails with revoked', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const result = await (0, revoke_1.revokeCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile });
        strict_1.default.equal(result.sha256Hex, ws.sha256Hex);
        strict_1.default.ok(emulator.isRevoked(ws.sha256Hex));
        const remembered = await (0, connection_1.readConnection)(ws.certFile);
        strict_1.default.equal(remembered?.revoked?.sha256Hex, ws.sha256Hex);
        strict_1.default.equal(remembered?.revoked?.at, result.revokedAt);
        const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
        await strict_1.default.rejects((0, renew_1.renewCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, caFile: emulator.serverCaFile }), (e) => (0, errors_1.isKymaCertError)(e, 'revoked'));
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
    });
});
(0, node_test_1.describe)('restoreCertificate', () => {
    (0, node_test_1.it)('puts the previous certificate back and pushes the current one into the history (restore twice = undo)', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator, { layout: 'chain' });
        const original = await (0, fixtures_1.sha256Of)(ws.certFile);
        await (0, renew_1.renewCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile });
        const renewed = await (0, fixtures_1.sha256Of)(ws.certFile);
        const first = await (0, restore_1.restoreCertificate)({ certFile: ws.certFile });
        strict_1.default.equal(await (0, fixtures_1.sha256Of)(ws.certFile), original);
        strict_1.default.equal(first.restored.sha256Hex, ws.sha256Hex);
        const history = await (0, backups_1.listBackups)(ws.certFile);
        strict_1.default.equal(history.length, 1);
        strict_1.default.equal(await (0, fixtures_1.sha256Of)(history[0].certBackup), renewed);
        await (0, restore_1.restoreCertificate)({ certFile: ws.certFile });
        strict_1.default.equal(await (0, fixtures_1.sha256Of)(ws.certFile), renewed);
    });
    (0, node_test_1.it)('restores a chosen backup by id and reports a missing one', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const req = { certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile };
        await (0, renew_1.renewCertificate)(req);
        await (0, renew_1.renewCertificate)(req);
        const [, oldest] = await (0, backups_1.listBackups)(ws.certFile);
        await (0, restore_1.restoreCertificate)({ certFile: ws.certFile, backup: oldest.id });
        strict_1.default.equal(new node_crypto_1.X509Certificate(await node_fs_1.promises.readFile(ws.certFile)).fingerprint256.replace(/:/g, '').toLowerCase(), ws.sha256Hex);
        await strict_1.default.rejects((0, restore_1.restoreCertificate)({ certFile: ws.certFile, backup: 'nope' }), (e) => (0, errors_1.isKymaCertError)(e, 'config'));
    });
    (0, node_test_1.it)('says so when there is no backup', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        await strict_1.default.rejects((0, restore_1.restoreCertificate)({ certFile: ws.certFile }), (e) => (0, errors_1.isKymaCertError)(e, 'config'));
    });
});
//# sourceMappingURL=issue-revoke-restore.test.js.map