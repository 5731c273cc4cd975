"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeKey = describeKey;
exports.loadPrivateKey = loadPrivateKey;
exports.readPrivateKey = readPrivateKey;
exports.isEncryptedPrivateKey = isEncryptedPrivateKey;
exports.keyFromBlock = keyFromBlock;
exports.spkiDer = spkiDer;
exports.keyMatchesCertificate = keyMatchesCertificate;
exports.privateKeyPem = privateKeyPem;
exports.generateRsaKey = generateRsaKey;
exports.generateRsaKeyAsync = generateRsaKeyAsync;
exports.generateEcKey = generateEcKey;
/**
 * Private keys: loading (PEM or DER; PKCS#1, PKCS#8, SEC1; plain or encrypted with a passphrase), matching against a certificate, generating.
 * Key material never goes into an error message.
 */
const node_crypto_1 = require("node:crypto");
const node_util_1 = require("node:util");
const errors_1 = require("./errors");
const keyFileFormat_1 = require("./keyFileFormat");
const pem_1 = require("./pem");
const x509_1 = require("./x509");
const HINT_PASSPHRASE_REQUIRED = 'Give the passphrase: --key-passphrase-env VAR or --key-passphrase-file FILE on the command line; the editor asks for it.';
const HINT_BAD_PASSPHRASE = 'Check the passphrase; `openssl pkey -in KEY -noout` asks for it and tells whether it is right.';
const CURVES = {
    prime256v1: { name: 'P-256', bits: 256 },
    secp384r1: { name: 'P-384', bits: 384 },
    secp521r1: { name: 'P-521', bits: 521 },
    secp256k1: { name: 'secp256k1', bits: 256 },
};
/** Type, size and curve of a (public or private) key. */
function describeKey(key) {
    const type = key.asymmetricKeyType ?? 'unknown';
    const details = key.asymmetricKeyDetails ?? {};
    if (details.modulusLength !== undefined)
        return { type, bits: details.modulusLength };
    if (details.namedCurve !== undefined) {
        const known = CURVES[details.namedCurve];
        return known ? { type, bits: known.bits, curve: known.name } : { type, curve: details.namedCurve };
    }
    return { type };
}
/**
 * Loads the first private key in `data` (PEM with any surrounding text, or DER; PKCS#1, PKCS#8 or SEC1).
 * Encrypted keys (PKCS#8 `ENCRYPTED PRIVATE KEY` or legacy `Proc-Type: 4,ENCRYPTED`) are decrypted with `passphrase`:
 * none → `passphrase-required`, a wrong one → `bad-passphrase`. No key or a damaged one → `parse`; above the size
 * cap → `too-large`.
 */
