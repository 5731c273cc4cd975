"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The vscode-free halves of the Problems entries and the Certificates view, over entries read from real files
 * by the index's own reader (so pairing, connection and line ranges are the ones the editor sees).
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const expiry_1 = require("../../../src/core/expiry");
const certificateReader_1 = require("../../../src/lifecycle/certificateReader");
const certificatesViewContent_1 = require("../../../src/views/certificatesViewContent");
const diagnosticsContent_1 = require("../../../src/views/diagnosticsContent");
const presentation_1 = require("../../../src/views/presentation");
const certs_1 = require("../helpers/certs");
const entryView_1 = require("../../../src/views/entryView");
let dir;
let ca;
const now = () => new Date();
/** A leaf valid from `startedDaysAgo` for `validDays`, signed by the shared CA, with the shared key. */
function leaf(cn, startedDaysAgo, validDays) {
    return (0, certs_1.makeLeaf)(ca, {
        subject: `O=Organization,CN=${cn}`,
        notBefore: new Date(Date.now() - startedDaysAgo * certs_1.DAY_MS),
        validDays,
        keyName: 'shared-leaf-key',
    });
}
async function entryOf(file, contents, extra = {}) {
    for (const [name, data] of Object.entries(extra))
        await (0, promises_1.writeFile)((0, node_path_1.join)(dir, name), data, { mode: 0o600 });
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, file), contents);
    const result = await (0, certificateReader_1.readCertificateEntry)((0, node_path_1.join)(dir, file), { maxFileSizeBytes: 1 << 20 });
    strict_1.default.ok('entry' in result, JSON.stringify(result));
    return result.entry;
}
(0, node_test_1.before)(async () => {
    dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'kyma-editor-content-'));
    ca = (0, certs_1.makeCa)({ subject: 'CN=Kyma', validDays: 3650 });
});
(0, node_test_1.after)(() => (0, promises_1.rm)(dir, { recursive: true, force: true }));
(0, node_test_1.test)('problems of an indexed bundle: CA first is reported at the CA block, expiry at the client block', async () => {
    const client = leaf('bundled', 80, 92); // 12 days left
    const entry = await entryOf('bundle.crt', `${ca.certPem}${client.certPem}`, { 'bundle.key': client.keyPem });
    const problems = (0, diagnosticsContent_1.problemsOfEntry)(entry, now(), expiry_1.DEFAULT_THRESHOLDS, presentation_1.englishTranslate);
    const byCode = new Map(problems.map((p) => [p.code, p]));
    strict_1.default.deepEqual([...byCode.keys()].sort(), ['bundle-order', 'expiring']);
    strict_1.default.equal(byCode.get('bundle-order').startLine, entry.certificates[0].startLine);
    strict_1.default.equal(byCode.get('expiring').startLine, entry.certificates[1].startLine);
    strict_1.default.equal(byCode.get('expiring').renewable, true);
    strict_1.default.equal((0, diagnosticsContent_1.keyFileOf)(entry), (0, node_path_1.join)(dir, 'bundle.key'));
});
(0, node_test_1.test)('a key that does not match is named as the user sees it', async () => {
    const client = leaf('mismatched', 1, 90);
    const stranger = (0, certs_1.makeLeaf)(ca, { subject: 'CN=stranger', keyName: 'stranger-key' });
    const entry = await entryOf('mismatched.crt', client.certPem, { 'mismatched.key': stranger.keyPem });
    const [p] = (0, diagnosticsContent_1.problemsOfEntry)(entry, now(), expiry_1.DEFAULT_THRESHOLDS, presentation_1.englishTranslate, (f) => `certs/${f.split('/').pop()}`);
    strict_1.default.equal(p.code, 'key-mismatch');
    strict_1.default.match(p.message, /^certs\/mismatched\.key does not match this certificate/);
});
(0, node_test_1.test)('the remembered revocation of this certificate is a revoked problem; a missing key is information', async () => {
    const client = leaf('revoked-app', 10, 90);
    const probe = await entryOf('revoked-app.crt', client.certPem);
    const sha256Hex = probe.certificates[0].facts.sha256Hex;
    const connection = JSON.stringify({ infoUrl: 'https://gateway.example.com/v1/applications/management/info', revoked: { at: new Date().toISOString(), sha256Hex } });
    const entry = await entryOf('revoked-app.crt', client.certPem, { 'revoked-app.kyma.json': connection });
    const codes = (0, diagnosticsContent_1.problemsOfEntry)(entry, now(), expiry_1.DEFAULT_THRESHOLDS, presentation_1.englishTranslate).map((p) => `${p.code}:${p.severity}`);
    strict_1.default.deepEqual(codes, ['revoked:error', 'key-missing:information']);
    strict_1.default.equal((0, diagnosticsContent_1.keyFileOf)(entry), undefined);
});
(0, node_test_1.test)('view rows: soonest expiry first, actions by state', async () => {
    const healthy = await entryOf('healthy.crt', leaf('healthy', 1, 90).certPem);
    const expiring = await entryOf('expiring.crt', leaf('expiring', 80, 92).certPem);
    const expired = await entryOf('expired.crt', leaf('expired', 100, 92).certPem);
    const caEntry = await entryOf('kyma-ca.crt', ca.certPem);
    const views = [healthy, caEntry, expired, expiring].map((entry) => ({ entry, view: (0, entryView_1.viewOf)(entry, entry.certificates[0], now(), expiry_1.DEFAULT_THRESHOLDS, (f) => f) }));
    const rows = views.sort(certificatesViewContent_1.compareByExpiry).map(({ entry, view }) => (0, certificatesViewContent_1.certificateRow)(entry.file, view, entry.file.split('/').pop(), presentation_1.englishTranslate));
    strict_1.default.deepEqual(rows.map((r) => r.label), ['expired', 'expiring', 'healthy', 'Kyma']);
    strict_1.default.deepEqual(rows.map((r) => r.contextValue), [
        'kymaCert:client:needsToken',
        'kymaCert:client:renewable:revocable',
        'kymaCert:client:renewable:revocable',
        'kymaCert:ca',
    ]);
    strict_1.default.deepEqual(rows.map((r) => r.icon.id), ['error', 'warning', 'verified', 'verified']);
    strict_1.default.match(rows[0].description, /^expired 8 days ago · expired\.crt$/);
    strict_1.default.match(rows[1].description, /^1[12] days left · expiring\.crt$/);
    const revokedView = { ...views[0].view, revoked: true, expiry: { ...views[0].view.expiry, state: 'valid', severity: 'ok' } };
    strict_1.default.equal((0, certificatesViewContent_1.contextValueOf)(revokedView), 'kymaCert:client:needsToken');
});
//# sourceMappingURL=editorContent.test.js.map