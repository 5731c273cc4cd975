"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createCsr = createCsr;
exports.readCsrStructure = readCsrStructure;
exports.csrSignatureValid = csrSignatureValid;
exports.parseCsr = parseCsr;
/**
 * PKCS#10 certificate signing requests: building one for a subject and key (the client side of renew/issue)
 * and reading one back with its signature checked (the emulator's server side, and our own self-checks).
 *
 * Structure is built with forge.asn1; signing uses node:crypto (native: RSA-2048 signing measured ~60× faster than
 * forge's, and forge cannot sign with EC keys), so any key node can load works.
 */
const node_crypto_1 = require("node:crypto");
const der_1 = require("./der");
const errors_1 = require("./errors");
const dn_1 = require("./dn");
const keys_1 = require("./keys");
const pem_1 = require("./pem");
const signing_1 = require("./signing");
/**
 * A PEM `CERTIFICATE REQUEST` for `subject` (attributes in the given order = DER order; one RDN each unless
 * `joinedWithPrevious`) and the private `key`, signed with SHA-256 (sha256WithRSAEncryption, ecdsa-with-SHA256;
 * Ed25519 keys sign with Ed25519). No attributes or extensions: the service ignores them.
 * Throws `parse` for an unknown attribute type or a public key, `unsupported` for key types that cannot sign.
 */
function createCsr(subject, key) {
    if (key.type !== 'private')
        throw new errors_1.KymaCertError('parse', 'a CSR needs the private key, not a public key');
    const alg = (0, signing_1.signatureAlgorithmFor)(key);
    const info = (0, der_1.sequence)([
        (0, der_1.integer)(Buffer.from([0])), // version 0 (v1)
        (0, dn_1.nameNodeFromAttributes)(subject),
        (0, der_1.forgeFromDer)((0, keys_1.spkiDer)(key), 'public key'),
        (0, der_1.contextConstructed)(0, []), // attributes: none
    ]);
    const signature = (0, signing_1.signWith)(alg, (0, der_1.forgeToDer)(info), key);
    return (0, der_1.toPem)('CERTIFICATE REQUEST', (0, der_1.forgeToDer)((0, der_1.sequence)([info, (0, signing_1.algorithmIdentifierNode)(alg), (0, der_1.bitString)(signature)])));
}
/**
 * Splits a DER CSR into its parts (exact bytes: see exactDerTree). Throws `parse`, with what is wrong in the
 * message, for anything that is not DER of the shape SEQUENCE { info SEQUENCE { version, subject, spki, … },
 * algorithm SEQUENCE { OID, … }, signature BIT STRING }.
 */
function readCsrStructure(der) {
    const what = 'certificate signing request';
    const top = (0, der_1.childrenOf)((0, der_1.exactDerTree)(der, what), what);
    if (top.length !== 3)
        throw new errors_1.KymaCertError('parse', `${what} is malformed: not a SEQUENCE of info, algorithm, signature`);
    const [infoNode, algorithmNode, signatureNode] = top;
    const info = (0, der_1.childrenOf)(infoNode, `${what} info`);
    if (info.length < 3)
        throw new errors_1.KymaCertError('parse', `${what} info is malformed`);
    const [, subjectNode, spkiNode] = info;
    (0, der_1.childrenOf)(subjectNode, `${what} subject`);
    (0, der_1.childrenOf)(spkiNode, `${what} public key`);
    const algorithm = (0, der_1.childrenOf)(algorithmNode, `${what} signature algorithm`);
    return {
        info: (0, der_1.forgeToDer)(infoNode),
        subjectName: (0, der_1.forgeToDer)(subjectNode),
        spki: (0, der_1.forgeToDer)(spkiNode),
        signatureAlgorithm: (0, der_1.oidOf)(algorithm[0], `${what} signature algorithm`),
        signature: (0, der_1.bitStringBytes)(signatureNode, `${what} signature`),
    };
}
/** True when `publicKey` verifies the CSR's signature over its info with the algorithm the CSR names. */
function csrSignatureValid(csr, publicKey) {
    return (0, signing_1.verifySignature)(csr.signatureAlgorithm, csr.info, publicKey, csr.signature);
}
/**
 * Reads a CSR (PEM `CERTIFICATE REQUEST` / `NEW CERTIFICATE REQUEST`, or DER) and checks its signature.
 * Anything that is not a well-formed CSR → `parse` (a bad signature is not an error: see `signatureValid`).
 */
function parseCsr(input) {
    const block = (0, pem_1.parseCryptoFile)(input).blocks.find((b) => b.kind === 'csr');
    if (!block)
        throw new errors_1.KymaCertError('parse', 'no certificate signing request found');
    const der = block.der;
    const csr = readCsrStructure(der);
    const subject = (0, dn_1.attributesFromNameDer)(csr.subjectName);
    let publicKey;
    try {
        publicKey = (0, node_crypto_1.createPublicKey)({ key: csr.spki, format: 'der', type: 'spki' });
    }
    catch (e) {
        throw new errors_1.KymaCertError('parse', 'certificate signing request has an unreadable public key', undefined, { cause: e });
    }
    return { subject, publicKey, signatureValid: csrSignatureValid(csr, publicKey), signatureAlgorithm: csr.signatureAlgorithm, der };
}
//# sourceMappingURL=csr.js.map