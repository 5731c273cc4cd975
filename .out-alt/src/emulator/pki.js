"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.generateRsaKeyPair = generateRsaKeyPair;
exports.createAuthorityCertificate = createAuthorityCertificate;
exports.loadAuthority = loadAuthority;
exports.subjectNameOf = subjectNameOf;
exports.createServerCertificate = createServerCertificate;
exports.issueClientCertificate = issueClientCertificate;
const node_crypto_1 = require("node:crypto");
const node_net_1 = require("node:net");
const certificate_builder_1 = require("../core/certificate-builder");
const certificate_1 = require("../core/certificate");
const keys_1 = require("../core/keys");
/** The Connector Service and certs-setup job give every certificate serial number 2. */
const SERIAL_HEX = '02';
/** A fresh RSA key; async so the event loop keeps serving while a 4096-bit key is generated. */
async function generateRsaKeyPair(bits) {
    const { key, pem } = await (0, keys_1.generateRsaKeyAsync)(bits);
    return { key, keyPem: pem };
}
/** Self-signed CA (serial 2 like the Kyma certs-setup job): KeyUsage, BasicConstraints CA:TRUE, SKI; no AKI. */
function createAuthorityCertificate(commonName, key, notBefore, validityMs) {
    return (0, certificate_builder_1.buildCertificate)({
        subject: [{ type: 'CN', value: commonName }],
        publicKey: key,
        signingKey: key,
        serialNumberHex: SERIAL_HEX,
        notBefore,
        notAfter: new Date(notBefore.getTime() + validityMs),
        isCA: true,
        keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
        authorityKeyIdentifier: false,
    }).pem;
}
/** Reads a CA back from PEM (the state dir) into the form the signer needs. */
function loadAuthority(certPem, keyPem) {
    const x509 = new node_crypto_1.X509Certificate(certPem);
    const key = (0, node_crypto_1.createPrivateKey)(keyPem);
    if (!x509.checkPrivateKey(key)) {
        throw new Error('CA key does not belong to the CA certificate');
    }
    return { certPem: x509.toString(), key, subjectName: subjectNameOf(x509.raw) };
}
/** The encoded subject Name of a DER certificate. */
function subjectNameOf(certDer) {
    return (0, certificate_1.certificateNameDer)(certDer, 'subject');
}
/** Server certificate for the loopback names (plus any extra host names) signed by the server CA. */
function createServerCertificate(ca, key, hosts, notBefore, validityMs) {
    return (0, certificate_builder_1.buildCertificate)({
        subject: [{ type: 'CN', value: hosts.find((h) => (0, node_net_1.isIP)(h) === 0) ?? hosts[0] }],
        issuer: ca.subjectName,
        publicKey: key,
        signingKey: ca.key,
        serialNumberHex: SERIAL_HEX,
        notBefore,
        notAfter: new Date(notBefore.getTime() + validityMs),
        basicConstraints: false,
        keyUsage: ['digitalSignature', 'keyEncipherment'],
        extKeyUsage: ['serverAuth'],
        subjectKeyIdentifier: false,
        subjectAltNames: hosts,
    }).pem;
}
/**
 * A client certificate as the Connector Service issues it: serial 2, subject and key from the CSR,
 * KeyUsage digitalSignature (critical, like Go), ExtKeyUsage clientAuth, AuthorityKeyId of the CA.
 */
function issueClientCertificate(ca, request) {
    return (0, certificate_builder_1.buildCertificate)({
        subject: request.subjectName,
        issuer: ca.subjectName,
        publicKey: request.spki,
        signingKey: ca.key,
        serialNumberHex: SERIAL_HEX,
        notBefore: request.notBefore,
        notAfter: request.notAfter,
        basicConstraints: false,
        keyUsage: ['digitalSignature'],
        extKeyUsage: ['clientAuth'],
        subjectKeyIdentifier: false,
        signatureHash: request.hash,
    }).pem;
}
//# sourceMappingURL=pki.js.map