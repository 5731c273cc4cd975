"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.certificateJson = certificateJson;
exports.certificateSummary = certificateSummary;
const expiry_1 = require("../core/expiry");
const output_1 = require("./output");
function certificateJson(facts, now) {
    const expiry = (0, expiry_1.assessExpiry)(facts, now);
    return {
        subject: facts.subjectText,
        issuer: facts.issuerText,
        ...(facts.commonName !== undefined ? { commonName: facts.commonName } : {}),
        serialNumber: facts.serialNumber,
        notBefore: facts.notBefore.toISOString(),
        notAfter: facts.notAfter.toISOString(),
        daysLeft: expiry.daysLeft,
        state: expiry.state,
        sha256Hex: facts.sha256Hex,
        fingerprint256: facts.fingerprint256,
        publicKey: facts.publicKey,
        isCA: facts.isCA,
        selfSigned: facts.selfSigned,
        subjectAltNames: facts.subjectAltNames,
    };
}
/** One line: `CN=my-app, valid until 2025-04-03T00:00:00Z (expires in 91 days)` (the full subject when there is no CN). */
function certificateSummary(facts, now) {
    const name = facts.commonName !== undefined ? `CN=${facts.commonName}` : facts.subjectText;
    return `${name}, valid until ${(0, output_1.isoSeconds)(facts.notAfter)} (${(0, expiry_1.describeExpiry)((0, expiry_1.assessExpiry)(facts, now))})`;
}
//# sourceMappingURL=facts.js.map