"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.goSyntaxError = goSyntaxError;
exports.readCsrField = readCsrField;
exports.decodeStdBase64 = decodeStdBase64;
exports.decodeFirstPemBlock = decodeFirstPemBlock;
exports.signatureError = signatureError;
exports.asGoName = asGoName;
exports.checkCertRequest = checkCertRequest;
const node_crypto_1 = require("node:crypto");
const csr_1 = require("../core/csr");
const dn_1 = require("../core/dn");
const signing_1 = require("../core/signing");
const reply_1 = require("./reply");
/** Go's crypto/x509 verifies every algorithm core knows except Ed448. */
const GO_UNIMPLEMENTED_ALGORITHMS = new Set(['1.3.101.113']);
const fail = (status, message) => ({ ok: false, reply: (0, reply_1.errorReply)(status, message) });
/** Go's json type names, for its "cannot unmarshal" messages. */
function goJsonType(value) {
    if (Array.isArray(value))
        return 'array';
    if (typeof value === 'boolean')
        return 'bool';
    return typeof value; // number, string, object
}
/** Approximates encoding/json's error text for a body JSON.parse rejected. */
function goSyntaxError(text, error) {
    if (text.trim() === '' || /end of JSON input/i.test(String(error)))
        return 'unexpected end of JSON input';
    const position = /position (\d+)/.exec(String(error));
    const char = position ? text[Number(position[1])] : text.trim()[0];
    return `invalid character '${char}' looking for beginning of value`;
}
/** The `csr` string of `{"csr": …}` (field names match case-insensitively, like Go), or the 500 Go answers. */
function readCsrField(body) {
    const text = body.toString('utf8');
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (e) {
        return { ok: false, reply: (0, reply_1.errorReply)(500, reply_1.Messages.unmarshal + goSyntaxError(text, e)) };
    }
    if (parsed === null)
        return { ok: true, value: '' };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        return {
            ok: false,
            reply: (0, reply_1.errorReply)(500, `${reply_1.Messages.unmarshal}json: cannot unmarshal ${goJsonType(parsed)} into Go value of type externalapi.certRequest`),
        };
    }
    const record = parsed;
    const key = 'csr' in record ? 'csr' : Object.keys(record).find((k) => k.toLowerCase() === 'csr');
    const value = key === undefined ? undefined : record[key];
    if (value === undefined || value === null)
        return { ok: true, value: '' };
    if (typeof value !== 'string') {
        return {
            ok: false,
            reply: (0, reply_1.errorReply)(500, `${reply_1.Messages.unmarshal}json: cannot unmarshal ${goJsonType(value)} into Go struct field certRequest.csr of type string`),
        };
    }
    return { ok: true, value };
}
/** Go base64.StdEncoding: standard alphabet, padding required; CR and LF are skipped. */
function decodeStdBase64(text) {
    const compact = text.replace(/[\r\n]/g, '');
    if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
        return undefined;
    return Buffer.from(compact, 'base64');
}
/** Go pem.Decode: the first well-formed block (any type); undefined when there is none. */
function decodeFirstPemBlock(bytes) {
    const text = bytes.toString('latin1');
    const pattern = /-----BEGIN ([^\r\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/g;
    for (const match of text.matchAll(pattern)) {
        const body = match[2].replace(/^[\w-]+:.*\r?\n/gm, '').replace(/\s+/g, '');
        if (/^[A-Za-z0-9+/]*={0,2}$/.test(body) && body.length % 4 === 0)
            return Buffer.from(body, 'base64');
    }
    return undefined;
}
/** Go's CheckSignature message for a CSR whose signature does not verify, undefined when it does. */
function signatureError(csr) {
    const algorithm = (0, signing_1.signatureAlgorithmByOid)(csr.signatureAlgorithm);
    if (!algorithm || GO_UNIMPLEMENTED_ALGORITHMS.has(algorithm.oid))
        return 'x509: cannot verify signature: algorithm unimplemented';
    let key;
    try {
        key = (0, node_crypto_1.createPublicKey)({ key: csr.spki, format: 'der', type: 'spki' });
    }
    catch (e) {
        return `x509: ${e.message}`;
    }
    if ((0, csr_1.csrSignatureValid)(csr, key))
        return undefined;
    return key.asymmetricKeyType === 'rsa' ? 'crypto/rsa: verification error' : 'x509: ECDSA verification failure';
}
/** Go pkix.Name keeps the LAST CommonName but the FIRST C/O/OU/L/ST; reduce the CNs before the shared check. */
function asGoName(attrs) {
    const commonNames = attrs.filter((a) => a.type === 'CN');
    return [...attrs.filter((a) => a.type !== 'CN'), ...commonNames.slice(-1)];
}
/** Validates `{"csr": …}` against the expected subject; on success returns what goes into the certificate. */
function checkCertRequest(body, expected) {
    const field = readCsrField(body);
    if (!field.ok)
        return field;
    const pemBytes = decodeStdBase64(field.value);
    if (pemBytes === undefined)
        return fail(400, reply_1.Messages.base64);
    const csrDer = decodeFirstPemBlock(pemBytes);
    if (csrDer === undefined)
        return fail(400, reply_1.Messages.pem);
    let csr;
    let subject;
    try {
        csr = (0, csr_1.readCsrStructure)(csrDer);
        subject = (0, dn_1.attributesFromNameDer)(csr.subjectName);
    }
    catch (e) {
        return fail(400, `${reply_1.Messages.parseCsr}asn1: structure error: ${e.message}`);
    }
    const badSignature = signatureError(csr);
    if (badSignature !== undefined)
        return fail(400, reply_1.Messages.csrSignature + badSignature);
    const mismatch = (0, dn_1.subjectMismatch)(expected, asGoName(subject));
    if (mismatch !== undefined)
        return fail(400, mismatch);
    const algorithm = (0, signing_1.signatureAlgorithmByOid)(csr.signatureAlgorithm);
    if (algorithm?.keyType !== 'rsa' || algorithm.hash === null) {
        // The template copies csr.SignatureAlgorithm; an EC/Ed25519 algorithm cannot be used with the RSA CA key.
        return fail(500, `${reply_1.Messages.createCertificate}x509: requested SignatureAlgorithm does not match private key type`);
    }
    return { ok: true, csr: { subjectName: csr.subjectName, spki: csr.spki, hash: algorithm.hash, subject } };
}
//# sourceMappingURL=csr-request.js.map