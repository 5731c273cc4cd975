"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const keyFileFormat_1 = require("../../../src/core/keyFileFormat");
const keys_1 = require("../../../src/core/keys");
const certificate_1 = require("../../../src/core/certificate");
const errors_1 = require("../../../src/core/errors");
const certs_1 = require("../helpers/certs");
const rsaKey = (0, certs_1.keyNamed)('core-rsa');
const ca = (0, certs_1.makeCa)({ keyType: 'ec' });
const ecLeaf = (0, certs_1.makeLeaf)(ca, { keyType: 'ec' });
const rsaLeaf = (0, certs_1.makeLeaf)(ca, { key: rsaKey });
const spki = (k) => (0, node_crypto_1.createPublicKey)(k).export({ type: 'spki', format: 'der' }).toString('hex');
const PASS = 'correct horse battery staple';
/** The error never carries the passphrase (nor the wrong one that was tried). */
function noSecret(e, ...secrets) {
    const text = `${String(e)} ${JSON.stringify(e.toJSON())} ${e.stack ?? ''}`;
    for (const secret of [PASS, ...secrets].filter((x) => x.length > 3))
        strict_1.default.ok(!text.includes(secret), 'passphrase in error');
    return true;
}
(0, node_test_1.describe)('loadPrivateKey', () => {
    (0, node_test_1.test)('PEM PKCS#1, PKCS#8 and SEC1, and the same in DER', () => {
        const inputs = [
            ['pkcs1 pem', rsaKey.export({ type: 'pkcs1', format: 'pem' }), spki(rsaKey)],
            ['pkcs8 pem', rsaKey.export({ type: 'pkcs8', format: 'pem' }), spki(rsaKey)],
            ['sec1 pem', ecLeaf.key.export({ type: 'sec1', format: 'pem' }), spki(ecLeaf.key)],
            ['pkcs1 der', rsaKey.export({ type: 'pkcs1', format: 'der' }), spki(rsaKey)],
            ['pkcs8 der', ecLeaf.key.export({ type: 'pkcs8', format: 'der' }), spki(ecLeaf.key)],
            ['sec1 der', ecLeaf.key.export({ type: 'sec1', format: 'der' }), spki(ecLeaf.key)],
        ];
        for (const [name, input, expected] of inputs) {
            const key = (0, keys_1.loadPrivateKey)(input);
            strict_1.default.equal(key.type, 'private', name);
            strict_1.default.equal(spki(key), expected, name);
        }
    });
    (0, node_test_1.test)('finds the key in a combined cert+key file with surrounding text and CRLF', () => {
        const text = `Bag Attributes\r\n${ecLeaf.certPem}${ecLeaf.keyPem}`.replace(/\n/g, '\r\n');
        strict_1.default.equal(spki((0, keys_1.loadPrivateKey)(Buffer.from(text))), spki(ecLeaf.key));
    });
    (0, node_test_1.test)('encrypted PKCS#8 (AES-256-CBC) and legacy Proc-Type (DES-EDE3-CBC): right, wrong and missing passphrase', () => {
        const encrypted = [
            ['pkcs8 aes-256-cbc pem', rsaKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }), spki(rsaKey)],
            ['legacy rsa des-ede3-cbc', rsaKey.export({ type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: PASS }), spki(rsaKey)],
            ['legacy ec aes-128-cbc', ecLeaf.key.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: PASS }), spki(ecLeaf.key)],
            ['pkcs8 aes-256-cbc der', rsaKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: PASS }), spki(rsaKey)],
        ];
        for (const [name, input, expected] of encrypted) {
            strict_1.default.equal((0, keys_1.isEncryptedPrivateKey)(input), true, name);
            strict_1.default.equal(spki((0, keys_1.loadPrivateKey)(input, PASS)), expected, name);
            strict_1.default.throws(() => (0, keys_1.loadPrivateKey)(input), (e) => (0, errors_1.isKymaCertError)(e, 'passphrase-required') && noSecret(e), name);
            for (const wrong of ['wrong', '', `${PASS} `]) {
                strict_1.default.throws(() => (0, keys_1.loadPrivateKey)(input, wrong), (e) => (0, errors_1.isKymaCertError)(e, 'bad-passphrase') && noSecret(e, wrong), name);
            }
        }
        strict_1.default.equal((0, keys_1.isEncryptedPrivateKey)(rsaKey.export({ type: 'pkcs8', format: 'pem' })), false);
        // A passphrase given for a plain key is simply not needed.
        strict_1.default.equal(spki((0, keys_1.loadPrivateKey)(rsaKey.export({ type: 'pkcs8', format: 'pem' }), PASS)), spki(rsaKey));
    });
    (0, node_test_1.test)('the storage format is read back, and a key exported in it loads with the same format', () => {
        const cases = [
            ['plain pkcs1', rsaKey.export({ type: 'pkcs1', format: 'pem' }), { container: 'pem', type: 'pkcs1' }],
            ['plain sec1 der', ecLeaf.key.export({ type: 'sec1', format: 'der' }), { container: 'der', type: 'sec1' }],
            ['pkcs8 aes-256', rsaKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }), { container: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc' }],
            ['pkcs8 aes-128 der', rsaKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-128-cbc', passphrase: PASS }), { container: 'der', type: 'pkcs8', cipher: 'aes-128-cbc' }],
            ['legacy des3', rsaKey.export({ type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: PASS }), { container: 'pem', type: 'pkcs1', cipher: 'des-ede3-cbc' }],
            ['legacy ec aes-192', ecLeaf.key.export({ type: 'sec1', format: 'pem', cipher: 'aes-192-cbc', passphrase: PASS }), { container: 'pem', type: 'sec1', cipher: 'aes-192-cbc' }],
        ];
        const fresh = (0, certs_1.makeKey)({ keyType: 'ec' });
        for (const [name, input, expected] of cases) {
            const loaded = (0, keys_1.readPrivateKey)(input, PASS);
            strict_1.default.deepEqual(loaded.format, expected, name);
            const otherKey = expected.type === 'sec1' ? fresh : rsaKey;
            const written = (0, keyFileFormat_1.exportPrivateKey)(otherKey, loaded.format, expected.cipher ? PASS : undefined);
            const again = (0, keys_1.readPrivateKey)(written, PASS);
            strict_1.default.deepEqual(again.format, expected, `${name}: written back`);
            strict_1.default.equal(spki(again.key), spki(otherKey), name);
            if (expected.cipher)
                strict_1.default.throws(() => (0, keys_1.loadPrivateKey)(written), (e) => (0, errors_1.isKymaCertError)(e, 'passphrase-required'));
        }
        // An EC key cannot be PKCS#1: a rotated EC key replacing an RSA key file would be PKCS#8, still encrypted.
        const ecInRsaFormat = (0, keyFileFormat_1.exportPrivateKey)(fresh, { container: 'pem', type: 'pkcs1', cipher: 'des-ede3-cbc' }, PASS);
        strict_1.default.match(String(ecInRsaFormat), /BEGIN ENCRYPTED PRIVATE KEY/);
    });
    (0, node_test_1.test)('no key, a certificate, a damaged key → parse; error messages carry no key material', () => {
        const keyPem = rsaKey.export({ type: 'pkcs8', format: 'pem' });
        const lines = keyPem.trimEnd().split('\n');
        const damagedDer = [...lines.slice(0, 4), lines[lines.length - 1]].join('\n'); // DER lengths no longer fit
        const badBase64 = lines.map((l, i) => (i === 5 ? `${l}%%` : l)).join('\n');
        for (const input of ['', 'hello', ecLeaf.certPem, ecLeaf.certDer, damagedDer, badBase64]) {
            strict_1.default.throws(() => (0, keys_1.loadPrivateKey)(input), (e) => {
                strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'parse'), String(e));
                const text = JSON.stringify(e.toJSON());
                for (const line of lines.slice(1, -1))
                    strict_1.default.ok(!text.includes(line.slice(0, 20)), 'key material in error');
                return true;
            });
        }
    });
});
(0, node_test_1.describe)('keyMatchesCertificate', () => {
    (0, node_test_1.test)('true for the certificate key (RSA and EC), false for another key', () => {
        strict_1.default.equal((0, keys_1.keyMatchesCertificate)(ecLeaf.key, ecLeaf.certPem), true);
        strict_1.default.equal((0, keys_1.keyMatchesCertificate)(rsaKey, rsaLeaf.certDer), true);
        strict_1.default.equal((0, keys_1.keyMatchesCertificate)(rsaKey, (0, certificate_1.certificateFacts)(rsaLeaf.certPem)), true);
        strict_1.default.equal((0, keys_1.keyMatchesCertificate)(ca.key, ecLeaf.certPem), false);
        strict_1.default.equal((0, keys_1.keyMatchesCertificate)(rsaKey, ecLeaf.certPem), false);
        strict_1.default.equal((0, keys_1.keyMatchesCertificate)(ecLeaf.key, rsaLeaf.certPem), false);
    });
    (0, node_test_1.test)('a public key works too', () => {
        strict_1.default.equal((0, keys_1.keyMatchesCertificate)((0, node_crypto_1.createPublicKey)(ecLeaf.key), ecLeaf.certPem), true);
    });
});
(0, node_test_1.describe)('generate and describe', () => {
    (0, node_test_1.test)('generateRsaKey gives a PKCS#8 PEM that loads back to the same key', () => {
        const { key, pem } = (0, keys_1.generateRsaKey)(1024); // small: only the plumbing is under test
        strict_1.default.match(pem, /^-----BEGIN PRIVATE KEY-----/);
        strict_1.default.deepEqual((0, keys_1.describeKey)(key), { type: 'rsa', bits: 1024 });
        strict_1.default.equal(spki((0, keys_1.loadPrivateKey)(pem)), spki(key));
    });
    (0, node_test_1.test)('generateRsaKeyAsync and generateEcKey', async () => {
        const rsa = await (0, keys_1.generateRsaKeyAsync)(1024);
        strict_1.default.equal(rsa.key.asymmetricKeyDetails?.modulusLength, 1024);
        strict_1.default.deepEqual((0, keys_1.describeKey)((0, keys_1.generateEcKey)('P-384').key), { type: 'ec', bits: 384, curve: 'P-384' });
    });
});
//# sourceMappingURL=keys.test.js.map