function loadPrivateKey(data, passphrase) {
    return readPrivateKey(data, passphrase).key;
}
/** As loadPrivateKey, and also says how the key is stored (container, structure, cipher). */
function readPrivateKey(data, passphrase) {
    const parsed = (0, pem_1.parseCryptoFile)(data);
    const block = parsed.blocks.find((b) => b.kind === 'private-key' || b.kind === 'encrypted-private-key');
    if (!block) {
        const broken = parsed.blocks.find((b) => b.problem && b.label.includes('PRIVATE KEY'));
        throw new errors_1.KymaCertError('parse', broken ? `private key is damaged: ${broken.problem}` : 'no private key found', 'Expected a PEM block such as -----BEGIN PRIVATE KEY----- or a DER key file.');
    }
    return { key: keyFromBlock(block, passphrase), format: (0, keyFileFormat_1.keyFileFormatOf)(block, parsed.format === 'der' ? 'der' : 'pem') };
}
/** True when the first private key in `data` is encrypted (so using it needs a passphrase). Never throws. */
function isEncryptedPrivateKey(data) {
    try {
        const block = (0, pem_1.parseCryptoFile)(data).blocks.find((b) => b.kind === 'private-key' || b.kind === 'encrypted-private-key');
        return block?.kind === 'encrypted-private-key';
    }
    catch {
        return false;
    }
}
/** The KeyObject of a private-key block; an encrypted block is decrypted with `passphrase`. */
function keyFromBlock(block, passphrase) {
    if (block.kind === 'encrypted-private-key')
        return decryptBlock(block, passphrase);
    if (block.kind !== 'private-key' || !block.keyFormat)
        throw new errors_1.KymaCertError('parse', 'not a private key');
    try {
        return (0, node_crypto_1.createPrivateKey)({ key: block.der, format: 'der', type: block.keyFormat });
    }
    catch (e) {
        // No key bytes in the message: only the structure we expected.
        throw new errors_1.KymaCertError('parse', `private key (${block.keyFormat}) is malformed`, undefined, { cause: e });
    }
}
function decryptBlock(block, passphrase) {
    if (passphrase === undefined) {
        throw new errors_1.KymaCertError('passphrase-required', 'The private key is encrypted and no passphrase was given.', HINT_PASSPHRASE_REQUIRED);
    }
    // A legacy key needs its DEK-Info header (cipher and IV) back, so it is handed to OpenSSL as PEM again.
    const source = block.pemHeaders
        ? { key: legacyPem(block), format: 'pem' }
        : { key: block.der, format: 'der', type: 'pkcs8' };
    try {
        return (0, node_crypto_1.createPrivateKey)({ ...source, passphrase });
    }
    catch {
        // The cause is dropped on purpose: OpenSSL's error objects can carry the input they failed on.
        throw new errors_1.KymaCertError('bad-passphrase', 'The passphrase does not decrypt the private key (or the key is damaged).', HINT_BAD_PASSPHRASE);
    }
}
function legacyPem(block) {
    const body = block.der.toString('base64').replace(/.{1,64}/g, '$&\n');
    return `-----BEGIN ${block.label}-----\n${(block.pemHeaders ?? []).join('\n')}\n\n${body}-----END ${block.label}-----\n`;
}
/** DER SubjectPublicKeyInfo of a private or public key. */
function spkiDer(key) {
    const publicKey = key.type === 'public' ? key : (0, node_crypto_1.createPublicKey)(key);
    return publicKey.export({ type: 'spki', format: 'der' });
}
/**
 * True when `key` (private or public) is the key pair of the certificate's public key (SPKI DER comparison).
 * Throws `parse` for a non-certificate, `unsupported` when node cannot read the certificate's key algorithm.
 */
function keyMatchesCertificate(key, cert) {
    const x509 = (0, x509_1.toX509)(cert);
    let certSpki;
    try {
        certSpki = x509.publicKey.export({ type: 'spki', format: 'der' });
    }
    catch (e) {
        throw new errors_1.KymaCertError('unsupported', "the certificate's public key algorithm is not supported", undefined, { cause: e });
    }
    return spkiDer(key).equals(certSpki);
}
/** A private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), the form OpenSSL 3 writes. */
function privateKeyPem(key) {
    return key.export({ type: 'pkcs8', format: 'pem' });
}
/** A fresh RSA key (what the service advertises: `rsa2048`). Blocks for ~0.1–1 s; prefer the async form in the editor. */
function generateRsaKey(bits = 2048) {
    const { privateKey } = (0, node_crypto_1.generateKeyPairSync)('rsa', { modulusLength: bits });
    return { key: privateKey, pem: privateKeyPem(privateKey) };
}
const generateKeyPairAsync = (0, node_util_1.promisify)(node_crypto_1.generateKeyPair);
/** As generateRsaKey, on the libuv thread pool so the caller's event loop keeps running. */
async function generateRsaKeyAsync(bits = 2048) {
    const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: bits });
    return { key: privateKey, pem: privateKeyPem(privateKey) };
}
/** A fresh EC key on a named curve (P-256 by default). */
function generateEcKey(curve = 'P-256') {
    const { privateKey } = (0, node_crypto_1.generateKeyPairSync)('ec', { namedCurve: curve });
    return { key: privateKey, pem: privateKeyPem(privateKey) };
}
//# sourceMappingURL=keys.js.map