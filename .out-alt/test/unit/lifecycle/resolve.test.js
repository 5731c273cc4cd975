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
 * The one resolver (lifecycle/resolve.ts) and the rule that paths in `<name>.kyma.json` stay inside the
 * certificate's folder (issue 7 row 6).
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const connection_1 = require("../../../src/lifecycle/connection");
const resolve_1 = require("../../../src/lifecycle/resolve");
const certs_1 = require("../helpers/certs");
const fixtures_1 = require("./fixtures");
const INFO = 'https://gateway.kyma.example/v1/applications/management/info';
async function folderWith(files) {
    const root = await (0, fixtures_1.tempDir)();
    const dir = path.join(root, 'certs');
    await node_fs_1.promises.mkdir(dir);
    for (const [name, text] of Object.entries(files))
        await node_fs_1.promises.writeFile(path.join(dir, name), text);
    return { dir, certFile: path.join(dir, 'app.crt') };
}
(0, node_test_1.describe)('remembered connection: paths must stay inside the certificate folder', () => {
    for (const [label, keyFile] of [
        ['a .. path', '../elsewhere/x.key'],
        ['an absolute path', '/etc/ssl/private/x.key'],
        ['a .. in the middle', 'sub/../../x.key'],
        ['a Windows absolute path', 'C:\\\\keys\\\\x.key'],
    ]) {
        (0, node_test_1.it)(`refuses ${label} with a config error naming the file`, async () => {
            const { certFile, dir } = await folderWith({ 'app.kyma.json': JSON.stringify({ infoUrl: INFO, keyFile }) });
            await strict_1.default.rejects((0, connection_1.readConnection)(certFile), (e) => {
                return (0, errors_1.isKymaCertError)(e, 'config') && e.message.includes(path.join(dir, 'app.kyma.json')) && /outside/.test(e.message);
            });
        });
    }
    (0, node_test_1.it)('refuses a path that escapes through a symlinked folder, accepts one that stays inside', async () => {
        const { certFile, dir } = await folderWith({ 'app.kyma.json': JSON.stringify({ infoUrl: INFO, caFile: 'link/ca.pem' }) });
        const outside = await (0, fixtures_1.tempDir)();
        await node_fs_1.promises.writeFile(path.join(outside, 'ca.pem'), 'x');
        await node_fs_1.promises.symlink(outside, path.join(dir, 'link'));
        await strict_1.default.rejects((0, connection_1.readConnection)(certFile), (e) => (0, errors_1.isKymaCertError)(e, 'config') && /caFile/.test(e.message));
        await node_fs_1.promises.unlink(path.join(dir, 'link'));
        await node_fs_1.promises.mkdir(path.join(dir, 'inner'));
        await node_fs_1.promises.symlink(path.join(dir, 'inner'), path.join(dir, 'link'));
        strict_1.default.equal((await (0, connection_1.readConnection)(certFile))?.caFile, path.join(dir, 'link', 'ca.pem'));
    });
    (0, node_test_1.it)('does not remember an explicit path outside the folder (it would be refused when read back)', async () => {
        const { certFile, dir } = await folderWith({});
        const text = (0, connection_1.serializeConnection)(certFile, { infoUrl: INFO, keyFile: path.join(dir, 'app.key'), caFile: '/etc/cluster-ca.pem' });
        const json = JSON.parse(text);
        strict_1.default.equal(json.keyFile, 'app.key');
        strict_1.default.equal(json.caFile, undefined);
    });
});
(0, node_test_1.describe)('resolveCertificateInputs: explicit > remembered > defaults > naming rules', () => {
    (0, node_test_1.it)('takes flags over the remembered connection, and the remembered connection over workspace defaults', async () => {
        const { certFile, dir } = await folderWith({
            'app.kyma.json': JSON.stringify({ infoUrl: INFO, keyFile: 'remembered.key', caFile: 'server-ca.pem' }),
        });
        const defaults = (0, resolve_1.defaultsFromSettings)({ clusterDomain: 'other.example', caFile: '/workspace/ca.pem' });
        const remembered = await (0, resolve_1.resolveCertificateInputs)(certFile, {}, defaults);
        strict_1.default.equal(remembered.infoUrl, INFO);
        strict_1.default.equal(remembered.caFile, path.join(dir, 'server-ca.pem'));
        strict_1.default.deepEqual(remembered.keyCandidates.map((c) => [path.basename(c.file), c.source]), [
            ['remembered.key', 'connection'],
            ['app.key', 'naming'],
            ['app-key.pem', 'naming'],
            ['app.key.pem', 'naming'],
        ]);
        const explicit = await (0, resolve_1.resolveCertificateInputs)(certFile, { keyFile: '/k/flag.key', infoUrl: 'https://gateway.x/i', caFile: '/c.pem' }, defaults);
        strict_1.default.deepEqual(explicit.keyCandidates, [{ file: '/k/flag.key', source: 'flag' }]);
        strict_1.default.equal(explicit.infoUrl, 'https://gateway.x/i');
        strict_1.default.equal(explicit.caFile, '/c.pem');
        const bare = await (0, resolve_1.resolveCertificateInputs)(path.join(dir, 'none.crt'), {}, defaults);
        strict_1.default.equal(bare.infoUrl, 'https://gateway.other.example/v1/applications/management/info');
        strict_1.default.equal(bare.caFile, '/workspace/ca.pem');
    });
    (0, node_test_1.it)('a planted connection file with an escaping key is not used: its problem is reported, the naming rules still pair', async () => {
        const ca = (0, certs_1.makeCa)();
        const leaf = (0, certs_1.makeLeaf)(ca, { key: (0, certs_1.keyNamed)('resolve-app') });
        const elsewhere = await (0, fixtures_1.tempDir)();
        const { certFile, dir } = await folderWith({ 'app.crt': leaf.certPem, 'app.key': leaf.keyPem });
        await node_fs_1.promises.writeFile(path.join(elsewhere, 'x.key'), leaf.keyPem);
        await node_fs_1.promises.writeFile(path.join(dir, 'app.kyma.json'), JSON.stringify({ infoUrl: INFO, keyFile: path.relative(dir, path.join(elsewhere, 'x.key')) }));
        const inputs = await (0, resolve_1.resolveCertificateInputs)(certFile);
        strict_1.default.equal(inputs.remembered, undefined);
        strict_1.default.ok((0, errors_1.isKymaCertError)(inputs.rememberedProblem, 'config'));
        strict_1.default.equal(inputs.infoUrl, undefined);
        strict_1.default.equal(await (0, resolve_1.chooseKeyFile)(inputs), path.join(dir, 'app.key'));
        strict_1.default.ok(!inputs.keyCandidates.some((c) => c.file.startsWith(elsewhere)));
    });
    (0, node_test_1.it)('pairKey: the matching candidate wins over an earlier mismatching one; an explicit key is the only candidate', async () => {
        const ca = (0, certs_1.makeCa)();
        const leaf = (0, certs_1.makeLeaf)(ca, { key: (0, certs_1.keyNamed)('resolve-app') });
        const other = (0, certs_1.makeLeaf)(ca, { key: (0, certs_1.keyNamed)('resolve-other') });
        const { certFile, dir } = await folderWith({ 'app.crt': leaf.certPem, 'app.key': other.keyPem, 'app-key.pem': leaf.keyPem });
        const inputs = await (0, resolve_1.resolveCertificateInputs)(certFile);
        const pairing = await (0, resolve_1.pairKey)(inputs.keyCandidates, [leaf.certDer]);
        strict_1.default.deepEqual(pairing, { status: 'match', file: path.join(dir, 'app-key.pem'), source: 'naming' });
        const explicit = await (0, resolve_1.resolveCertificateInputs)(certFile, { keyFile: path.join(dir, 'app.key'), keyFileFrom: 'setting' });
        strict_1.default.deepEqual(await (0, resolve_1.pairKey)(explicit.keyCandidates, [leaf.certDer]), { status: 'mismatch', file: path.join(dir, 'app.key'), source: 'setting' });
    });
});
//# sourceMappingURL=resolve.test.js.map