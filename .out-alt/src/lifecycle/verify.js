"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLOCK_SKEW_TOLERANCE_MS = void 0;
exports.certificateHasKey = certificateHasKey;
exports.signerAmong = signerAmong;
exports.verifyIssuedCertificates = verifyIssuedCertificates;
const node_crypto_1 = require("node:crypto");
const certificate_1 = require("../core/certificate");
const dn_1 = require("../core/dn");
const errors_1 = require("../core/errors");
const pem_1 = require("../core/pem");
/**
 * A freshly issued certificate may start a few moments "in the future" when the server's clock runs ahead of ours
 * (the service does not back-date, spec §7/§12); this much skew is tolerated.
 */
exports.CLOCK_SKEW_TOLERANCE_MS = 5 * 60 * 1000;
function fail(message, remedy = { kind: 'report-to-admin' }) {
    throw new errors_1.KymaCertError('verification', `${message} Nothing was written.`, undefined, { remedy });
}
function certificatesIn(pem, field) {
    let blocks;
    try {
        blocks = (0, pem_1.parseCryptoFile)(pem).blocks;
    }
    catch {
        fail(`The service's ${field} is not readable PEM.`);
    }
    return blocks.filter((b) => b.kind === 'certificate').map((b) => b.der);
}
function toX509(der, field) {
    try {
        return new node_crypto_1.X509Certificate(der);
    }
    catch {
        fail(`The service's ${field} holds a certificate that cannot be parsed.`);
    }
}
function spki(key) {
    const pub = key.type === 'private' ? (0, node_crypto_1.createPublicKey)(key) : key;
    return pub.export({ type: 'spki', format: 'der' });
}
/** True when `cert` carries the public half of `key`. */
function certificateHasKey(cert, key) {
    return spki(cert.publicKey).equals(spki(key));
}
/** The CA among `cas` whose key verifies `cert`'s signature, if any. */
function signerAmong(cert, cas) {
    return cas.find((ca) => {
        try {
            return cert.verify(ca.publicKey);
        }
        catch {
            return false;
        }
    });
}
function toPem(certs) {
    return certs.map((c) => c.toString().trim() + '\n').join('');
}
/**
 * Checks a certificate answer before anything is written (spec §3.3/§5 guarantees, plus our own safety checks):
 * `clientCrt` is one certificate carrying our public key, with the subject we asked for, signed by a CA in `caCrt`;
 * `crt` is exactly `clientCrt` followed by `caCrt`; the certificate is valid now. For renewal additionally: the CA is
 * the one that issued the current certificate (unless `allowIssuerChange`) and the new one outlives the current one.
 * Throws `verification` naming the first failed check.
 */
function verifyIssuedCertificates(req) {
    const clientDers = certificatesIn(req.issued.clientCrtPem, 'clientCrt');
    if (clientDers.length !== 1)
        fail(`The service's clientCrt holds ${clientDers.length} certificates instead of one.`);
    const caDers = certificatesIn(req.issued.caCrtPem, 'caCrt');
    if (caDers.length === 0)
        fail(`The service's caCrt holds no certificate.`);
    const chainDers = certificatesIn(req.issued.crtPem, 'crt');
    const expectedChain = [...clientDers, ...caDers];
    if (chainDers.length !== expectedChain.length || !chainDers.every((d, i) => d.equals(expectedChain[i]))) {
        fail(`The service's crt is not clientCrt followed by caCrt.`);
    }
    const client = toX509(clientDers[0], 'clientCrt');
    const caChain = caDers.map((d) => toX509(d, 'caCrt'));
    const clientFacts = (0, certificate_1.certificateFacts)(clientDers[0]);
    if (!certificateHasKey(client, req.key)) {
        fail('The returned certificate does not carry our public key.');
    }
    const mismatch = (0, dn_1.subjectMismatch)(req.expectedSubject, clientFacts.subject);
    if (mismatch !== undefined) {
        fail(`The returned certificate's subject ${clientFacts.subjectText} does not match the requested ` +
            `${(0, dn_1.formatConnectorSubject)(req.expectedSubject)} (${mismatch.replace(/^CSR: /, '')}).`);
    }
    const issuer = signerAmong(client, caChain);
    if (!issuer)
        fail('The returned certificate is not signed by the returned CA (caCrt).');
    const nowMs = req.now.getTime();
    if (clientFacts.notAfter.getTime() <= nowMs)
        fail('The returned certificate has already expired.');
    if (clientFacts.notBefore.getTime() > nowMs + exports.CLOCK_SKEW_TOLERANCE_MS) {
        fail(`The returned certificate is not valid before ${clientFacts.notBefore.toISOString()}.`, { kind: 'check-clock' });
    }
    const issuerChanged = req.current !== undefined && !signerAmong(req.current, caChain);
    if (req.current) {
        if (issuerChanged && !req.allowIssuerChange) {
            fail(`The returned certificate comes from a different CA (${issuer.subject.replace(/\n/g, ', ')}) than the one ` +
                'that issued the current certificate.', { kind: 'allow-issuer-change' });
        }
        // Equal is accepted: X.509 times have one-second resolution, so a renewal right after issuance returns the
        // same notAfter. What must never happen is trading the current certificate for one that dies sooner.
        const currentNotAfter = (0, certificate_1.certificateFacts)(req.current.raw).notAfter.getTime();
        if (clientFacts.notAfter.getTime() < currentNotAfter) {
            fail(`The returned certificate expires ${clientFacts.notAfter.toISOString()}, ` +
                `earlier than the current one (${new Date(currentNotAfter).toISOString()}).`);
        }
    }
    return {
        client,
        clientFacts,
        caChain,
        issuer,
        clientPem: toPem([client]),
        caPem: toPem(caChain),
        issuerChanged,
    };
}
//# sourceMappingURL=verify.js.map