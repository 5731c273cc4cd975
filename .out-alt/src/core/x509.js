"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.certificateDer = certificateDer;
exports.toX509 = toX509;
/**
 * Turning "a certificate" in any of the forms callers hold (PEM text, DER bytes, facts, node's X509Certificate)
 * into node's X509Certificate, with `parse` errors for anything else.
 */
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
const pem_1 = require("./pem");
/** The DER of the first certificate in `input`. Throws `parse` (or `too-large`). */
function certificateDer(input) {
    if (input instanceof node_crypto_1.X509Certificate)
        return input.raw;
    if (!Buffer.isBuffer(input) && typeof input !== 'string')
        return input.der;
    const parsed = (0, pem_1.parseCryptoFile)(input);
    const block = parsed.blocks.find((b) => b.kind === 'certificate');
    if (!block) {
        const broken = parsed.blocks.find((b) => b.problem && b.label.includes('CERTIFICATE'));
        throw new errors_1.KymaCertError('parse', broken ? `certificate is damaged: ${broken.problem}` : 'no certificate found');
    }
    return block.der;
}
/** node's X509Certificate for `input`. Throws `parse` when the bytes are not a certificate. */
function toX509(input) {
    if (input instanceof node_crypto_1.X509Certificate)
        return input;
    const der = certificateDer(input);
    try {
        return new node_crypto_1.X509Certificate(der);
    }
    catch (e) {
        throw new errors_1.KymaCertError('parse', 'certificate is malformed', undefined, { cause: e });
    }
}
//# sourceMappingURL=x509.js.map