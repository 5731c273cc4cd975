"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.certificateNameDer = certificateNameDer;
exports.certificateFacts = certificateFacts;
exports.certificatesInFile = certificatesInFile;
exports.isIssuedBy = isIssuedBy;
exports.certificateLogLabel = certificateLogLabel;
/**
 * Facts about one X.509 certificate, for display, expiry checks, pairing and renewal.
 *
 * node:crypto's X509Certificate provides validity, fingerprints, SANs, key and CA flag and checks signatures.
 * Its `subject` text loses multi-valued RDNs and escaping, so the ordered subject/issuer attributes are decoded
 * from the DER ourselves (forge's certificate parser would reject EC public keys).
 */
const node_crypto_1 = require("node:crypto");
const node_forge_1 = __importDefault(require("node-forge"));
const errors_1 = require("./errors");
const dn_1 = require("./dn");
const der_1 = require("./der");
const keys_1 = require("./keys");
const pem_1 = require("./pem");
const x509_1 = require("./x509");
/** Locates issuer, validity and subject inside TBSCertificate. */
function tbsParts(der) {
    const what = 'certificate structure';
    const tbs = (0, der_1.childrenOf)((0, der_1.childrenOf)((0, der_1.forgeFromDer)(der, 'certificate'), what)[0], what);
    // TBSCertificate: [0] version (optional), serial, signature, issuer, validity, subject, spki, …
    const offset = tbs.length > 0 && tbs[0].tagClass === node_forge_1.default.asn1.Class.CONTEXT_SPECIFIC && tbs[0].type === 0 ? 1 : 0;
    const [issuer, validity, subject] = [tbs[offset + 2], tbs[offset + 3], tbs[offset + 4]];
    if (!issuer || !validity || !subject)
        throw new errors_1.KymaCertError('parse', `${what} is malformed`);
    return { issuer, validity, subject };
}
/** Reads Validity's two times; undefined if they are not UTCTime/GeneralizedTime. */
function validityDates(validity) {
    const times = Array.isArray(validity.value) ? validity.value : [];
    if (times.length !== 2)
        return undefined;
    const dates = times.map((t) => {
        try {
            if ((0, der_1.isPrimitive)(t, node_forge_1.default.asn1.Type.UTCTIME))
                return node_forge_1.default.asn1.utcTimeToDate(t.value);
            if ((0, der_1.isPrimitive)(t, node_forge_1.default.asn1.Type.GENERALIZEDTIME))
                return node_forge_1.default.asn1.generalizedTimeToDate(t.value);
        }
        catch {
            return undefined;
        }
        return undefined;
    });
    const [notBefore, notAfter] = dates;
    if (!notBefore || !notAfter || Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime()))
        return undefined;
    return { notBefore, notAfter };
}
/** The DER of a certificate's subject or issuer Name. Throws `parse`. */
function certificateNameDer(input, which) {
    return (0, der_1.forgeToDer)(tbsParts((0, x509_1.toX509)(input).raw)[which]);
}
/** Splits node's `subjectAltName` text (`DNS:a, IP Address:1.2.3.4`; values with `,` are JSON-quoted). */
function splitSubjectAltNames(text) {
    if (!text)
        return [];
    const out = [];
    let current = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"' && text[i - 1] !== '\\')
            quoted = !quoted;
        if (!quoted && c === ',' && text[i + 1] === ' ') {
            out.push(current);
            current = '';
            i++;
            continue;
        }
        current += c;
    }
    if (current)
        out.push(current);
    return out;
}
/**
 * Everything the extension and CLI show or decide on about a certificate.
 * Accepts PEM (the first certificate in it), DER, an X509Certificate or facts. Throws `parse` / `too-large`.
 */
function certificateFacts(input) {
    const x509 = (0, x509_1.toX509)(input);
    const der = x509.raw;
    const parts = tbsParts(der);
    const subject = (0, dn_1.attributesFromNameNode)(parts.subject);
    const issuer = (0, dn_1.attributesFromNameNode)(parts.issuer);
    const validity = validityDates(parts.validity) ?? {
        notBefore: new Date(x509.validFrom),
        notAfter: new Date(x509.validTo),
    };
    let selfSigned = false;
    if ((0, dn_1.sameName)(subject, issuer)) {
        try {
            selfSigned = x509.verify(x509.publicKey);
        }
        catch {
            selfSigned = false;
        }
    }
    let publicKey;
    try {
        publicKey = (0, keys_1.describeKey)(x509.publicKey);
    }
    catch {
        publicKey = { type: 'unknown' }; // a key algorithm OpenSSL cannot load; the rest is still worth showing
    }
    const commonName = (0, dn_1.firstValue)(subject, 'CN');
    return {
        der,
        pem: (0, der_1.toPem)('CERTIFICATE', der),
        subject,
        issuer,
        subjectText: (0, dn_1.formatRfc4514)(subject),
        issuerText: (0, dn_1.formatRfc4514)(issuer),
        subjectConnector: (0, dn_1.formatConnectorSubject)(subject),
        ...(commonName !== undefined ? { commonName } : {}),
        serialNumber: x509.serialNumber.toUpperCase(),
        notBefore: validity.notBefore,
        notAfter: validity.notAfter,
        subjectAltNames: splitSubjectAltNames(x509.subjectAltName),
        fingerprint256: x509.fingerprint256,
        sha256Hex: (0, node_crypto_1.createHash)('sha256').update(der).digest('hex'),
        publicKey,
        isCA: x509.ca,
        selfSigned,
        extKeyUsage: x509.keyUsage ?? [],
    };
}
/** Every certificate in a file, in file order (for bundles: leaf + CA chain). Damaged blocks are skipped. */
function certificatesInFile(data) {
    return (0, pem_1.parseCryptoFile)(data)
        .blocks.filter((b) => b.kind === 'certificate')
        .flatMap((b) => {
        try {
            return [certificateFacts(b.der)];
        }
        catch {
            return [];
        }
    });
}
function subjectOf(input, which) {
    // Facts carry decoded names; X509Certificate also has `subject`/`issuer`, but as lossy strings.
    const carried = typeof input === 'object' && !Buffer.isBuffer(input) ? input[which] : undefined;
    if (Array.isArray(carried))
        return carried;
    return (0, dn_1.attributesFromNameNode)(tbsParts((0, x509_1.toX509)(input).raw)[which]);
}
/** True when `issuer`'s subject is `child`'s issuer name and `issuer`'s key verifies `child`'s signature. */
function isIssuedBy(child, issuer) {
    if (!(0, dn_1.sameName)(subjectOf(child, 'issuer'), subjectOf(issuer, 'subject')))
        return false;
    try {
        return (0, x509_1.toX509)(child).verify((0, x509_1.toX509)(issuer).publicKey);
    }
    catch {
        return false;
    }
}
/**
 * How every log line names a certificate: subject, the SHA-256 fingerprint in one format (`AB:CD:…`, as shown in
 * the editor and by `openssl x509 -fingerprint -sha256`) and the end of validity.
 */
function certificateLogLabel(facts) {
    return `${facts.subjectText} (SHA-256 ${facts.fingerprint256}, valid until ${facts.notAfter.toISOString()})`;
}
//# sourceMappingURL=certificate.js.map