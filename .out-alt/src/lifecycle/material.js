"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readRequiredFile = readRequiredFile;
exports.loadCertificateMaterial = loadCertificateMaterial;
const node_crypto_1 = require("node:crypto");
const certificate_1 = require("../core/certificate");
const errors_1 = require("../core/errors");
const keys_1 = require("../core/keys");
const pem_1 = require("../core/pem");
const files_1 = require("./files");
const verify_1 = require("./verify");
/** Reads a file that must exist; a missing file is a configuration problem (wrong flag), not an I/O failure. */
async function readRequiredFile(file, what) {
    const data = await (0, files_1.readFileIfExists)(file);
    if (data === undefined)
        throw new errors_1.KymaCertError('config', `${what} ${file} does not exist.`);
    return data;
}
/**
 * Reads the certificate file (client certificate alone, or client + CA chain, PEM or DER) and the key, and checks the
 * preconditions of every mTLS operation: it parses, the key belongs to one of its certificates, and that certificate
 * is valid at `now` (an expired certificate cannot pass the gateway's handshake, so only a new token helps).
 * An encrypted key is decrypted in memory with `keyPassphrase`; the file stays as it is.
 */
async function loadCertificateMaterial(certFile, keyFile, now, keyPassphrase) {
    const certData = await readRequiredFile(certFile, 'Certificate file');
    const keyData = await readRequiredFile(keyFile, 'Key file');
    const parsed = (0, pem_1.parseCryptoFile)(certData);
    const certDers = parsed.blocks.filter((b) => b.kind === 'certificate').map((b) => b.der);
    if (parsed.format === 'none' || certDers.length === 0) {
        throw new errors_1.KymaCertError('parse', `${certFile} holds no certificate.`, undefined, { remedy: { kind: 'check-certificate-file', data: { file: certFile } } });
    }
    const { key, format: keyFormat } = (0, keys_1.readPrivateKey)(keyData, keyPassphrase);
    const certs = certDers.map((der) => new node_crypto_1.X509Certificate(der));
    const client = certs.find((c) => (0, verify_1.certificateHasKey)(c, key));
    if (!client) {
        throw new errors_1.KymaCertError('key-mismatch', `The private key ${keyFile} does not belong to the certificate in ${certFile}.`, undefined, { remedy: { kind: 'check-key-file', data: { keyFile } } });
    }
    const clientFacts = (0, certificate_1.certificateFacts)(client.raw);
    if (clientFacts.notAfter.getTime() <= now.getTime()) {
        throw new errors_1.KymaCertError('expired', `The certificate ${clientFacts.commonName ?? clientFacts.subjectText} expired on ${clientFacts.notAfter.toISOString()}; ` +
            'an expired certificate cannot be renewed.', undefined, { remedy: { kind: 'new-certificate-with-token', data: { reason: 'expired' } } });
    }
    if (clientFacts.notBefore.getTime() > now.getTime()) {
        throw new errors_1.KymaCertError('not-yet-valid', `The certificate is not valid before ${clientFacts.notBefore.toISOString()}.`, undefined, { remedy: { kind: 'check-clock' } });
    }
    return {
        certFile,
        certData,
        format: parsed.format === 'der' ? 'der' : 'pem',
        client,
        clientFacts,
        clientPem: client.toString(),
        chainCount: certs.length - 1,
        key,
        keyData,
        keyFormat,
        keyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
}
//# sourceMappingURL=material.js.map