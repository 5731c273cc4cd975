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
const assert = __importStar(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const certificateReader_1 = require("../../../src/lifecycle/certificateReader");
const expiry_1 = require("../../../src/core/expiry");
const entryView_1 = require("../../../src/views/entryView");
const certs_1 = require("../helpers/certs");
/** A self-signed certificate `O=tenant,CN=<cn>` from 10 days ago to `notAfterDays` ahead, with its own key. */
function makeCertificate(cn, notAfterDays) {
    const notBefore = new Date(Date.now() - 10 * certs_1.DAY_MS);
    const notAfter = new Date(Date.now() + notAfterDays * certs_1.DAY_MS);
    return (0, certs_1.makeCa)({ subject: `O=tenant,CN=${cn}`, notBefore, notAfter, keyName: `reader-${cn}`, isCA: false, extKeyUsage: [] });
}
let dir;
let app;
let other;
const options = { maxFileSizeBytes: 64 * 1024 };
(0, node_test_1.before)(async () => {
    dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'kyma-entry-'));
    app = makeCertificate('app', 20);
    other = makeCertificate('other', 200);
});
(0, node_test_1.after)(() => (0, promises_1.rm)(dir, { recursive: true, force: true }));
(0, node_test_1.test)('pairs a certificate with its key by the naming rules and finds the CA file', async () => {
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'app.crt'), app.certPem);
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'app.key'), app.keyPem, { mode: 0o600 });
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'app-ca.crt'), other.certPem);
    const result = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'app.crt'), options);
    assert.ok('entry' in result);
    assert.equal(result.entry.certificates[0].facts.commonName, 'app');
    assert.deepEqual(result.entry.key, { status: 'match', file: (0, node_path_1.join)(dir, 'app.key'), source: 'naming' });
    assert.equal(result.entry.caFile, (0, node_path_1.join)(dir, 'app-ca.crt'));
    assert.equal(result.entry.revoked, false);
});
(0, node_test_1.test)('a key that belongs to another certificate is reported as a mismatch; no key as missing', async () => {
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'mixed.crt'), app.certPem);
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'mixed.key'), other.keyPem);
    const mixed = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'mixed.crt'), options);
    assert.ok('entry' in mixed);
    assert.equal(mixed.entry.key.status, 'mismatch');
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'lonely.pem'), other.certPem);
    const lonely = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'lonely.pem'), options);
    assert.ok('entry' in lonely);
    assert.equal(lonely.entry.key.status, 'missing');
});
(0, node_test_1.test)('an encrypted key (PKCS#8 or legacy, separate or in the same file) is paired as encrypted, never as an error', async () => {
    const { createPrivateKey } = await Promise.resolve().then(() => __importStar(require('node:crypto')));
    const key = createPrivateKey(app.keyPem);
    const pkcs8 = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' });
    const legacy = key.export({ type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: 'pw' });
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'locked.crt'), app.certPem);
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'locked.key'), pkcs8, { mode: 0o600 });
    const separate = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'locked.crt'), options);
    assert.ok('entry' in separate);
    assert.deepEqual(separate.entry.key, { status: 'encrypted', file: (0, node_path_1.join)(dir, 'locked.key'), source: 'naming' });
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'locked-combined.pem'), app.certPem + legacy);
    const combined = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'locked-combined.pem'), options);
    assert.ok('entry' in combined);
    assert.deepEqual(combined.entry.key, { status: 'encrypted', file: (0, node_path_1.join)(dir, 'locked-combined.pem'), source: 'same-file' });
    const view = (0, entryView_1.viewOf)(separate.entry, separate.entry.certificates[0], new Date(), expiry_1.DEFAULT_THRESHOLDS, (f) => f);
    assert.equal(view.key?.status, 'encrypted');
});
(0, node_test_1.test)('the remembered connection supplies the key file and the revoked flag of this very certificate', async () => {
    const sub = (0, node_path_1.join)(dir, 'remembered');
    await (0, promises_1.mkdir)(sub);
    await (0, promises_1.writeFile)((0, node_path_1.join)(sub, 'svc.crt'), app.certPem);
    await (0, promises_1.writeFile)((0, node_path_1.join)(sub, 'secret-material.pem'), app.keyPem);
    const sha256Hex = new node_crypto_1.X509Certificate(app.certPem).fingerprint256.replace(/:/g, '').toLowerCase();
    await (0, promises_1.writeFile)((0, node_path_1.join)(sub, 'svc.kyma.json'), JSON.stringify({ infoUrl: 'https://gateway.example/v1/applications/management/info', keyFile: 'secret-material.pem', revoked: { at: '2025-01-01T00:00:00Z', sha256Hex } }));
    const result = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(sub, 'svc.crt'), options);
    assert.ok('entry' in result);
    assert.equal(result.entry.key.status, 'match');
    assert.equal(result.entry.key.source, 'connection');
    assert.equal(result.entry.revoked, true);
    assert.equal(result.entry.connection?.infoUrl, 'https://gateway.example/v1/applications/management/info');
});
(0, node_test_1.test)('a setting override wins, and a key inside the certificate file pairs as the same file', async () => {
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'combined.pem'), `${app.certPem}${app.keyPem}`);
    const combined = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'combined.pem'), options);
    assert.ok('entry' in combined);
    assert.deepEqual(combined.entry.key, { status: 'match', file: (0, node_path_1.join)(dir, 'combined.pem'), source: 'same-file' });
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'elsewhere.key'), other.keyPem);
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'over.crt'), other.certPem);
    const overridden = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'over.crt'), { ...options, keyFileOverride: (0, node_path_1.join)(dir, 'elsewhere.key') });
    assert.ok('entry' in overridden);
    assert.equal(overridden.entry.key.source, 'setting');
    assert.equal(overridden.entry.key.status, 'match');
});
(0, node_test_1.test)('DER files, chains with line ranges, and files that are skipped', async () => {
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'app.der'), new node_crypto_1.X509Certificate(app.certPem).raw);
    const der = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'app.der'), options);
    assert.ok('entry' in der);
    assert.equal(der.entry.format, 'der');
    const chain = (0, certificateReader_1.parseBlocks)(`intro\n${app.certPem}\n${other.certPem}`);
    assert.ok(!('problem' in chain));
    assert.equal(chain.certificates.length, 2);
    assert.equal(chain.certificates[0].startLine, 1);
    assert.equal((0, entryView_1.blockAtLine)(chain.certificates, chain.certificates[1].startLine + 2)?.facts.commonName, 'other');
    assert.equal((0, entryView_1.blockAtLine)(chain.certificates, 0), undefined);
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'big.pem'), Buffer.alloc(70 * 1024, 'A'));
    const big = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'big.pem'), options);
    assert.ok('skipped' in big && big.skipped === 'too-large', JSON.stringify(big));
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'only-key.pem'), app.keyPem);
    assert.deepEqual(await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'only-key.pem'), options), { skipped: 'no-certificate' });
    const gone = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'gone.crt'), options);
    assert.ok('skipped' in gone && gone.skipped === 'missing');
});
(0, node_test_1.test)('views: expiry is assessed now; only the leaf carries key and revocation', async () => {
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'chain.crt'), `${app.certPem}${other.certPem}`);
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'chain.key'), app.keyPem);
    const result = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, 'chain.crt'), options);
    assert.ok('entry' in result);
    const [leaf, ca] = result.entry.certificates.map((b) => (0, entryView_1.viewOf)(result.entry, b, new Date(), expiry_1.DEFAULT_THRESHOLDS, (f) => (0, entryView_1.relativeTo)(dir, f)));
    assert.equal(leaf.expiry.state, 'expiring');
    assert.equal(leaf.key?.file, 'chain.key');
    assert.equal(ca.key, undefined);
    assert.equal(ca.expiry.state, 'valid');
    assert.equal(leaf.file, 'chain.crt');
    assert.equal((0, entryView_1.relativeTo)(dir, '/elsewhere/x.crt'), '/elsewhere/x.crt');
});
//# sourceMappingURL=certificateReader.test.js.map