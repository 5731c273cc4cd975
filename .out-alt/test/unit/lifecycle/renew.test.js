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
const server_1 = require("../../../src/emulator/server");
const backups_1 = require("../../../src/lifecycle/backups");
const connection_1 = require("../../../src/lifecycle/connection");
const renew_1 = require("../../../src/lifecycle/renew");
const fixtures_1 = require("./fixtures");
let emulator;
/** One line per request the emulator saw (and per failed handshake). */
const requestLog = [];
(0, node_test_1.before)(async () => {
    emulator = await (0, server_1.startEmulator)({ now: (0, fixtures_1.steppingClock)(), log: (line) => requestLog.push(line) });
});
(0, node_test_1.after)(async () => {
    await emulator.close();
});
function request(ws, extra = {}) {
    return { certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile, ...extra };
}
function certificatesIn(text) {
    return (text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).map((p) => new node_crypto_1.X509Certificate(p));
}
async function expectFailureLeavesFilesAlone(ws, req, kind, message) {
    const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
    await strict_1.default.rejects((0, renew_1.renewCertificate)(req), (e) => {
        strict_1.default.ok((0, errors_1.isKymaCertError)(e), `expected KymaCertError, got ${String(e)}`);
        strict_1.default.equal(e.kind, kind, e.message);
        if (message)
            strict_1.default.match(e.message, message);
        return true;
    });
    strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before, 'every file byte-identical, nothing added or left behind');
}
(0, node_test_1.describe)('renewCertificate against the emulator', () => {
    (0, node_test_1.it)('renews a client-only file: new certificate, CA file, backup, key untouched, openssl accepts the chain', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator, { layout: 'client' });
        const keyHash = await (0, fixtures_1.sha256Of)(ws.keyFile);
        const steps = [];
        const result = await (0, renew_1.renewCertificate)(request(ws, { onProgress: (s) => steps.push(s) }));
        const text = await node_fs_1.promises.readFile(ws.certFile, 'utf8');
        const certs = certificatesIn(text);
        strict_1.default.equal(certs.length, 1, 'layout kept: client certificate only');
        strict_1.default.notEqual(result.renewed.sha256Hex, ws.sha256Hex);
        const writtenHash = (0, node_crypto_1.createHash)('sha256').update(certs[0].raw).digest('hex');
        strict_1.default.equal(result.renewed.sha256Hex, writtenHash, 'the result describes the certificate written to disk (the revocation hash)');
        strict_1.default.equal(certs[0].fingerprint256, result.renewed.fingerprint256);
        strict_1.default.ok(result.renewed.notAfter > result.previous.notAfter);
        strict_1.default.equal(result.renewed.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
        strict_1.default.equal(result.caFile, path.join(ws.dir, 'app-ca.crt'));
        strict_1.default.equal(await node_fs_1.promises.readFile(result.caFile, 'utf8'), emulator.clientCaPem.trim() + '\n');
        (0, node_child_process_1.execFileSync)('openssl', ['verify', '-CAfile', result.caFile, ws.certFile], { stdio: 'pipe' });
        strict_1.default.equal(await node_fs_1.promises.readFile(result.backupFile, 'utf8'), ws.certPem);
        strict_1.default.equal(await (0, fixtures_1.sha256Of)(ws.keyFile), keyHash, 'private key untouched');
        strict_1.default.equal(await (0, fixtures_1.modeOf)(ws.keyFile), 0o600);
        strict_1.default.equal(await (0, fixtures_1.modeOf)(ws.certFile), 0o644, 'certificate mode kept');
        const remembered = await (0, connection_1.readConnection)(ws.certFile);
        strict_1.default.equal(remembered?.infoUrl, emulator.infoUrl);
        strict_1.default.equal(remembered?.keyFile, ws.keyFile);
        strict_1.default.equal(remembered?.caFile, undefined, 'a CA file outside the folder is not remembered');
        const raw = JSON.parse(await node_fs_1.promises.readFile(path.join(ws.dir, 'app.kyma.json'), 'utf8'));
        strict_1.default.equal(raw.keyFile, 'app.key', 'stored relative to the certificate');
        strict_1.default.ok(steps.includes('Checking the renewed certificate with the Connector Service'));
    });
    (0, node_test_1.it)('renews a client+CA file into a client+CA file and keeps a custom mode', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator, { layout: 'chain' });
        await node_fs_1.promises.chmod(ws.certFile, 0o640);
        const result = await (0, renew_1.renewCertificate)(request(ws));
        const certs = certificatesIn(await node_fs_1.promises.readFile(ws.certFile, 'utf8'));
        strict_1.default.equal(certs.length, 2, 'layout kept: client + CA');
        strict_1.default.equal(certs[0].fingerprint256, result.renewed.fingerprint256);
        strict_1.default.equal(certs[1].fingerprint256, new node_crypto_1.X509Certificate(emulator.clientCaPem).fingerprint256);
        strict_1.default.equal(await (0, fixtures_1.modeOf)(ws.certFile), 0o640);
        (0, node_child_process_1.execFileSync)('openssl', ['verify', '-CAfile', path.join(ws.dir, 'app-ca.crt'), ws.certFile], { stdio: 'pipe' });
    });
    (0, node_test_1.it)('renews a second time from the remembered connection alone, backing up the CA file too', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        await (0, renew_1.renewCertificate)(request(ws));
        const second = await (0, renew_1.renewCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, caFile: emulator.serverCaFile });
        const backups = await (0, backups_1.listBackups)(ws.certFile);
        strict_1.default.equal(backups.length, 2);
        strict_1.default.equal(backups[0].certBackup, second.backupFile);
        strict_1.default.ok(backups[0].caBackup, 'the CA written by the first renewal is backed up by the second');
        strict_1.default.ok(backups[1].caBackup === undefined);
    });
    (0, node_test_1.it)('keeps only the last 5 backups', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        for (let i = 0; i < 7; i++)
            await (0, renew_1.renewCertificate)(request(ws));
        strict_1.default.equal((await (0, backups_1.listBackups)(ws.certFile)).length, 5);
    });
    (0, node_test_1.it)('renews a DER certificate file into a DER file', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const derFile = path.join(ws.dir, 'app.der');
        await node_fs_1.promises.writeFile(derFile, new node_crypto_1.X509Certificate(ws.certPem).raw);
        await node_fs_1.promises.rm(ws.certFile);
        const result = await (0, renew_1.renewCertificate)({ ...request(ws), certFile: derFile });
        const bytes = await node_fs_1.promises.readFile(derFile);
        strict_1.default.equal(new node_crypto_1.X509Certificate(bytes).fingerprint256, result.renewed.fingerprint256);
        strict_1.default.equal(bytes[0], 0x30, 'still DER');
    });
    const faults = [
        { name: 'HTTP 500 on renewal', fault: { endpoint: 'renewals', kind: 'status', status: 500 }, kind: 'server' },
        { name: 'garbage instead of JSON', fault: { endpoint: 'renewals', kind: 'garbage' }, kind: 'server' },
        { name: 'a certificate for another key', fault: { endpoint: 'renewals', kind: 'foreign-key' }, kind: 'verification', message: /public key/ },
        { name: 'a certificate with the wrong subject', fault: { endpoint: 'renewals', kind: 'wrong-subject' }, kind: 'verification', message: /subject/ },
        { name: 'an already expired certificate', fault: { endpoint: 'renewals', kind: 'expired' }, kind: 'verification', message: /expired/ },
        { name: 'a certificate from a different CA', fault: { endpoint: 'renewals', kind: 'foreign-ca' }, kind: 'verification', message: /different CA/ },
        {
            name: 'a different CA signing while caCrt names the real one',
            fault: { endpoint: 'renewals', kind: 'foreign-ca', caCrt: 'real' },
            kind: 'verification',
            message: /not signed by the returned CA/,
        },
        // The client already refuses an answer whose crt is not clientCrt + caCrt: an unusable answer.
        { name: 'crt in the wrong order', fault: { endpoint: 'renewals', kind: 'bad-chain' }, kind: 'server' },
        {
            name: 'a renewal slower than the timeout',
            // Generous timeout so that only the held renewal request can hit it, even on a loaded machine.
            fault: { endpoint: 'renewals', kind: 'delay', ms: 60_000 },
            kind: 'timeout',
            extra: { timeoutMs: 2500 },
        },
        { name: 'a dropped connection', fault: { endpoint: 'renewals', kind: 'drop' }, kind: 'network' },
        { name: 'management/info failing', fault: { endpoint: 'managementInfo', kind: 'status', status: 503 }, kind: 'server' },
        {
            name: 'a foreign CA accepted with --allow-issuer-change but rejected by the gateway (rolled back)',
            fault: { endpoint: 'renewals', kind: 'foreign-ca' },
            kind: 'verification',
            message: /did not accept the renewed certificate.*restored/,
            extra: { allowIssuerChange: true },
        },
    ];
    for (const { name, fault, kind, message, extra } of faults) {
        (0, node_test_1.it)(`fails with '${kind}' on ${name} and leaves every file byte-identical`, async () => {
            const ws = await (0, fixtures_1.makeWorkspace)(emulator, { layout: 'chain' });
            // A previous renewal gives the folder a connection file, a CA file and a backup that must survive too.
            await (0, renew_1.renewCertificate)(request(ws));
            emulator.injectFault(fault);
            await expectFailureLeavesFilesAlone(ws, request(ws, extra), kind, message);
            strict_1.default.equal(emulator.pendingFaults, 0, 'the fault was hit');
        });
    }
    (0, node_test_1.it)('rolls back when the second management/info call (with the new certificate) fails', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator, { layout: 'client' });
        const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
        const req = request(ws, {
            // Inject only once the first management/info call is done, so exactly the verification call hits the fault.
            onProgress: (step) => {
                if (step === 'Requesting the renewed certificate')
                    emulator.injectFault({ endpoint: 'managementInfo', kind: 'drop' });
            },
        });
        await strict_1.default.rejects((0, renew_1.renewCertificate)(req), (e) => (0, errors_1.isKymaCertError)(e, 'verification') && /restored/.test(e.message));
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
    });
    (0, node_test_1.it)('refuses an expired certificate before any network call', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator, { notBefore: new Date(Date.now() - 10 * fixtures_1.DAY_MS), validityMs: fixtures_1.DAY_MS });
        const seen = requestLog.length;
        await expectFailureLeavesFilesAlone(ws, request(ws), 'expired');
        strict_1.default.equal(requestLog.length, seen, 'no request reached the service');
        await strict_1.default.rejects((0, renew_1.renewCertificate)(request(ws)), (e) => (0, errors_1.isKymaCertError)(e) && e.remedy?.kind === 'new-certificate-with-token');
    });
    (0, node_test_1.it)('refuses a renewed certificate that expires earlier than the current one', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator, { validityMs: 400 * fixtures_1.DAY_MS });
        await expectFailureLeavesFilesAlone(ws, request(ws), 'verification', /earlier than the current one/);
    });
    (0, node_test_1.it)('refuses a renewed certificate that is not valid yet by our clock (beyond the skew allowance)', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const current = new node_crypto_1.X509Certificate(ws.certPem);
        // Our clock: a minute after the current certificate started, long before the emulator's issue time.
        const now = () => new Date(new Date(current.validFrom).getTime() + 60_000);
        await expectFailureLeavesFilesAlone(ws, request(ws, { now }), 'verification', /not valid before/);
    });
    (0, node_test_1.it)('refuses a key that does not belong to the certificate', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const other = await (0, fixtures_1.makeWorkspace)(emulator);
        await expectFailureLeavesFilesAlone(ws, { ...request(ws), keyFile: other.keyFile }, 'key-mismatch');
    });
    (0, node_test_1.it)('says which setting is missing when no info URL is known', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        await strict_1.default.rejects((0, renew_1.renewCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile }), (e) => {
            return (0, errors_1.isKymaCertError)(e, 'config') && e.remedy?.kind === 'set-management-url' && e.remedy.data.connectionFile.endsWith('.kyma.json');
        });
    });
    (0, node_test_1.it)("maps the service's 403 for a revoked certificate to 'revoked' with the new-certificate remedy", async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        emulator.revokeHash(ws.sha256Hex);
        const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
        await strict_1.default.rejects((0, renew_1.renewCertificate)(request(ws)), (e) => {
            return (0, errors_1.isKymaCertError)(e, 'revoked') && e.status === 403 && e.remedy?.kind === 'new-certificate-with-token';
        });
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
    });
    (0, node_test_1.it)('lets exactly one of two concurrent renewals run; the other fails fast with locked', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const results = await Promise.allSettled([(0, renew_1.renewCertificate)(request(ws)), (0, renew_1.renewCertificate)(request(ws))]);
        const fulfilled = results.filter((r) => r.status === 'fulfilled');
        const rejected = results.filter((r) => r.status === 'rejected');
        strict_1.default.equal(fulfilled.length, 1);
        strict_1.default.equal(rejected.length, 1);
        strict_1.default.ok((0, errors_1.isKymaCertError)(rejected[0].reason, 'locked'));
        strict_1.default.equal((await (0, backups_1.listBackups)(ws.certFile)).length, 1, 'exactly one renewal happened');
        strict_1.default.deepEqual((await node_fs_1.promises.readdir(ws.dir)).filter((n) => n.includes('lock') || n.includes('tmp')), [], 'no lock or temp file left');
    });
    (0, node_test_1.it)('stops with cancelled when the signal is aborted, leaving files alone', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const controller = new AbortController();
        const req = request(ws, {
            signal: controller.signal,
            onProgress: (step) => {
                if (step === 'Requesting the renewed certificate')
                    controller.abort();
            },
        });
        await expectFailureLeavesFilesAlone(ws, req, 'cancelled');
    });
});
//# sourceMappingURL=renew.test.js.map