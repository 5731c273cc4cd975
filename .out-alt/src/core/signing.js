"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.signatureAlgorithmByOid = signatureAlgorithmByOid;
exports.signatureAlgorithmFor = signatureAlgorithmFor;
exports.algorithmIdentifierNode = algorithmIdentifierNode;
exports.signWith = signWith;
exports.verifySignature = verifySignature;
/**
 * Signature algorithms for the structures core builds (CSRs, certificates) and checks (CSR signatures):
 * the AlgorithmIdentifier to write, and the node:crypto call that signs or verifies.
 */
const node_crypto_1 = require("node:crypto");
const der_1 = require("./der");
const errors_1 = require("./errors");
/** Every algorithm we sign with or verify (what OpenSSL, Go and our own builder produce). */
const ALGORITHMS = [
    { oid: '1.2.840.113549.1.1.5', hash: 'sha1', keyType: 'rsa' },
    { oid: '1.2.840.113549.1.1.11', hash: 'sha256', keyType: 'rsa' },
    { oid: '1.2.840.113549.1.1.12', hash: 'sha384', keyType: 'rsa' },
    { oid: '1.2.840.113549.1.1.13', hash: 'sha512', keyType: 'rsa' },
    { oid: '1.2.840.10045.4.1', hash: 'sha1', keyType: 'ec' },
    { oid: '1.2.840.10045.4.3.2', hash: 'sha256', keyType: 'ec' },
    { oid: '1.2.840.10045.4.3.3', hash: 'sha384', keyType: 'ec' },
    { oid: '1.2.840.10045.4.3.4', hash: 'sha512', keyType: 'ec' },
    { oid: '1.3.101.112', hash: null, keyType: 'ed25519' },
    { oid: '1.3.101.113', hash: null, keyType: 'ed448' },
];
/** The algorithm an AlgorithmIdentifier OID names, if we know it. */
function signatureAlgorithmByOid(oid) {
    return ALGORITHMS.find((a) => a.oid === oid);
}
/**
 * The algorithm a private key signs with: RSA → sha<N>WithRSAEncryption, EC → ecdsa-with-SHA<N> (`hash`,
 * default SHA-256), Ed25519 → Ed25519. Other key types → `unsupported`.
 */
function signatureAlgorithmFor(key, hash = 'sha256') {
    const keyType = key.asymmetricKeyType;
    const alg = ALGORITHMS.find((a) => a.keyType === keyType && keyType !== 'ed448' && (a.hash === null || a.hash === hash));
    if (!alg) {
        throw new errors_1.KymaCertError('unsupported', `cannot sign with a ${keyType ?? 'unknown'} key`, 'Use an RSA (2048 bits or more) or EC P-256/P-384 key.');
    }
    return alg;
}
/** The AlgorithmIdentifier node: RSA identifiers carry an explicit NULL parameter, ECDSA/EdDSA ones none. */
function algorithmIdentifierNode(alg) {
    return (0, der_1.sequence)(alg.keyType === 'rsa' ? [(0, der_1.oid)(alg.oid), (0, der_1.nullValue)()] : [(0, der_1.oid)(alg.oid)]);
}
/** Signs `data` with a private key using `alg` (ECDSA signatures come out DER-encoded, as X.509 wants). */
function signWith(alg, data, key) {
    if (key.type !== 'private')
        throw new errors_1.KymaCertError('parse', 'a private key is needed to sign');
    return (0, node_crypto_1.sign)(alg.hash, data, key);
}
/** Verifies a signature; false (never a throw) for unknown algorithms or malformed signatures. */
function verifySignature(algorithmOid, data, publicKey, signature) {
    const alg = signatureAlgorithmByOid(algorithmOid);
    // The algorithm must fit the key: node would otherwise verify an "ECDSA" signature as RSA.
    if (!alg || alg.keyType !== publicKey.asymmetricKeyType)
        return false;
    try {
        return (0, node_crypto_1.verify)(alg.hash, data, publicKey, signature);
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=signing.js.map