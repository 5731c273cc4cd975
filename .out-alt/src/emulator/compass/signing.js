"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CompassMessages = exports.COMPASS_SUBJECT = void 0;
exports.compassSubject = compassSubject;
exports.checkCompassCsr = checkCompassCsr;
exports.certificateIdentity = certificateIdentity;
const node_crypto_1 = require("node:crypto");
const csr_1 = require("../../core/csr");
const dn_1 = require("../../core/dn");
const signing_1 = require("../../core/signing");
const csr_request_1 = require("../csr-request");
const pki_1 = require("../pki");
/**
 * The Compass connector's CSR checks and the certificate hydrator's identity rule (compass-connector-api.md §3.2,
 * §4.2, §6, §7), with the connector's messages verbatim. The adapter wraps the same messages (§10.3).
 */
/** The deployed chart values (§7): not Kyma's Organization/Waldorf. */
exports.COMPASS_SUBJECT = { O: 'Org', OU: 'OrgUnit', L: 'locality', ST: 'province', C: 'DE' };
const SIGNING = 'Error while signing Certificate Signing Request: ';
exports.CompassMessages = {
    base64: 'Error while decoding Certificate Signing Request: Error while parsing base64 content. Incorrect value provided.',
    pem: `${SIGNING}Error while decoding pem block.`,
    parseCsr: `${SIGNING}Error while parsing CSR: `,
    csrSignature: `${SIGNING}CSR signature invalid: `,
    subjectPrefix: SIGNING,
    createCertificate: `${SIGNING}Error while creating certificate: `,
    configurationAuth: 'Failed to authenticate request. Token authentication error: Failed to authenticate with one time token.. Certificate authentication error: Failed to authenticate with Certificate. Invalid subject.',
    revokeWithoutCertificate: 'Failed to authenticate with certificate: Failed to authenticate with Certificate. Invalid subject.',
};
/** The connector subject for a SystemAuth: the configured O/OU/L/ST/C plus CN = SystemAuth id (§3.3, §7). */
function compassSubject(defaults, systemAuthId) {
    return [
        { type: 'O', value: defaults.O },
        { type: 'OU', value: defaults.OU },
        { type: 'L', value: defaults.L },
        { type: 'ST', value: defaults.ST },
        { type: 'C', value: defaults.C },
        { type: 'CN', value: systemAuthId },
    ];
}
/** §4.2 check order: base64 → PEM block → parse → signature → CN → C → O → OU → L → ST → key fits the RSA CA. */
function checkCompassCsr(base64Csr, expected) {
    const fail = (message) => ({ ok: false, message });
    const pemBytes = (0, csr_request_1.decodeStdBase64)(base64Csr);
    if (pemBytes === undefined)
        return fail(exports.CompassMessages.base64);
    const der = (0, csr_request_1.decodeFirstPemBlock)(pemBytes);
    if (der === undefined)
        return fail(exports.CompassMessages.pem);
    let csr;
    let subject;
    try {
        csr = (0, csr_1.readCsrStructure)(der);
        subject = (0, dn_1.attributesFromNameDer)(csr.subjectName);
    }
    catch (e) {
        return fail(`${exports.CompassMessages.parseCsr}asn1: structure error: ${e.message}`);
    }
    const badSignature = (0, csr_request_1.signatureError)(csr);
    if (badSignature !== undefined)
        return fail(exports.CompassMessages.csrSignature + badSignature);
    const mismatch = (0, dn_1.subjectMismatch)(expected, (0, csr_request_1.asGoName)(subject));
    if (mismatch !== undefined)
        return fail(exports.CompassMessages.subjectPrefix + mismatch);
    const algorithm = (0, signing_1.signatureAlgorithmByOid)(csr.signatureAlgorithm);
    if (algorithm?.keyType !== 'rsa' || algorithm.hash === null) {
        return fail(`${exports.CompassMessages.createCertificate}x509: requested SignatureAlgorithm does not match private key type`);
    }
    return { ok: true, csr: { subjectName: csr.subjectName, spki: csr.spki, hash: algorithm.hash, subject } };
}
/**
 * The certificate hydrator (§3.2): the subject's O/OU/C/L/ST must equal the configuration, CN names the SystemAuth;
 * a revoked hash, a foreign subject or an unknown SystemAuth (no tenant mapping) yield no identity at all.
 */
function certificateIdentity(peerDer, state, expected) {
    if (peerDer === undefined)
        return undefined;
    const hash = (0, node_crypto_1.createHash)('sha256').update(peerDer).digest('hex');
    if (state.revoked.has(hash))
        return undefined;
    // cert_subject.go reads the first occurrence of each attribute, in any order; extra attributes are ignored.
    const subject = (0, dn_1.attributesFromNameDer)((0, pki_1.subjectNameOf)(peerDer));
    for (const key of ['O', 'OU', 'C', 'L', 'ST']) {
        if ((0, dn_1.firstValue)(subject, key) !== expected[key])
            return undefined;
    }
    const commonName = (0, dn_1.firstValue)(subject, 'CN');
    const auth = commonName === undefined ? undefined : state.systemAuth(commonName);
    return auth === undefined ? undefined : { auth, hash };
}
//# sourceMappingURL=signing.js.map