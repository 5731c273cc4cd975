"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_path_1 = require("node:path");
const pairing_1 = require("../../../src/core/pairing");
const dir = (0, node_path_1.join)('work', 'certs');
const cert = (0, node_path_1.join)(dir, 'app.crt');
(0, node_test_1.test)('files that belong to dir/app.crt', () => {
    strict_1.default.deepEqual((0, pairing_1.keyCandidates)(cert), [(0, node_path_1.join)(dir, 'app.key'), (0, node_path_1.join)(dir, 'app-key.pem'), (0, node_path_1.join)(dir, 'app.key.pem')]);
    strict_1.default.equal((0, pairing_1.caFileFor)(cert), (0, node_path_1.join)(dir, 'app-ca.crt'));
    strict_1.default.equal((0, pairing_1.connectionFileFor)(cert), (0, node_path_1.join)(dir, 'app.kyma.json'));
    strict_1.default.equal((0, pairing_1.backupDirFor)(cert), (0, node_path_1.join)(dir, '.kyma-backups', 'app'));
});
(0, node_test_1.test)('the certificate extension is stripped for .crt .pem .cer .der, case-insensitively; dots in the base stay', () => {
    strict_1.default.equal((0, pairing_1.certificateBaseName)('my.app.pem'), 'my.app');
    strict_1.default.equal((0, pairing_1.certificateBaseName)('APP.CER'), 'APP');
    strict_1.default.equal((0, pairing_1.certificateBaseName)('x.der'), 'x');
    strict_1.default.deepEqual((0, pairing_1.keyCandidates)('client.pem'), ['client.key', 'client-key.pem', 'client.key.pem']);
});
(0, node_test_1.test)('certificate and key file names', () => {
    for (const name of ['app.crt', 'app.pem', 'app.cer', 'app.der', 'APP.CRT', 'app-ca.crt'])
        strict_1.default.equal((0, pairing_1.isCertificateFileName)(name), true, name);
    for (const name of ['app.key', 'app-key.pem', 'app.key.pem', 'key.pem', 'app.kyma.json', 'README.md', '.crt']) {
        strict_1.default.equal((0, pairing_1.isCertificateFileName)(name), false, name);
    }
    for (const name of ['app.key', 'app-key.pem', 'app.key.pem', 'key.pem', (0, node_path_1.join)('d', 'x.KEY')])
        strict_1.default.equal((0, pairing_1.isKeyFileName)(name), true, name);
    for (const name of ['app.pem', 'app.crt', 'keys.txt', '.key'])
        strict_1.default.equal((0, pairing_1.isKeyFileName)(name), false, name);
    strict_1.default.equal((0, pairing_1.isCaFileName)('app-ca.crt'), true);
    strict_1.default.equal((0, pairing_1.isCaFileName)('app.crt'), false);
});
(0, node_test_1.test)('certificateCandidatesForKey inverts keyCandidates', () => {
    for (const key of (0, pairing_1.keyCandidates)(cert))
        strict_1.default.ok((0, pairing_1.certificateCandidatesForKey)(key).includes(cert), key);
    strict_1.default.deepEqual((0, pairing_1.certificateCandidatesForKey)('app.pem'), []);
});
//# sourceMappingURL=pairing.test.js.map